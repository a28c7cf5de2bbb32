// `precrm due` and `precrm stale`: the daily lists, built to run from cron (stable columns, every format).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { calendarDaysBetween, parseSpanDays, parseWhen, showDay } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';
import { dueList, staleList, type DueRow, type StaleRow } from '../domain/due.js';
import { WHOLE, type Column } from '../output/columns.js';
import { printRows } from './print.js';
import { parseCount } from './options.js';
import { examples } from './help.js';


/** Instants (a touch, a creation) stay ISO-8601 UTC in files; the morning table shows only their local day. */
const asDay = (v: unknown): string => (typeof v === 'string' ? showDay(v) : '');

// priority: on a narrow terminal the highest numbers are left out first (who, when and why stay longest).
export const DUE_COLUMNS: Column<DueRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.prospect.id },
  { key: 'name', type: 'string', get: (r) => r.prospect.name, minWidth: 16 },
  { key: 'reason', type: 'string', minWidth: WHOLE, priority: 3 },
  { key: 'due_at', label: 'due', type: 'day', get: (r) => r.dueAt, priority: 1 },
  { key: 'overdue_days', label: 'overdue', type: 'int', get: (r) => r.overdueDays, priority: 2 },
  { key: 'last_touch_at', label: 'last touch', type: 'datetime', get: (r) => r.lastTouch?.at ?? null, show: asDay, priority: 7 },
  { key: 'last_touch_type', label: 'type', type: 'string', get: (r) => r.lastTouch?.type ?? null, minWidth: WHOLE, priority: 8 },
  { key: 'stage', type: 'string', get: (r) => r.prospect.stage, minWidth: WHOLE, priority: 6 },
  { key: 'owner', type: 'string', get: (r) => r.prospect.owner, priority: 9 },
  { key: 'phone', type: 'string', get: (r) => r.prospect.phone, minWidth: WHOLE, priority: 4 },
  { key: 'email', type: 'string', get: (r) => r.prospect.email, minWidth: 20, priority: 5 },
  { key: 'note', type: 'string', minWidth: 16, priority: 3 },
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

export function registerDue(program: Command, ctx: Context): void {
  program.command('due').description('who to get in touch with today: follow-ups due or overdue, cadences run out')
    .option('--within <span>', 'also what falls due in the coming days (7d, 2w, friday)')
    .option('--owner <name>', 'only prospects of this owner')
    .addHelpText('after', examples('precrm due', 'precrm due --within 7d --owner mitra', 'precrm due --format csv | mail -s "precrm: due today" shop@example.com'))
    .action((flags: { within?: string; owner?: string }) => dueRun(ctx, flags));

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

const byOwner = (owner: string | undefined) => (p: { owner: string | null }) => owner === undefined || p.owner?.toLowerCase() === owner.trim().toLowerCase();

export async function dueRun(ctx: Context, flags: { within?: string; owner?: string }): Promise<void> {
  const now = ctx.now();
  const within = withinDays(flags.within, now);
  const doc = await ctx.documentStore.read();
  const rows = dueList(doc.prospects.filter(byOwner(flags.owner)), doc.touches, now, within);
  // Red: already overdue (a day or more late).
  await printRows(ctx, rows, DUE_COLUMNS, { rowStyle: (r: DueRow) => (r.overdueDays > 0 ? ctx.color.red : undefined) });
  if (ctx.format === 'table') ctx.info(rows.length ? `${rows.length} due` : 'nothing due');
}

export async function staleRun(ctx: Context, flags: { days: string; owner?: string }): Promise<void> {
  const days = parseCount(flags.days, '--days');
  const doc = await ctx.documentStore.read();
  const rows = staleList(doc.prospects.filter(byOwner(flags.owner)), doc.touches, ctx.now(), days);
  await printRows(ctx, rows, STALE_COLUMNS);
  if (ctx.format === 'table') ctx.info(rows.length ? `${rows.length} stale (no touch for ${days}+ days, nothing planned)` : `nobody silent for ${days}+ days`);
}
