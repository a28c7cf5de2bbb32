// Import keeps the rules the commands keep: a touch is something that happened (touch log --at), a purchase is not
// before the prospect was added (convert --at), a website visit is inbound (touch log).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storeBytes, storedDoc, storeWith, tempDir, tempStore } from '../helpers.js';

const NOW = { now: '2026-03-10T12:00:00.000Z' };
const csvFile = (text: string) => {
  const path = join(tempDir(), 'in.csv');
  writeFileSync(path, text);
  return path;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = async (store: string): Promise<any> => storedDoc(store);

describe('import touches keeps the rules of touch log', () => {
  it('refuses a touch on a later day (65, the line named, nothing written), as touch log --at does (2)', async () => {
    const store = await storeWith(undefined, NOW);
    const before = await storeBytes(store);
    const file = csvFile('prospect,type,at\nravi@example.com,call,2026-03-10T18:00\nravi@example.com,visit,2026-03-11\n');
    const r = await run(store, ['import', 'touches', file], NOW);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 3: at "2026-03-11" is after today; a touch records what happened\n');
    expect(await storeBytes(store)).toEqual(before);
    expect((await run(store, ['touch', 'log', 'ravi', 'visit', '--at', '2026-03-11'], NOW)).code).toBe(2);
    // Later today is still today, for both.
    expect((await run(store, ['import', 'touches', file, '--skip-invalid'], NOW)).stderr).toContain('created 1, merged 0, skipped 0, rejected 1');
  });

  it('an imported website visit is inbound, as touch log makes it, and so makes an aware prospect interested', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], NOW);
    const r = await run(store, ['import', 'touches', csvFile('email,type,at\nravi@example.com,website,2026-03-09T10:00\nravi@example.com,call,2026-03-09T11:00\n')], NOW);
    expect(r.code).toBe(0);
    expect((await doc(store)).touches.map((t: { type: string; direction: string | null }) => [t.type, t.direction])).toEqual([['website', 'in'], ['call', null]]);
    expect((await doc(store)).prospects[0].stage).toBe('interested');
  });
});

describe('import prospects keeps the rules of convert', () => {
  it('with no created date, a customer was created no later than the purchase: days to convert is never negative', async () => {
    const store = (await tempStore());
    const file = csvFile('name,email,stage,converted_at,conversion_value,source\nAsha,asha@example.com,customer,2025-06-16,250,walk-in\n');
    expect((await run(store, ['import', 'prospects', file], NOW)).code).toBe(0);
    const [asha] = (await doc(store)).prospects;
    expect(asha.createdAt).toBe('2025-06-16T00:00:00.000Z');
    // The stage history puts the purchase at its date, not at the import.
    expect(asha.stageHistory).toEqual([{ stage: 'interested', at: '2025-06-16T00:00:00.000Z' }, { stage: 'customer', at: '2025-06-16T00:00:00.000Z' }]);
    const conversions = await run(store, ['export', 'conversions'], NOW);
    expect(conversions.stdout.split('\n')[1]).toBe('1,Asha,asha@example.com,walk-in,,,2025-06-16T00:00:00.000Z,2025-06-16T00:00:00.000Z,0,0,250,,');
    expect(JSON.parse((await run(store, ['prospect', 'show', 'asha', '--json'], NOW)).stdout).daysToConvert).toBe(0);
    expect((await run(store, ['report', 'sources', '--format', 'csv'], NOW)).stdout.split('\n')[1]).toBe('walk-in,1,1,1,0,0,250');
  });

  it('the earliest dated fact of the row is the created date: an unsubscribe or last change before the import counts', async () => {
    const store = (await tempStore());
    const file = csvFile('Email Address,UNSUB_TIME,LAST_CHANGED\nlena@example.de,2026-01-20 10:00:00,2026-02-01 09:00:00\nchidi@example.ng,,2026-02-12 09:00:00\n');
    expect((await run(store, ['import', 'prospects', file], NOW)).code).toBe(0);
    const [lena, chidi] = (await doc(store)).prospects;
    expect(lena).toMatchObject({ createdAt: '2026-01-20T10:00:00.000Z', doNotContact: true, consent: [{ at: '2026-01-20T10:00:00.000Z', granted: false }] });
    expect(chidi.createdAt).toBe('2026-02-12T09:00:00.000Z');
  });

  it.each([
    ['name,created_at,converted_at', 'Asha,2025-10-05,2025-01-10', 'converted_at "2025-01-10" is before created_at "2025-10-05": a purchase cannot come before the prospect was added (fix one of the dates)'],
  ])('%s / %s → 65 with the reason', async (header, row, reason) => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile(`${header}\n${row}\n`)], NOW);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`  line 2: ${reason}\n`);
  });

  it('the same day for both is fine (convert allows a purchase on the day the prospect was added)', async () => {
    const store = (await tempStore());
    expect((await run(store, ['import', 'prospects', csvFile('name,created_at,converted_at\nAsha,2025-10-05T18:00,2025-10-05T09:00\n')], NOW)).code).toBe(0);
  });

  it('a negative purchase value is refused with its line (65, nothing written), as convert --value refuses it', async () => {
    const store = await tempStore();
    const r = await run(store, ['import', 'prospects', csvFile('name,converted_at,conversion_value\nAsha,2026-03-01,-12.50\nBen,2026-03-01,8\n')], NOW);
    expect(r.code, r.stderr).toBe(65);
    expect(r.stderr).toMatch(/line 2.*conversion_value "-12\.50" is negative/);
    expect((await run(store, ['prospect', 'list', '--format', 'csv'], NOW)).stdout.trim().split('\n')).toHaveLength(1); // the header only
  });

  it('a purchase merged into a known prospect added after it is refused, as convert --at would refuse it', async () => {
    const store = await storeWith(['Asha', '--email', 'asha@example.com'], NOW);
    const file = csvFile('email,converted_at,conversion_value\nasha@example.com,2025-12-01,90\n');
    const r = await run(store, ['import', 'prospects', file], { now: '2026-03-11T12:00:00.000Z' });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 2: converted_at 2025-12-01 is before Asha (1) was added (2026-03-10): a purchase cannot come before the prospect was added\n');
    expect((await run(store, ['convert', 'asha', '--at', '2025-12-01'], { now: '2026-03-11T12:00:00.000Z' })).code).toBe(2);
  });
});
