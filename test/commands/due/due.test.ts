// `due` through its verb: parse turns flags into typed options, run returns the rows in priority order (or the
// calendar's events), show says what is printed.
import { describe, expect, it } from 'vitest';
import * as due from '../../../src/commands/due/due.js';
import { run, tempStore, withContext } from '../../helpers.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');

/** Priya two days overdue, Anita due today, Ravi due in two days (with a phone), all added on 1 March. */
async function shop(): Promise<string> {
  const store = await tempStore();
  const add = (args: string[]) => run(store, ['prospect', 'add', ...args], { now: '2026-03-01T12:00:00.000Z' });
  await add(['Priya Nair', '--follow-up', '2026-03-08', '--owner', 'mitra']);
  await add(['Ravi Sen', '--follow-up', '2026-03-12', '--owner', 'joel', '--phone', '+91 1']);
  await add(['Anita Rao', '--follow-up', '2026-03-10']);
  return store;
}

describe('due (verb)', () => {
  it('parses the span, owner and limit against the clock; -o - is stdout', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => due.parse([], { within: '7d', owner: ' mitra ', limit: '2', output: '-' }, ctx));
    expect(options).toEqual({ now: NOW, within: 7, owner: 'mitra', limit: 2, calendar: false, format: 'table' });
    expect(await withContext(store, async (ctx) => due.parse([], { within: 'friday' }, ctx))).toMatchObject({ within: 3 });
  });

  it('refuses a span in the past and a bad limit as usage errors, before the store is opened', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(() => due.parse([], { within: '2026-03-01' }, ctx)).toThrow(/--within 2026-03-01 is in the past/);
      expect(() => due.parse([], { limit: 'ten' }, ctx)).toThrow(/--limit/);
    });
  });

  it('a calendar looks 30 days ahead unless --within says otherwise', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => {
      await ctx.term.configure({ format: 'ics' }, due.DUE_FORMATS);
      return [due.parse([], {}, ctx), due.parse([], { within: '3d' }, ctx)];
    });
    expect(options.map((o) => [o.calendar, o.within])).toEqual([[true, 30], [true, 3]]);
  });

  it('run returns what is due, the longest overdue first; --limit keeps the most pressing and the total says how many', async () => {
    const store = await shop();
    const list = async (flags: Parameters<typeof due.parse>[1]) => withContext(store, async (ctx) => due.run(ctx, due.parse([], flags, ctx)));
    const today = await list({});
    expect(today.kind).toBe('list');
    if (today.kind !== 'list') return;
    expect(today.rows.map((r) => [r.prospect.name, r.reason, r.overdueDays])).toEqual([['Priya Nair', 'follow-up', 2], ['Anita Rao', 'follow-up', 0]]);
    expect(await list({ within: '3d', limit: '2' })).toMatchObject({ total: 3, rows: [{ prospect: { id: 1 } }, { prospect: { id: 3 } }] });
    expect(await list({ within: '3d', owner: 'JOEL' })).toMatchObject({ total: 1, rows: [{ prospect: { name: 'Ravi Sen' }, overdueDays: -2 }] });
  });

  it('run returns the calendar as all-day events on the days they fall due', async () => {
    const store = await shop();
    const result = await withContext(store, async (ctx) => {
      await ctx.term.configure({ format: 'ics' }, due.DUE_FORMATS);
      return due.run(ctx, due.parse([], {}, ctx));
    });
    expect(result.kind).toBe('calendar');
    if (result.kind !== 'calendar') return;
    expect(result.events.map((e) => [e.day, e.summary])).toEqual([
      ['2026-03-10', 'Follow up: Priya Nair'], ['2026-03-10', 'Follow up: Anita Rao'], ['2026-03-12', 'Follow up: Ravi Sen'],
    ]);
    expect(new Set(result.events.map((e) => e.uid)).size).toBe(3);
  });

  it('says on stderr how many were left out by --limit, under the table only (argv level)', async () => {
    const store = await shop();
    const table = await run(store, ['due', '--within', '3d', '--limit', '1', '--columns', 'id,name']);
    expect(table).toMatchObject({ code: 0, stderr: '3 due: the 1 most pressing above, and 2 more (without --limit: all)\n' });
    expect(table.stdout).toContain('Priya Nair');
    expect(await run(store, ['due', '--within', '3d', '--limit', '1', '--format', 'csv', '--columns', 'id,name,contact']))
      .toEqual({ code: 0, stdout: 'id,name,contact\n1,Priya Nair,\n', stderr: '' });
  });
});
