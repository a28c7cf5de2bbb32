// What a touch cost, on every backend: touch log --cost with the currency from --currency, the amount or
// PRECRM_CURRENCY (none anywhere is a usage error), kept exactly, shown by touch list and prospect show, and carried
// by export touches and back by import touches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storeWith, tempDir, tempStore } from '../helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';

async function ravi(): Promise<string> {
  return storeWith(['Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-03-01T10:00:00Z' });
}

describe('touch log --cost', () => {
  it('keeps the cost with its currency (given, written in the amount, or PRECRM_CURRENCY), exactly', async () => {
    const s = await ravi();
    const first = await run(s, ['touch', 'log', 'ravi', 'sample', 'walnut cake', '--cost', '40', '--currency', 'inr', '--json'], { now: NOW });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ type: 'sample', by: 'tester', cost: 40, currency: 'INR' });
    expect((await run(s, ['touch', 'log', 'ravi', 'tasting', '--cost', '€2.30'], { now: NOW })).code).toBe(0);
    expect((await run(s, ['touch', 'log', 'ravi', 'sample', '--cost', '0.1'], { now: NOW, env: { PRECRM_CURRENCY: 'eur' } })).code).toBe(0);
    expect((await run(s, ['touch', 'log', 'ravi', 'greeting'], { now: NOW })).code).toBe(0);
    const list = JSON.parse((await run(s, ['touch', 'list', '--json'], { now: NOW })).stdout);
    expect(list.map((t: { cost: number | null; currency: string | null }) => [t.cost, t.currency])).toEqual([[40, 'INR'], [2.3, 'EUR'], [0.1, 'EUR'], [null, null]]);
  });

  it('with no currency anywhere is a usage error (2) that says how to give one; nothing is logged', async () => {
    const s = await ravi();
    const r = await run(s, ['touch', 'log', 'ravi', 'sample', '--cost', '40'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --cost 40 needs a currency: add --currency (e.g. --currency INR), write it in the amount (€12.50), or set PRECRM_CURRENCY');
    const alone = await run(s, ['touch', 'log', 'ravi', 'sample', '--currency', 'EUR'], { now: NOW });
    expect(alone.code).toBe(2);
    expect(alone.stderr.split('\n')[0]).toBe('error: --currency goes with --cost <money>');
    const negative = await run(s, ['touch', 'log', 'ravi', 'sample', '--cost', '-5', '--currency', 'EUR'], { now: NOW });
    expect(negative.code).toBe(2);
    expect(JSON.parse((await run(s, ['touch', 'list', '--json'], { now: NOW })).stdout)).toEqual([]);
  });

  it('touch list and prospect show show it; a table without costs has no cost columns', async () => {
    const s = await ravi();
    await run(s, ['touch', 'log', 'ravi', 'greeting', '--at', '2026-03-09T09:00:00Z'], { now: NOW });
    const plain = await run(s, ['touch', 'list'], { now: NOW });
    expect(plain.stdout).not.toContain('cost');
    await run(s, ['touch', 'log', 'ravi', 'sample', 'walnut cake', '--cost', '40', '--currency', 'INR', '--at', '2026-03-09T10:00:00Z'], { now: NOW });
    const table = await run(s, ['touch', 'list'], { now: NOW, env: { COLUMNS: '200' } });
    expect(table.stdout.split('\n')[1]).toMatch(/│ cost +│ currency │$/);
    expect(table.stdout).toMatch(/│ +40\.00 │ INR +│/);
    const csv = await run(s, ['touch', 'list', '--format', 'csv'], { now: NOW });
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual([
      'id,at,prospect_id,name,type,direction,outcome,by,note,cost,currency',
      '1,2026-03-09T09:00:00.000Z,1,Ravi Sen,greeting,,,tester,,,',
      '2,2026-03-09T10:00:00.000Z,1,Ravi Sen,sample,,,tester,walnut cake,40,INR',
    ]);
    const show = await run(s, ['prospect', 'show', 'ravi'], { now: NOW });
    expect(show.stdout).toMatch(/sample +walnut cake +\(by tester, cost 40 INR\)/);
  });

  it('export touches ends with cost,currency, and import touches reads them back to the same bytes', async () => {
    const s = await ravi();
    await run(s, ['touch', 'log', 'ravi', 'sample', 'walnut cake', '--cost', '40.25', '--currency', 'INR', '--at', '2026-03-09T10:00:00Z'], { now: NOW });
    await run(s, ['touch', 'log', 'ravi', 'greeting', '--at', '2026-03-09T11:00:00Z', '--by', 'joel'], { now: NOW });
    const exported = await run(s, ['export', 'touches'], { now: NOW });
    expect(exported.stdout.split('\n')[0]).toBe('id,prospect_id,email,name,type,at,direction,outcome,by,note,cost,currency');
    expect(exported.stdout.split('\n')[1]).toBe('1,1,ravi@example.com,Ravi Sen,sample,2026-03-09T10:00:00.000Z,,,tester,walnut cake,40.25,INR');
    const file = join(tempDir(), 'touches.csv');
    writeFileSync(file, exported.stdout);
    const other = await ravi();
    const imported = await run(other, ['import', 'touches', file], { now: NOW });
    expect(imported.stderr).toBe('created 2, merged 0, skipped 0, rejected 0\n');
    expect((await run(other, ['export', 'touches'], { now: NOW })).stdout).toBe(exported.stdout);
  });

  it('import touches: a cost without a currency takes PRECRM_CURRENCY, else the row is rejected', async () => {
    const s = await tempStore();
    await run(s, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-03-01T10:00:00Z' });
    const file = join(tempDir(), 't.csv');
    writeFileSync(file, 'email,type,at,cost\nravi@example.com,sample,2026-03-02T10:00:00Z,12\n');
    const refused = await run(s, ['import', 'touches', file], { now: NOW });
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('has a cost but no currency (give a currency column, or set PRECRM_CURRENCY)');
    const ok = await run(s, ['import', 'touches', file], { now: NOW, env: { PRECRM_CURRENCY: 'EUR' } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse((await run(s, ['touch', 'list', '--json'], { now: NOW })).stdout)[0]).toMatchObject({ cost: 12, currency: 'EUR' });
  });
});
