// `prospect do-not-contact` through its verb: run records the wish in the consent log and puts the email and phone
// on the suppression list; --off records the opposite and lifts that entry.
import { describe, expect, it } from 'vitest';
import * as doNotContact from '../../../src/commands/prospect/do-not-contact.js';
import { run, storeWith, storedDoc, withContext } from '../../helpers.js';

describe('prospect do-not-contact (verb)', () => {
  it('parses --off and --note', async () => {
    const store = await storeWith();
    const options = await withContext(store, async (ctx) => doNotContact.parse(['ravi'], { note: 'asked by phone' }, ctx));
    expect(options).toEqual({ ref: 'ravi', off: false, note: 'asked by phone', country: null });
    const off = await withContext(store, async (ctx) => doNotContact.parse(['ravi'], { off: true }, ctx), { env: { PRECRM_COUNTRY: 'fr' } });
    expect(off).toEqual({ ref: 'ravi', off: true, note: null, country: 'FR' });
  });

  it('run records the wish and suppresses the contact; --off lifts it', async () => {
    const store = await storeWith();
    const on = await withContext(store, async (ctx) => doNotContact.run(ctx, await doNotContact.parse(['1'], { note: 'asked by phone' }, ctx)));
    expect(on).toMatchObject({ id: 1, doNotContact: true });
    expect(on.consent.at(-1)).toMatchObject({ granted: false, note: 'asked by phone' });
    expect((await storedDoc(store)).suppression.entries.map((e) => e.reason)).toEqual(['do-not-contact']);
    const off = await withContext(store, async (ctx) => doNotContact.run(ctx, await doNotContact.parse(['1'], { off: true }, ctx)));
    expect(off).toMatchObject({ id: 1, doNotContact: false });
    expect((await storedDoc(store)).suppression.entries).toEqual([]);
  });

  it('says what was recorded and prints the id (argv level)', async () => {
    const store = await storeWith();
    expect(await run(store, ['prospect', 'do-not-contact', 'ravi'])).toEqual({ code: 0, stdout: '1\n', stderr: 'Ravi Sen (1) will not be contacted (recorded in the consent log)\n' });
  });
});
