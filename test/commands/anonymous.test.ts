// The unnamed passer-by and the anonymous counts: a prospect known only by a description, named later, and
// tallies of anonymous touches in their own report and above the funnel's first stage.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storedDoc, tempDir, tempStore } from '../helpers.js';

const at = (now: string) => ({ now });

describe('an unnamed prospect', () => {
  it('is added with --description alone at aware (a named one still at interested); the JSON has description after name', async () => {
    const store = await tempStore();
    const added = await run(store, ['prospect', 'add', '--description', 'blue scarf, passes at six', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toBe('added prospect 1 (blue scarf, passes at six)\n');
    const p = JSON.parse(added.stdout);
    expect(Object.keys(p).slice(0, 4)).toEqual(['id', 'name', 'description', 'email']);
    expect(p).toMatchObject({ name: null, description: 'blue scarf, passes at six', stage: 'aware' });
    expect((await run(store, ['prospect', 'add', 'Anna Berg'])).code).toBe(0);
    const list = await run(store, ['prospect', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout).map((x: { stage: string }) => x.stage)).toEqual(['aware', 'interested']);
  });

  it('needs a name or a description (2), and an edit may not clear the one it has', async () => {
    const store = await tempStore();
    const none = await run(store, ['prospect', 'add', '--description', '  ']);
    expect(none.code).toBe(2);
    expect((await run(store, ['prospect', 'add', '--description', 'tall man, red bike'])).code).toBe(0);
    const cleared = await run(store, ['prospect', 'edit', '1', '--description', '']);
    expect(cleared.code).toBe(2);
    expect(cleared.stderr.split('\n')[0]).toBe('error: prospect 1 (tall man, red bike) needs a name or a description; give one before clearing the other');
  });

  it('shows as its description in tables, is found by a word of it, and is named later keeping its history', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', '--description', 'blue scarf, passes at six'], at('2026-03-01T18:00:00Z'));
    await run(store, ['prospect', 'add', 'Anna Berg'], at('2026-03-01T18:05:00Z'));
    const table = await run(store, ['prospect', 'list'], { env: { COLUMNS: '200' } });
    expect(table.stdout).toContain('(blue scarf, passes at six)');
    const touch = await run(store, ['touch', 'log', 'scarf', 'greeting', '--direction', 'out'], at('2026-03-02T18:00:00Z'));
    expect(touch.code, touch.stderr).toBe(0);
    expect(touch.stderr).toContain('for prospect 1 (blue scarf, passes at six)');
    const named = await run(store, ['prospect', 'edit', 'scarf', '--name', 'Ravi Sen'], at('2026-03-20T18:00:00Z'));
    expect(named.code, named.stderr).toBe(0);
    const shown = JSON.parse((await run(store, ['prospect', 'show', 'ravi', '--json'])).stdout);
    expect(shown).toMatchObject({ id: 1, name: 'Ravi Sen', description: 'blue scarf, passes at six', stage: 'aware' });
    expect(shown.stageHistory).toEqual([{ stage: 'aware', at: '2026-03-01T18:00:00.000Z' }]);
    expect(shown.touches.map((t: { type: string }) => t.type)).toEqual(['greeting']);
  });

  it('is imported from a file of descriptions without names; a Description beside a name and no notes is the notes', async () => {
    const store = await tempStore();
    const dir = tempDir();
    writeFileSync(join(dir, 'passers.csv'), 'description,source\nblue scarf at six,walk-in\n');
    writeFileSync(join(dir, 'leads.csv'), 'First Name,Last Name,Description\nAnna,Berg,asked about rye\n');
    for (const file of ['passers.csv', 'leads.csv']) {
      const imported = await run(store, ['import', 'prospects', join(dir, file)]);
      expect(imported.code, imported.stderr).toBe(0);
    }
    const list = JSON.parse((await run(store, ['export', 'prospects', '--format', 'json'])).stdout);
    expect(list.map((p: { name: string | null; description: string | null; notes: string | null; stage: string }) => [p.name, p.description, p.notes]))
      .toEqual([[null, 'blue scarf at six', null], ['Anna Berg', null, 'asked about rye']]);
    expect(list[0].stage).toBe('aware');
    // precrm's own export comes back as the same two prospects, here and in a new store.
    writeFileSync(join(dir, 'export.csv'), (await run(store, ['export', 'prospects', '--format', 'csv'])).stdout);
    const again = await run(store, ['import', 'prospects', join(dir, 'export.csv')]);
    expect(again.stderr).toContain('created 0, merged 0, skipped 2'); // nothing new in it
    const fresh = await tempStore();
    expect((await run(fresh, ['import', 'prospects', join(dir, 'export.csv')])).code).toBe(0);
    const copied = JSON.parse((await run(fresh, ['export', 'prospects', '--format', 'json'])).stdout);
    expect(copied.map((p: { description: string | null; stage: string }) => [p.description, p.stage])).toEqual([['blue scarf at six', 'aware'], [null, 'interested']]);
  });

  it('a word two descriptions share is ambiguous (2); the CSV export ends its fixed columns with description', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', '--description', 'blue scarf, passes at six']);
    await run(store, ['prospect', 'add', '--description', 'green scarf, dog']);
    const both = await run(store, ['touch', 'log', 'scarf', 'greeting']);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('error: "scarf" matches 2 prospects; use the id or email:');
    expect((await run(store, ['touch', 'log', 'dog', 'greeting'])).code).toBe(0);
    const csv = (await run(store, ['export', 'prospects', '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]!.endsWith(',created_at,updated_at,description')).toBe(true);
    expect(csv[1]!.endsWith(',blue scarf, passes at six') || csv[1]!.endsWith(',"blue scarf, passes at six"')).toBe(true);
  });
});

describe('tally log and report tallies', () => {
  it('stores the count and an exact cost with its currency; a cost in no currency is refused (2) and nothing is stored', async () => {
    const store = await tempStore();
    const refused = await run(store, ['tally', 'log', 'sample', '60', '--cost', '900']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe('error: --cost 900 needs a currency: add --currency (e.g. --currency INR), write it in the amount (€12.50), or set PRECRM_CURRENCY');
    const logged = await run(store, ['tally', 'log', 'sample', '60', '--cost', '0.1', '--note', 'market stall', '--json'], { env: { PRECRM_CURRENCY: 'eur' }, now: '2026-03-07T10:00:00Z' });
    expect(logged.code, logged.stderr).toBe(0);
    expect(JSON.parse(logged.stdout)).toEqual({ id: 1, type: 'sample', count: 60, at: '2026-03-07T10:00:00.000Z', note: 'market stall', by: 'tester', cost: 0.1, currency: 'EUR' });
    expect((await run(store, ['tally', 'log', 'greeting', '0'])).code).toBe(2);
    expect((await run(store, ['tally', 'log', 'hug', '3'])).code).toBe(2);
    expect((await storedDoc(store)).tallies).toHaveLength(1);
  });

  it('adds up counts per period and type, with one cost column per currency (never summed across them)', async () => {
    const store = await tempStore();
    await run(store, ['tally', 'log', 'greeting', '40', '--cost', '₹100'], at('2026-03-02T10:00:00Z'));
    await run(store, ['tally', 'log', 'greeting', '2', '--cost', '0.2', '--currency', 'EUR'], at('2026-03-03T10:00:00Z'));
    await run(store, ['tally', 'log', 'sample', '60', '--by', 'joel', '--cost', '0.1', '--currency', 'EUR'], at('2026-03-03T11:00:00Z'));
    const csv = await run(store, ['report', 'tallies', '--by', 'type', '--period', 'week', '--format', 'csv']);
    expect(csv.stdout).toBe('type,period,count,tallies,cost_EUR,cost_INR\ngreeting,2026-W10,42,2,0.2,100\nsample,2026-W10,60,1,0.1,0\n');
    const staff = await run(store, ['report', 'tallies', '--by', 'staff', '--period', 'day', '--since', '2026-03-03', '--format', 'csv']);
    expect(staff.stdout).toBe('staff,period,count,tallies,cost_EUR\njoel,2026-03-03,60,1,0.1\ntester,2026-03-03,2,1,0.2\n');
  });
});

describe('report funnel with tallies', () => {
  it('lists the window\'s anonymous counts above aware with the new prospects per count; without tallies in the window it is byte for byte as before', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', '--description', 'blue scarf'], at('2026-03-02T10:00:00Z'));
    await run(store, ['prospect', 'add', 'Anna Berg'], at('2026-03-03T10:00:00Z'));
    const args = ['report', 'funnel', '--since', '2026-03-01', '--format', 'csv'];
    const before = await run(store, args);
    const beforeJson = await run(store, [...args.slice(0, 4), '--format', 'json']);
    await run(store, ['tally', 'log', 'greeting', '38'], at('2026-02-20T10:00:00Z'));
    expect(await run(store, args)).toEqual(before);
    expect(await run(store, [...args.slice(0, 4), '--format', 'json'])).toEqual(beforeJson);
    await run(store, ['tally', 'log', 'greeting', '40'], at('2026-03-02T09:00:00Z'));
    await run(store, ['tally', 'log', 'sample', '50'], at('2026-03-02T09:30:00Z'));
    const after = await run(store, args);
    expect(after.stdout).toBe(`stage,reached,current,lost,step_rate,overall_rate,median_days\nanonymous greeting,40,,,,0.05,\nanonymous sample,50,,,,0.04,\n${before.stdout.split('\n').slice(1).join('\n')}`);
    const json = JSON.parse((await run(store, [...args.slice(0, 4), '--format', 'json'])).stdout);
    expect(json[0]).toEqual({ stage: 'anonymous greeting', reached: 40, current: null, lost: null, step_rate: null, overall_rate: 0.05, median_days: null });
    expect(json.slice(2)).toEqual(JSON.parse(beforeJson.stdout));
    // Tallies belong to no source: a funnel of one source has none.
    expect((await run(store, [...args, '--source', 'walk-in'])).stdout.startsWith('stage,reached')).toBe(true);
    expect((await run(store, [...args, '--source', 'walk-in'])).stdout).not.toContain('anonymous');
  });
});
