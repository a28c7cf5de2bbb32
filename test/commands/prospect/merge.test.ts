// `prospect merge` through its verb: run refuses an impossible merge before asking, asks, then moves the other
// record's touches onto the kept one and returns what moved.
import { describe, expect, it } from 'vitest';
import * as merge from '../../../src/commands/prospect/merge.js';
import { run, scriptedPrompter, storeBytes, storeWith, storedDoc, withContext } from '../../helpers.js';

async function twoRecords(): Promise<string> {
  const store = await storeWith(['Lucie Martin', '--email', 'lucie@example.com']);
  expect((await run(store, ['prospect', 'add', 'Lucie M', '--phone', '+33 6 12 34 00 01'])).code).toBe(0);
  expect((await run(store, ['touch', 'log', '2', 'visit'])).code).toBe(0);
  return store;
}

describe('prospect merge (verb)', () => {
  it('run merges the other record into the kept one and returns what moved', async () => {
    const store = await twoRecords();
    const outcome = await withContext(store, async (ctx) => merge.run(ctx, merge.parse(['lucie@example.com', '2'])), { global: { yes: true } });
    expect(outcome).toMatchObject({ merged: true, otherId: 2, result: { prospect: { id: 1, phone: '+33 6 12 34 00 01' }, moved: { touches: 1, purchases: 0, responses: 0, referrals: 0 } } });
    const doc = await storedDoc(store);
    expect(doc.prospects.map((p) => p.id)).toEqual([1]);
    expect(doc.touches.map((t) => t.prospectId)).toEqual([1]);
  });

  it('run declined returns { merged: false }; a record into itself is refused before any question', async () => {
    const store = await twoRecords();
    const before = await storeBytes(store);
    const prompter = scriptedPrompter([false]);
    expect(await withContext(store, async (ctx) => merge.run(ctx, merge.parse(['1', '2'])), { prompter })).toEqual({ merged: false });
    expect(prompter.asked).toHaveLength(1);
    await expect(withContext(store, async (ctx) => merge.run(ctx, merge.parse(['1', 'lucie@example.com'])), { prompter: scriptedPrompter([]) })).rejects.toThrow();
    expect(await storeBytes(store)).toEqual(before);
  });

  it('shows the two records before the outcome and prints the kept id (argv level)', async () => {
    const store = await twoRecords();
    const r = await run(store, ['prospect', 'merge', '1', '2', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\n');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^keep {3}1 {2}Lucie Martin \(/);
    expect(lines[1]).toMatch(/^merge {2}2 {2}Lucie M \(/);
    expect(lines[2]).toBe('merged prospect 2 into Lucie Martin (1) (interested): moved 1 touch(es), 0 purchase(s), 0 survey response(s), 0 referral(s); prospect 2 is deleted');
  });
});
