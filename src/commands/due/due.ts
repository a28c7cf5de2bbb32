// `precrm due`: who to get in touch with today, built to run from cron (stable columns, every format, a calendar).
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { CalendarEvent } from '../../domain/calendar.js';
import { calendarDaysBetween, parseSpanDays, parseWhen } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { dueHorizon, dueList, mergeDue, occasionDueRows, type DueRow } from '../../domain/due.js';
import { isRemindedOf } from '../../domain/occasions.js';
import { FORMATS, type Format } from '../../output/render.js';
import { outputTarget, type OutputTarget } from '../common/output-file.js';
import { parseCount } from '../common/options.js';
import { examples } from '../common/examples.js';
import { info, loaded, rows, styled, text, textOut, type Part, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { CONTACT_COLUMN, DUE_COLUMNS, DUE_TABLE_COLUMNS } from './columns.js';
import { occasionCandidates } from './occasions.js';

/** due's formats: every listing format, and ics, the calendar a phone subscribes to. */
export const DUE_FORMATS = [...FORMATS, 'ics'] as const;

/** How far ahead a calendar looks when --within does not say: a month of follow-ups to see coming. */
const CALENDAR_DAYS = 30;

export interface DueFlags { within?: string; owner?: string; limit?: string; output?: string }
export interface DueOptions {
  now: Date;
  /** Days ahead: 0 is what is due today or overdue. */
  within: number;
  owner?: string;
  /** Only the most pressing n; all when absent. */
  limit?: number;
  /** `-o FILE`; absent for stdout (also `-o -`). */
  output?: string;
  /** --format ics: a calendar of the coming days instead of a list. */
  calendar: boolean;
  format: Format;
}

/** The rows in priority order and how many were due before --limit; or the calendar's events. */
export type DueResult =
  | { kind: 'list'; rows: DueRow[]; total: number }
  | { kind: 'calendar'; events: CalendarEvent[]; now: Date; target?: OutputTarget };

export function register(parent: Command): Command {
  return parent.command('due').description('who to get in touch with today: follow-ups due or overdue, cadences run out, occasions coming up')
    .option('--within <span>', 'also what falls due in the coming days (7d, 2w, friday)')
    .option('--owner <name>', 'only prospects of this owner')
    .option('--limit <n>', 'only the n most pressing (the longest overdue come first)')
    .option('-o, --output <file>', 'write to this file (mode 0600, replaced whole; - is stdout)')
    .addHelpText('after', examples('precrm due', 'precrm due --within 7d --owner mitra', 'precrm due --limit 10 --columns name,contact,note',
      'precrm due --format csv | mail -s "precrm: due today" shop@example.com',
      'precrm due --format ics -o ~/public/precrm.ics   # a calendar of the next 30 days'));
}

/** `--within 7d` counts days ahead; a date (friday, 2026-12-01) means up to that day. */
function withinDays(text: string | undefined, now: Date): number {
  if (text === undefined || /^\s*0+\s*[dwmy]?\s*$/i.test(text)) return 0;
  if (/^\s*(every\s+)?\d+\s*[dwmy]?\s*$/i.test(text)) return parseSpanDays(text, '--within span');
  const days = calendarDaysBetween(now, parseWhen(text, now, 'future', '--within span'));
  if (days < 0) throw usageError(`--within ${text} is in the past (use a span such as 7d or a coming day)`);
  return days;
}

export function parse(_args: Args, flags: DueFlags, ctx: Pick<Context, 'clock' | 'term'>): DueOptions {
  const now = ctx.clock.now();
  const calendar = ctx.term.formatName === 'ics';
  return {
    now,
    within: calendar && flags.within === undefined ? CALENDAR_DAYS : withinDays(flags.within, now),
    ...(flags.owner === undefined ? {} : { owner: flags.owner.trim() }),
    ...(flags.limit === undefined ? {} : { limit: parseCount(flags.limit, '--limit') }),
    ...(flags.output === undefined || flags.output === '-' ? {} : { output: flags.output }),
    calendar,
    format: ctx.term.format,
  };
}

/**
 * A short digest of where the store lives (a file's path; a server, port and database without the login), so two
 * stores' calendars never share a UID and one store's stay the same from run to run.
 */
function storeIdentity(ctx: Pick<Context, 'stores'>): string {
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

/** Everything due in priority order: the earliest due first, so the longest overdue lead and --limit keeps them. */
export async function run(ctx: Context, o: DueOptions): Promise<DueResult> {
  // The output file is checked before the store is read: a wrong path costs nothing.
  const target = o.output === undefined ? undefined : await outputTarget(ctx, o.output, 'the output file');
  const store = await ctx.stores.open();
  const filter = o.owner === undefined ? {} : { owner: o.owner };
  // A calendar shows an occasion on its day; the list reminds of it from its reminder day.
  const occasions = await occasionCandidates(store, filter, o.now, (u) => (o.calendar ? u.inDays <= o.within : isRemindedOf(u, o.within)));
  const all = mergeDue(dueList(await store.dueCandidates(filter, dueHorizon(o.now, o.within)), o.now, o.within), occasionDueRows(occasions, o.now, o.within, o.calendar));
  const list = all.slice(0, o.limit ?? Infinity);
  if (!o.calendar) return { kind: 'list', rows: list, total: all.length };
  const { calendarEvents } = await import('../../domain/calendar.js');
  return { kind: 'calendar', events: calendarEvents(list, storeIdentity(ctx), o.now), now: o.now, ...(target ? { target } : {}) };
}

/** The calendar is written by ical.js, loaded only when a calendar is asked for. */
const calendarParts = (r: Extract<DueResult, { kind: 'calendar' }>): Part => loaded(async () => {
  const { renderIcs } = await import('../../output/ics.js');
  const ics = renderIcs(r.events, r.now, 'precrm: due');
  return [r.target ? textOut(ics, r.target) : text(ics)];
});

function summary(r: Extract<DueResult, { kind: 'list' }>): string {
  if (!r.total) return 'nothing due';
  if (r.rows.length < r.total) return `${r.total} due: the ${r.rows.length} most pressing above, and ${r.total - r.rows.length} more (without --limit: all)`;
  return `${r.total} due`;
}

export function show(r: DueResult, o: DueOptions): Shown {
  if (r.kind === 'calendar') return [calendarParts(r)];
  if (o.output !== undefined) return [{ kind: 'rows-out', rows: r.rows, columns: DUE_COLUMNS, out: { format: o.format, output: o.output, sheet: 'due' } }];
  // The table has every column (contact first among them); csv, tsv and json keep their fixed ones unless --columns names contact.
  const [columns, more] = o.format === 'table' ? [DUE_TABLE_COLUMNS, []] : [DUE_COLUMNS, [CONTACT_COLUMN]];
  // Red: already overdue (a day or more late).
  const list = styled((c) => rows(r.rows, columns, { more, rowStyle: (row: DueRow) => (row.overdueDays > 0 ? c.red : undefined) }));
  return o.format === 'table' ? [list, info(summary(r))] : [list];
}

export const due: Verb<DueFlags, DueOptions, DueResult> = { register, parse, run, show };
