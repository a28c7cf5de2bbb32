// `precrm due` and `precrm stale`: the daily lists, built to run from cron (stable columns, every format).
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { calendarDaysBetween, parseSpanDays, parseWhen, showDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { dueHorizon, dueList, mergeDue, occasionDueRows, silentBefore, staleList, type DueRow, type StaleRow } from '../../domain/due.js';
import { isRemindedOf } from '../../domain/occasions.js';
import { shownName } from '../../domain/referrals.js';
import { occasionCandidates } from './due-occasions.js';
import { WHOLE, type Column } from '../../output/columns.js';
import { FORMATS } from '../../output/render.js';
import { emitRows } from '../common/rows-out.js';
import { outputTarget, writeOutput } from '../common/output-file.js';
import { printRows } from '../common/print.js';
import { parseCount } from '../common/options.js';
import { examples } from '../common/examples.js';


/** Instants (a touch, a creation) stay ISO-8601 UTC in files; the morning table shows only their local day. */
const asDay = (v: unknown): string => (typeof v === 'string' ? showDay(v) : '');

/** The fixed columns of csv, tsv and json (scripts and mail read them: keep their keys and order). */
export const DUE_COLUMNS: Column<DueRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.prospect.id },
  { key: 'name', type: 'string', get: (r) => r.prospect.name },
  { key: 'reason', type: 'string' },
  { key: 'due_at', label: 'due', type: 'day', get: (r) => r.dueAt },
  { key: 'overdue_days', label: 'overdue', type: 'int', get: (r) => r.overdueDays },
  { key: 'last_touch_at', label: 'last touch', type: 'datetime', get: (r) => r.lastTouch?.at ?? null },
  { key: 'last_touch_type', label: 'type', type: 'string', get: (r) => r.lastTouch?.type ?? null },
  { key: 'stage', type: 'string', get: (r) => r.prospect.stage },
  { key: 'owner', type: 'string', get: (r) => r.prospect.owner },
  { key: 'phone', type: 'string', get: (r) => r.prospect.phone },
  { key: 'email', type: 'string', get: (r) => r.prospect.email },
  { key: 'note', type: 'string' },
];

const column = (key: string): Column<DueRow> => DUE_COLUMNS.find((c) => c.key === key)!;

/** A way to reach the person from the counter: the phone, else the email (the table's one column for both). */
export const CONTACT_COLUMN: Column<DueRow> = { key: 'contact', type: 'string', get: (r) => r.prospect.phone ?? r.prospect.email };

// priority: on a narrow terminal the highest numbers are left out first. Who, why and how to reach them have none,
// so they stay longest; a phone or email that is cut is no use, so contact is never cut (left out last instead).
// phone and email come last: contact already holds one of them.
export const DUE_TABLE_COLUMNS: Column<DueRow>[] = [
  { ...column('id'), priority: 3 },
  { ...column('name'), get: (r) => shownName(r.prospect), minWidth: 16 },
  { ...column('reason'), minWidth: WHOLE },
  { ...CONTACT_COLUMN, minWidth: WHOLE },
  { ...column('due_at'), priority: 4 },
  { ...column('overdue_days'), priority: 2 },
  { ...column('last_touch_at'), show: asDay, priority: 7 },
  { ...column('last_touch_type'), minWidth: WHOLE, priority: 8 },
  { ...column('stage'), minWidth: WHOLE, priority: 6 },
  { ...column('owner'), priority: 9 },
  { ...column('phone'), minWidth: WHOLE, priority: 11 },
  { ...column('email'), minWidth: WHOLE, priority: 10 },
  { ...column('note'), minWidth: 16, priority: 1 },
];

export const STALE_COLUMNS: Column<StaleRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.prospect.id },
  { key: 'name', type: 'string', get: (r) => r.prospect.name, minWidth: 16 },
  { key: 'stage', type: 'string', get: (r) => r.prospect.stage, minWidth: WHOLE, priority: 2 },
  { key: 'silent_days', label: 'silent', type: 'int', get: (r) => r.silentDays, priority: 1 },
  { key: 'last_touch_at', label: 'last touch', type: 'datetime', get: (r) => r.lastTouch?.at ?? null, show: asDay, priority: 3 },
  { key: 'last_touch_type', label: 'type', type: 'string', get: (r) => r.lastTouch?.type ?? null, minWidth: WHOLE, priority: 4 },
  { key: 'follow_up_at', label: 'follow-up', type: 'day', get: (r) => r.prospect.followUp?.at ?? null, priority: 5 },
  { key: 'owner', type: 'string', get: (r) => r.prospect.owner, priority: 7 },
  { key: 'created_at', label: 'created', type: 'datetime', get: (r) => r.prospect.createdAt, show: asDay, priority: 6 },
];

/** due's formats: every listing format, and ics, the calendar a phone subscribes to. */
export const DUE_FORMATS = [...FORMATS, 'ics'] as const;

/** How far ahead a calendar looks when --within does not say: a month of follow-ups to see coming. */
const CALENDAR_DAYS = 30;

export function registerDue(program: Command, ctx: Context): void {
  program.command('due').description('who to get in touch with today: follow-ups due or overdue, cadences run out, occasions coming up')
    .option('--within <span>', 'also what falls due in the coming days (7d, 2w, friday)')
    .option('--owner <name>', 'only prospects of this owner')
    .option('--limit <n>', 'only the n most pressing (the longest overdue come first)')
    .option('-o, --output <file>', 'write to this file (mode 0600, replaced whole; - is stdout)')
    .addHelpText('after', examples('precrm due', 'precrm due --within 7d --owner mitra', 'precrm due --limit 10 --columns name,contact,note',
      'precrm due --format csv | mail -s "precrm: due today" shop@example.com',
      'precrm due --format ics -o ~/public/precrm.ics   # a calendar of the next 30 days'))
    .action((flags: DueFlags) => dueRun(ctx, flags));

  program.command('stale').description('pre-customer prospects nobody has touched for a while (and nothing planned)')
    .option('--days <n>', 'silent for at least n days', '14')
    .option('--owner <name>', 'only prospects of this owner')
    .addHelpText('after', examples('precrm stale', 'precrm stale --days 30 --json'))
    .action((flags: { days: string; owner?: string }) => staleRun(ctx, flags));
}

/** `--within 7d` counts days ahead; a date (friday, 2026-12-01) means up to that day. */
function withinDays(text: string | undefined, now: Date): number {
  if (text === undefined || /^\s*0+\s*[dwmy]?\s*$/i.test(text)) return 0;
  if (/^\s*(every\s+)?\d+\s*[dwmy]?\s*$/i.test(text)) return parseSpanDays(text, '--within span');
  const days = calendarDaysBetween(now, parseWhen(text, now, 'future', '--within span'));
  if (days < 0) throw usageError(`--within ${text} is in the past (use a span such as 7d or a coming day)`);
  return days;
}

/**
 * A short digest of where the store lives (a file's path; a server, port and database without the login), so two
 * stores' calendars never share a UID and one store's stay the same from run to run.
 */
function storeIdentity(ctx: Context): string {
  const loc = ctx.stores.location;
  let where = loc.kind === 'postgres' ? loc.url : loc.path;
  if (loc.kind === 'postgres') {
    try {
      const u = new URL(loc.url);
      where = `${u.hostname}:${u.port}${u.pathname}`;
    } catch { /* an unparsable URL never opened a store */ }
  }
  return createHash('sha256').update(where).digest('hex').slice(0, 12);
}

const byOwner = (owner: string | undefined) => (owner === undefined ? {} : { owner: owner.trim() });

interface DueFlags { within?: string; owner?: string; limit?: string; output?: string }

export async function dueRun(ctx: Context, flags: DueFlags): Promise<void> {
  const now = ctx.clock.now();
  const calendar = ctx.term.formatName === 'ics';
  const within = calendar && flags.within === undefined ? CALENDAR_DAYS : withinDays(flags.within, now);
  const limit = flags.limit === undefined ? Infinity : parseCount(flags.limit, '--limit');
  // The output file is checked before the store is read: a wrong path costs nothing.
  const target = flags.output === undefined || flags.output === '-' ? undefined : await outputTarget(ctx, flags.output, 'the output file');
  const store = await ctx.stores.open();
  // The order is the priority (domain/due byDue): the earliest due first, so the longest overdue lead and --limit
  // keeps them. A calendar shows an occasion on its day; the list reminds of it from its reminder day.
  const filter = byOwner(flags.owner);
  const occasions = await occasionCandidates(store, filter, now, (u) => (calendar ? u.inDays <= within : isRemindedOf(u, within)));
  const all = mergeDue(dueList(await store.dueCandidates(filter, dueHorizon(now, within)), now, within), occasionDueRows(occasions, now, within, calendar));
  const rows = all.slice(0, limit);
  if (calendar) {
    const { calendarEvents } = await import('../../domain/calendar.js');
    const { renderIcs } = await import('../../output/ics.js');
    const text = renderIcs(calendarEvents(rows, storeIdentity(ctx), now), now, 'precrm: due');
    if (target) await writeOutput(ctx, target, text);
    else ctx.term.out(text);
    return;
  }
  if (target) {
    await emitRows(ctx, rows, DUE_COLUMNS, { format: ctx.term.format, output: flags.output, sheet: 'due' });
    return;
  }
  // The table has every column (contact first among them); csv, tsv and json keep their fixed ones unless --columns names contact.
  const [columns, more] = ctx.term.format === 'table' ? [DUE_TABLE_COLUMNS, []] : [DUE_COLUMNS, [CONTACT_COLUMN]];
  // Red: already overdue (a day or more late).
  await printRows(ctx, rows, columns, { more, rowStyle: (r: DueRow) => (r.overdueDays > 0 ? ctx.term.color.red : undefined) });
  if (ctx.term.format !== 'table') return;
  if (!all.length) ctx.term.info('nothing due');
  else if (rows.length < all.length) ctx.term.info(`${all.length} due: the ${rows.length} most pressing above, and ${all.length - rows.length} more (without --limit: all)`);
  else ctx.term.info(`${all.length} due`);
}

export async function staleRun(ctx: Context, flags: { days: string; owner?: string }): Promise<void> {
  const days = parseCount(flags.days, '--days');
  const now = ctx.clock.now();
  const store = await ctx.stores.open();
  const rows = staleList(await store.staleCandidates(byOwner(flags.owner), silentBefore(now, days)), now, days);
  await printRows(ctx, rows, STALE_COLUMNS);
  if (ctx.term.format === 'table') ctx.term.info(rows.length ? `${rows.length} stale (no touch for ${days}+ days, nothing planned)` : `nobody silent for ${days}+ days`);
}
