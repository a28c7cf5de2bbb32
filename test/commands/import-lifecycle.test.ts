// An import row that says a known prospect bought has the effects `convert` has, through the same domain functions:
// a lost prospect is refused as convert refuses it, and the buyer and the referrer become advocates as convert makes them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storeBytes, storedDoc, tempDir, tempStore } from '../helpers.js';

const NOW = { now: '2026-03-10T12:00:00.000Z' };
const LATER = { now: '2026-03-12T12:00:00.000Z' };

const csvFile = (text: string) => {
  const path = join(tempDir(), 'in.csv');
  writeFileSync(path, text);
  return path;
};

/** A store made by these commands, each expected to succeed. */
async function storeBy(...commands: string[][]): Promise<string> {
  const store = await tempStore();
  for (const args of commands) {
    const r = await run(store, args, NOW);
    if (r.code !== 0) throw new Error(`fixture ${args.join(' ')} failed: ${r.stderr}`);
  }
  return store;
}

const prospects = async (store: string) => (await storedDoc(store)).prospects;

const ASHA = ['prospect', 'add', 'Asha', '--email', 'asha@example.com'];
const RAVI = ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com'];

describe('import prospects: a purchase of a known prospect is a conversion as convert records it', () => {
  it('a row saying a lost prospect bought is refused with convert\'s reason (65, nothing written); convert refuses it too (4)', async () => {
    const store = await storeBy(ASHA, ['prospect', 'lose', 'asha', '--reason', 'too expensive']);
    const before = await storeBytes(store);
    const file = csvFile('email,stage,converted_at,conversion_value\nasha@example.com,customer,2026-03-11,90\n');
    const r = await run(store, ['import', 'prospects', file], LATER);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 2: Asha (1) is lost; reopen first (precrm prospect reopen 1), then convert\n');
    expect(await storeBytes(store)).toEqual(before);
    expect((await run(store, ['convert', 'asha', '--at', '2026-03-11'], LATER)).code).toBe(4);
  });

  it('a shop\'s order count for a lost prospect is refused the same way, and --skip-invalid leaves the prospect lost', async () => {
    const store = await storeBy(ASHA, ['prospect', 'lose', 'asha', '--reason', 'too expensive']);
    const file = csvFile('Email,Total Orders,Note\nasha@example.com,2,regular now\n');
    const r = await run(store, ['import', 'prospects', file, '--skip-invalid'], LATER);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('line 2: Asha (1) is lost; reopen first (precrm prospect reopen 1), then convert');
    const [asha] = await prospects(store);
    expect(asha).toMatchObject({ stage: 'lost', conversion: null, lostReason: 'too expensive', notes: null });
    expect(asha!.stageHistory.map((h) => h.stage)).toEqual(['interested', 'lost']);
  });

  it('a reopened prospect then converts through the import as through convert', async () => {
    const setup = [ASHA, ['prospect', 'lose', 'asha', '--reason', 'too expensive'], ['prospect', 'reopen', 'asha']];
    const [imported, converted] = [await storeBy(...setup), await storeBy(...setup)];
    const file = csvFile('email,converted_at,conversion_value\nasha@example.com,2026-03-11,90\n');
    expect((await run(imported, ['import', 'prospects', file], LATER)).code).toBe(0);
    expect((await run(converted, ['convert', 'asha', '--at', '2026-03-11', '--value', '90'], LATER)).code).toBe(0);
    expect(await prospects(imported)).toEqual(await prospects(converted));
  });

  it('a buyer who has referred someone becomes an advocate, as convert makes them', async () => {
    const setup = [ASHA, [...RAVI, '--referred-by', 'asha']];
    const [imported, converted] = [await storeBy(...setup), await storeBy(...setup)];
    const file = csvFile('email,stage,converted_at,conversion_value\nasha@example.com,customer,2026-03-11,90\n');
    expect((await run(imported, ['import', 'prospects', file], LATER)).code).toBe(0);
    expect((await run(converted, ['convert', 'asha', '--at', '2026-03-11', '--value', '90'], LATER)).code).toBe(0);
    const after = await prospects(imported);
    expect(after[0]!.stageHistory.map((h) => h.stage)).toEqual(['interested', 'customer', 'advocate']);
    expect(after).toEqual(await prospects(converted));
  });

  it('the buyer\'s customer referrer becomes an advocate, as convert makes them', async () => {
    // Through the commands a customer who refers is promoted at once; an import keeps the stage its file gives.
    const people = csvFile('name,email,stage,referred_by\nRavi,ravi@example.com,customer,\nAsha,asha@example.com,interested,ravi@example.com\n');
    const setup = [['import', 'prospects', people]];
    const [imported, converted] = [await storeBy(...setup), await storeBy(...setup)];
    expect((await prospects(imported)).map((p) => p.stage)).toEqual(['customer', 'interested']);
    const file = csvFile('email,converted_at\nasha@example.com,2026-03-11\n');
    expect((await run(imported, ['import', 'prospects', file], LATER)).code).toBe(0);
    expect((await run(converted, ['convert', 'asha', '--at', '2026-03-11'], LATER)).code).toBe(0);
    const after = await prospects(imported);
    expect(after[0]!.stageHistory.map((h) => h.stage)).toEqual(['interested', 'customer', 'advocate']);
    expect(after).toEqual(await prospects(converted));
  });

  it.each(['5000', '1'])('a buyer the same file names as a referrer becomes an advocate, read whole or in batches of %s', async (batch) => {
    const store = await storeBy(ASHA);
    const file = csvFile('name,email,referred_by,converted_at\nRavi,ravi@example.com,asha@example.com,\nAsha,asha@example.com,,2026-03-11\n');
    const r = await run(store, ['import', 'prospects', file], { ...LATER, env: { PRECRM_IMPORT_BATCH: batch } });
    expect(r.code).toBe(0);
    const [asha, ravi] = await prospects(store);
    expect(asha!.stageHistory.map((h) => h.stage)).toEqual(['interested', 'customer', 'advocate']);
    expect(ravi!.referredBy).toBe(1);
  });
});
