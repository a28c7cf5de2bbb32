// `prospect edit` through its verb: parse checks the flags, run changes the record in one transaction and returns
// it with the fields that changed (none: nothing written).
import { describe, expect, it } from 'vitest';
import * as edit from '../../../src/commands/prospect/edit.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storeBytes, storeWith, withContext } from '../../helpers.js';

describe('prospect edit (verb)', () => {
  it('parses the flags: an empty value clears, a tag is removed with --untag', async () => {
    const store = await storeWith();
    const options = await withContext(store, async (ctx) => edit.parse(['ravi'], { email: '', tag: ['regular'], untag: ['new'], name: 'Ravi K. Sen' }, ctx));
    expect(options).toMatchObject({ ref: 'ravi', allowDuplicate: false, input: { email: null, tags: ['regular'], untag: ['new'], name: 'Ravi K. Sen' } });
    await withContext(store, async (ctx) => {
      await expect(edit.parse(['ravi'], { stage: 'customer' }, ctx)).rejects.toThrow(/convert/);
    });
  });

  it('run returns the record and the fields that changed', async () => {
    const store = await storeWith();
    const result = await withContext(store, async (ctx) => edit.run(ctx, await edit.parse(['1'], { phone: '+91 98300 00000', source: 'Instagram' }, ctx)));
    expect(result.prospect).toMatchObject({ id: 1, phone: '+91 98300 00000', source: 'instagram' });
    expect(result.edited.map((c) => [c.field, c.from, c.to])).toEqual([['phone', null, '+91 98300 00000'], ['source', null, 'instagram']]);
  });

  it('run with values the record already has changes nothing and writes nothing', async () => {
    const store = await storeWith();
    const before = await storeBytes(store);
    const result = await withContext(store, async (ctx) => edit.run(ctx, await edit.parse(['1'], { email: 'ravi@example.com' }, ctx)));
    expect(result.edited).toEqual([]);
    expect(await storeBytes(store)).toEqual(before);
  });

  it('run refuses another prospect\'s email as a conflict (4)', async () => {
    const store = await storeWith();
    expect((await run(store, ['prospect', 'add', 'Anna', '--email', 'anna@example.com'])).code).toBe(0);
    const refused = withContext(store, async (ctx) => edit.run(ctx, await edit.parse(['Anna'], { email: 'RAVI@example.com' }, ctx)));
    await expect(refused).rejects.toMatchObject({ exitCode: EXIT.conflict, message: expect.stringMatching(/^Ravi Sen \(1\) already has this email/) });
  });

  it('says what changed on stderr and prints the id (argv level)', async () => {
    const store = await storeWith();
    expect(await run(store, ['prospect', 'edit', 'ravi', '--company', 'Sen & Sons'])).toEqual({
      code: 0, stdout: '1\n', stderr: 'updated Ravi Sen (1):\n  company: (none) → Sen & Sons\n',
    });
  });
});
