import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingStoreWarning, run, tempDir, tempStore } from '../helpers.js';

const at = (store: string, when: string, args: string[]) => run(store, args, { now: `${when}:00.000Z` });

/** A small shop: a daily greeting, a weekly call, a planned follow-up, a lost one and a do-not-contact one. */
async function shop(): Promise<string> {
  const s = (await tempStore());
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Ravi Sen', '--cadence', '1d', '--owner', 'mitra', '--phone', '+91 98300 11111']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Anita Rao', '--cadence', '1w', '--owner', 'joel']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Priya Nair', '--owner', 'mitra', '--follow-up', '2026-11-20', '--next', 'send the wedding quote']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Lena Fischer', '--follow-up', '2026-11-21', '--cadence', '1d']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Oliver Brown', '--follow-up', '2026-11-21', '--cadence', '1d']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Grace Lee', '--follow-up', '2026-11-27', '--owner', 'mitra']);
  await at(s, '2026-11-22T18:00', ['touch', 'log', 'ravi', 'greeting']);
  await at(s, '2026-11-16T11:00', ['touch', 'log', 'anita', 'call']);
  await at(s, '2026-11-02T10:00', ['prospect', 'lose', 'lena', '--reason', 'moved away']);
  await at(s, '2026-11-02T10:00', ['prospect', 'do-not-contact', 'oliver']);
  return s;
}

describe('due', () => {
  it('lists follow-ups and cadences due today or overdue, oldest first, without lost or do-not-contact (csv golden)', async () => {
    const s = await shop();
    const r = await at(s, '2026-11-23T08:00', ['due', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'id,name,reason,due_at,overdue_days,last_touch_at,last_touch_type,stage,owner,phone,email,note',
      '3,Priya Nair,follow-up,2026-11-20,3,,,interested,mitra,,,send the wedding quote',
      '1,Ravi Sen,cadence,2026-11-23,0,2026-11-22T18:00:00.000Z,greeting,interested,mitra,+91 98300 11111,,',
      '2,Anita Rao,cadence,2026-11-23,0,2026-11-16T11:00:00.000Z,call,interested,joel,,,',
      '',
    ].join('\n'));
  });

  it('a touch restarts the cadence; --owner filters; --within looks ahead', async () => {
    const s = await shop();
    await at(s, '2026-11-23T07:30', ['touch', 'log', 'ravi', 'greeting']);
    const ids = async (args: string[]) => JSON.parse((await at(s, '2026-11-23T08:00', ['due', ...args, '--json'])).stdout).map((r: { id: number }) => r.id);
    expect(await ids([])).toEqual([3, 2]);
    expect(await ids(['--owner', 'MITRA'])).toEqual([3]);
    expect(await ids(['--within', '0d'])).toEqual([3, 2]);
    expect(await ids(['--within', '3d'])).toEqual([3, 2, 1]);
    expect(await ids(['--within', '4d'])).toEqual([3, 2, 1, 6]);
    expect(await ids(['--within', 'friday'])).toEqual([3, 2, 1, 6]);
    expect((await at(s, '2026-11-23T08:00', ['due', '--within', 'soon'])).code).toBe(2);
  });

  it('prints the JSON rows with every key, and an empty list is a success in every format', async () => {
    const s = await shop();
    const rows = JSON.parse((await at(s, '2026-11-23T08:00', ['due', '--json'])).stdout);
    expect(rows[0]).toEqual({
      id: 3, name: 'Priya Nair', reason: 'follow-up', due_at: '2026-11-20', overdue_days: 3, last_touch_at: null,
      last_touch_type: null, stage: 'interested', owner: 'mitra', phone: null, email: null, note: 'send the wedding quote',
    });
    const empty = (await tempStore());
    expect(await run(empty, ['due', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
    expect((await run(empty, ['due', '--format', 'tsv'])).stdout).toBe('id\tname\treason\tdue_at\toverdue_days\tlast_touch_at\tlast_touch_type\tstage\towner\tphone\temail\tnote\n');
    expect((await run(empty, ['due'])).stderr).toContain('nothing due');
  });

  it('from cron on a --store that does not exist: exit 0 and the empty list, as now, but a warning on stderr even with -q', async () => {
    const typo = (await tempStore());
    const r = await run(typo, ['-q', 'due', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,name,reason,due_at,overdue_days,last_touch_at,last_touch_type,stage,owner,phone,email,note\n');
    expect(r.stderr).toBe(missingStoreWarning(typo));
    expect((await run(typo, ['stale', '--json'])).stderr).toBe(missingStoreWarning(typo));
    const show = await run(typo, ['prospect', 'show', 'ravi']);
    expect(show.code).toBe(3);
    expect(`${show.stderr.split('\n')[1]}\n`).toBe(missingStoreWarning(typo));
    // A write creates it; from then on reads are quiet.
    await run(typo, ['prospect', 'add', 'Ravi']);
    expect((await run(typo, ['due', '--format', 'csv'])).stderr).toBe('');
  });
});

/** The table a person sees on an 80-column terminal (no colour, so the bytes are the layout). */
const at80 = (store: string, when: string, args: string[]) =>
  run(store, args, { now: `${when}:00.000Z`, stdoutTTY: true, env: { COLUMNS: '80', NO_COLOR: '1' } });

describe('due at the counter: 80 columns', () => {
  it('keeps name, reason and a way to reach the person (phone, else email) before any other column (golden)', async () => {
    const s = await shop();
    // Long names and a long address: they once decided whether the phone showed at all.
    await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Anne-Sophie Delacroix-Martin', '--email', 'anne-sophie.delacroix@example.fr', '--follow-up', '2026-11-22', '--next', 'confirm the croquembouche for the christening on Sunday']);
    await at(s, '2026-11-01T10:00', ['prospect', 'edit', 'anita', '--phone', '+91 98300 22222', '--email', 'anita@example.com']);
    const r = await at80(s, '2026-11-23T08:00', ['due']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '┌──────────────────────────────┬───────────┬──────────────────────────────────┐',
      '│ name                         │ reason    │ contact                          │',
      '│ Priya Nair                   │ follow-up │                                  │',
      '│ Anne-Sophie Delacroix-Martin │ follow-up │ anne-sophie.delacroix@example.fr │',
      '│ Ravi Sen                     │ cadence   │ +91 98300 11111                  │',
      '│ Anita Rao                    │ cadence   │ +91 98300 22222                  │',
      '└──────────────────────────────┴───────────┴──────────────────────────────────┘',
      '',
    ].join('\n'));
    expect(r.stderr.split('\n')[0]).toBe('left out to fit 80 columns: id, due, overdue, last touch, type, stage, owner,');
  });

  it('with short names there is room for the id, how late, and the note (cut last)', async () => {
    const r = await at80(await shop(), '2026-11-23T08:00', ['due']);
    expect(r.stdout).toBe([
      '┌────┬────────────┬───────────┬─────────────────┬─────────┬────────────────────┐',
      '│ id │ name       │ reason    │ contact         │ overdue │ note               │',
      '│  3 │ Priya Nair │ follow-up │                 │       3 │ send the wedding … │',
      '│  1 │ Ravi Sen   │ cadence   │ +91 98300 11111 │       0 │                    │',
      '│  2 │ Anita Rao  │ cadence   │                 │       0 │                    │',
      '└────┴────────────┴───────────┴─────────────────┴─────────┴────────────────────┘',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('left out to fit 80 columns: due, last touch, type, stage, owner, phone, email\n(to see them: a wider window, --columns to choose, or --format csv)\n3 due\n');
  });
});

/**
 * A month at the shop: 97 follow-ups overdue (spread over October and November, several on one day, imported in
 * no particular order) and three due today: a cadence, a follow-up this morning and one this afternoon.
 */
async function busyMonth(): Promise<string> {
  const s = await tempStore();
  const file = join(tempDir(), 'month.csv');
  const lines = ['name,phone,follow_up_at,follow_up_note'];
  for (let i = 1; i <= 97; i++) lines.push(`Customer ${i},+33 6 00 00 ${String(i).padStart(2, '0')} 00,2026-${i % 2 ? 10 : 11}-${String(1 + ((i * 7) % 21)).padStart(2, '0')},call back`);
  lines.push('Today Afternoon,,2026-11-23T15:00:00Z,tea', 'Today Morning,,2026-11-23T07:00:00Z,cake');
  writeFileSync(file, `${lines.join('\n')}\n`);
  expect((await at(s, '2026-11-01T09:00', ['import', 'prospects', file])).code).toBe(0);
  await at(s, '2026-11-01T09:00', ['prospect', 'add', 'Cadence Today', '--cadence', '22d']);
  return s;
}

describe('due --limit and the order of the list', () => {
  it('comes earliest due first: the longest overdue, then today by the hour (a cadence from the start of its day), ties by id', async () => {
    const s = await busyMonth();
    const rows: { id: number; name: string; due_at: string; overdue_days: number }[] = JSON.parse((await at(s, '2026-11-23T08:00', ['due', '--json'])).stdout);
    expect(rows).toHaveLength(100);
    const overdue = rows.slice(0, 97);
    expect(overdue.every((r) => r.overdue_days > 0)).toBe(true);
    const byDay = [...overdue].sort((a, b) => a.due_at.localeCompare(b.due_at) || a.id - b.id);
    expect(overdue.map((r) => r.id)).toEqual(byDay.map((r) => r.id));
    expect(rows.slice(97).map((r) => r.name)).toEqual(['Cadence Today', 'Today Morning', 'Today Afternoon']);
  });

  it('--limit 10 keeps the 10 most pressing; the table says on stderr how many more there are', async () => {
    const s = await busyMonth();
    const all = JSON.parse((await at(s, '2026-11-23T08:00', ['due', '--json'])).stdout);
    const ten = JSON.parse((await at(s, '2026-11-23T08:00', ['due', '--limit', '10', '--json'])).stdout);
    expect(ten).toEqual(all.slice(0, 10));
    expect(ten[0].overdue_days).toBe(Math.max(...all.map((r: { overdue_days: number }) => r.overdue_days)));
    const table = await at(s, '2026-11-23T08:00', ['due', '--limit', '10']);
    expect(table.stdout.split('\n').filter((l) => l.startsWith('│')).length).toBe(11); // the header and 10 rows
    expect(table.stderr).toBe('100 due: the 10 most pressing above, and 90 more (without --limit: all)\n');
    // csv for a script: the 10 rows and nothing on stderr.
    const csv = await at(s, '2026-11-23T08:00', ['due', '--limit', '10', '--format', 'csv']);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(11);
    expect(csv.stderr).toBe('');
    expect((await at(s, '2026-11-23T08:00', ['due', '--limit', '200'])).stderr).toBe('100 due\n');
    for (const bad of ['0', 'ten', '-3']) {
      const r = await at(s, '2026-11-23T08:00', ['due', '--limit', bad]);
      expect({ bad, code: r.code, err: r.stderr.split('\n')[0] }).toEqual({ bad, code: 2, err: `error: --limit "${bad}" is not a positive whole number` });
    }
  });
});

describe('stale', () => {
  it('pre-customer prospects silent for n days with nothing planned, longest silent first', async () => {
    const s = await shop();
    const r = await at(s, '2026-11-23T08:00', ['stale', '--format', 'csv']);
    // Ravi's daily cadence runs; Anita's ran out today but she was touched 7 days ago (< 14).
    // Priya's follow-up is overdue: the plan slipped, and she has been silent since creation (22 days).
    // Grace has a follow-up on Friday: planned, so not stale. Lena is lost, Oliver is do-not-contact.
    expect(r.stdout).toBe([
      'id,name,stage,silent_days,last_touch_at,last_touch_type,follow_up_at,owner,created_at',
      '3,Priya Nair,interested,22,,,2026-11-20,mitra,2026-11-01T10:00:00.000Z',
      '',
    ].join('\n'));
    const days = async (n: string) => JSON.parse((await at(s, '2026-11-23T08:00', ['stale', '--days', n, '--json'])).stdout).map((x: { id: number }) => x.id);
    expect(await days('22')).toEqual([3]);
    expect(await days('23')).toEqual([]);
    // At 7 days Anita counts too: her weekly cadence ran out today, so nothing is planned ahead any more.
    expect(await days('7')).toEqual([3, 2]);
    expect((await at(s, '2026-11-23T08:00', ['stale', '--days', 'x'])).code).toBe(2);
  });

  it('a customer is never stale; a touch takes a prospect off', async () => {
    const s = (await tempStore());
    await at(s, '2026-10-01T10:00', ['prospect', 'add', 'A']);
    await at(s, '2026-10-01T10:00', ['prospect', 'add', 'B']);
    await at(s, '2026-10-02T10:00', ['convert', 'b']);
    const ids = async () => JSON.parse((await at(s, '2026-11-23T08:00', ['stale', '--json'])).stdout).map((x: { id: number }) => x.id);
    expect(await ids()).toEqual([1]);
    await at(s, '2026-11-20T10:00', ['touch', 'log', 'a', 'call']);
    expect(await ids()).toEqual([]);
  });
});
