// `import touches` through its verb: parse takes PRECRM_CURRENCY for costs without one, run returns the counts
// (a touch already in is skipped), show says them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { touches } from '../../../src/commands/import/touches.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storedDoc, storeWith, tempDir, tempStore, withContext } from '../../helpers.js';

const csvFile = (text: string) => {
  const path = join(tempDir(), 'visits.csv');
  writeFileSync(path, text);
  return path;
};

const VISITS = 'email,type,at,note,cost\nravi@example.com,tasting,2026-03-01T10:00:00Z,cardamom buns,40\nnobody@example.com,greeting,2026-03-02T10:00:00Z,,\n';

describe('import touches (verb)', () => {
  it('parses PRECRM_CURRENCY as the currency of a cost without one; a bad one is a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await touches.parse(['visits.csv'], { skipInvalid: true }, ctx)).toMatchObject({ file: 'visits.csv', currency: 'EUR', skipInvalid: true, dryRun: false });
    }, { env: { PRECRM_CURRENCY: 'eur' } });
    await withContext(store, async (ctx) => {
      await expect(Promise.resolve().then(() => touches.parse(['visits.csv'], {}, ctx))).rejects.toMatchObject({ exitCode: EXIT.usage });
    }, { env: { PRECRM_CURRENCY: 'euros' } });
    await withContext(store, async (ctx) => {
      await expect(Promise.resolve().then(() => touches.parse(['visits.csv'], { map: ['When=birthday'] }, ctx))).rejects.toMatchObject({ exitCode: EXIT.usage });
    });
  });

  it('run returns the counts: an unknown prospect is rejected, a repeated touch skipped', async () => {
    const store = await storeWith();
    const file = csvFile(VISITS);
    const first = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([file], { skipInvalid: true }, ctx)), { env: { PRECRM_CURRENCY: 'INR' } });
    expect(first).toMatchObject({ created: 1, skipped: 0, written: true, refused: false });
    expect(first.rejected.map((r) => r.line)).toEqual([3]);
    const again = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([file], { skipInvalid: true }, ctx)), { env: { PRECRM_CURRENCY: 'INR' } });
    expect(again).toMatchObject({ created: 0, skipped: 1, written: false });
    expect((await storedDoc(store)).touches).toMatchObject([{ prospectId: 1, type: 'tasting', note: 'cardamom buns', cost: 40, currency: 'INR' }]);
  });

  it('prints the skipped line and the summary on stderr (argv level)', async () => {
    const store = await storeWith();
    const r = await run(store, ['import', 'touches', csvFile(VISITS), '--skip-invalid'], { env: { PRECRM_CURRENCY: 'INR' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^warning: skipped line 3: .*\ncreated 1, merged 0, skipped 0, rejected 1\n$/);
  });
});
