// `precrm occasion add|list|remove`: the days that matter to a prospect (a birthday, an anniversary), which `due`
// reminds of from a few days before until the day itself.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { localDay, parseSpanDays } from '../../domain/dates.js';
import { notFoundError, usageError } from '../../domain/errors.js';
import { refuseForgotten } from '../../domain/lifecycle.js';
import {
  DEFAULT_REMIND_DAYS, occasionDate, parseOccasionDay, upcoming, upcomingWithin, type Upcoming,
} from '../../domain/occasions.js';
import { checkText } from '../../domain/prospect.js';
import { label } from '../../domain/referrals.js';
import type { Occasion } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import { examples } from '../common/examples.js';
import { printWritten } from '../common/io.js';
import { findProspect } from '../common/lookup.js';
import { printRows } from '../common/print.js';

export function registerOccasion(program: Command, ctx: Context): void {
  const occasion = program.command('occasion').description('birthdays and other days that matter to a prospect (due reminds of them)')
    .addHelpText('after', examples('precrm occasion add ravi "wife\'s birthday" 03-14', 'precrm occasion list --within 30d', 'precrm occasion remove 3'));

  occasion.command('add <prospect> <label> <day>').description('a day to remember: MM-DD every year (29 Feb: 28 Feb in other years), YYYY-MM-DD once')
    .option('--remind <span>', `how long before it due starts listing it (default ${DEFAULT_REMIND_DAYS}d; 0: on the day)`)
    .addHelpText('after', examples('precrm occasion add ravi "wife\'s birthday" 03-14', 'precrm occasion add 12 "daughter\'s wedding" 2026-06-20 --remind 3w'))
    .action((ref: string, text: string, day: string, flags: { remind?: string }) => addOccasion(ctx, ref, text, day, flags));

  occasion.command('list [prospect]').alias('ls').description('occasions, the soonest first (all, or of one prospect)')
    .option('--within <span>', 'only those in the coming days (30d, 2w)')
    .addHelpText('after', examples('precrm occasion list', 'precrm occasion list --within 30d --format csv', 'precrm occasion list ravi'))
    .action((ref: string | undefined, flags: { within?: string }) => listOccasions(ctx, ref, flags));

  occasion.command('remove <occasion-id>').alias('rm').description('delete an occasion')
    .addHelpText('after', examples('precrm occasion remove 3'))
    .action((id: string) => removeOccasion(ctx, id));
}

/** `--remind 7d`, `2w`; `0` reminds on the day only. */
function parseRemind(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REMIND_DAYS;
  return /^\s*0+\s*d?\s*$/i.test(text) ? 0 : parseSpanDays(text, '--remind span');
}

function parseLabel(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw usageError('the occasion needs a label (e.g. "wife\'s birthday")');
  return checkText('label', trimmed);
}

export async function addOccasion(ctx: Context, ref: string, text: string, dayText: string, flags: { remind?: string }): Promise<void> {
  const day = parseOccasionDay(dayText);
  const remindDays = parseRemind(flags.remind);
  const occasionLabel = parseLabel(text);
  const now = ctx.clock.now();
  const store = await ctx.stores.open();
  const { occasion, p } = await store.transaction(async (tx) => {
    const target = await findProspect(tx, ref);
    refuseForgotten(target, 'adding an occasion');
    const o: Occasion = { id: await tx.takeId('occasion'), prospectId: target.id, label: occasionLabel, ...day, remindDays, createdAt: now.toISOString() };
    await tx.insert('occasion', [o]);
    return { occasion: o, p: target };
  });
  const next = upcoming(occasion, now);
  ctx.term.info(`added occasion #${occasion.id} for ${label(p)}: ${occasion.label}, ${next ? `next ${localDay(next.next)}` : 'a day that has passed'}`);
  if (p.doNotContact) ctx.term.warn(`${label(p)} asked not to be contacted: due will not remind of this occasion`);
  printWritten(ctx, [occasion]);
}

/** A listed occasion: the occasion, its prospect's name and its next day (null once a one-off day has passed). */
export interface OccasionRow { occasion: Occasion; name: string | null; next: Upcoming | null }

export const OCCASION_COLUMNS: Column<OccasionRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.occasion.id, priority: 3 },
  { key: 'prospect_id', label: 'prospect', type: 'int', get: (r) => r.occasion.prospectId, priority: 4 },
  { key: 'name', type: 'string', get: (r) => r.name, minWidth: 12 },
  { key: 'label', type: 'string', get: (r) => r.occasion.label, minWidth: 12 },
  { key: 'date', type: 'string', get: (r) => occasionDate(r.occasion), priority: 2 },
  { key: 'next', type: 'string', get: (r) => (r.next ? localDay(r.next.next) : null) },
  { key: 'in_days', label: 'in days', type: 'int', get: (r) => r.next?.inDays ?? null, priority: 1 },
];

/** `--within 30d` in days (0: today only). */
function parseWithin(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\s*0+\s*d?\s*$/i.test(text) ? 0 : parseSpanDays(text, '--within span');
}

export async function listOccasions(ctx: Context, ref: string | undefined, flags: { within?: string }): Promise<void> {
  const within = parseWithin(flags.within);
  const now = ctx.clock.now();
  const store = await ctx.stores.open();
  const only = ref === undefined ? undefined : [(await findProspect(store, ref)).id];
  const occasions = await store.listOccasions(only);
  const coming = upcomingWithin(occasions, now, within);
  // Without --within, one-off days that have passed are listed too, after the coming ones.
  const passed = within === undefined ? occasions.filter((o) => upcoming(o, now) === null).map((o) => ({ occasion: o, next: null })) : [];
  const listed = [...coming, ...passed];
  const names = new Map((await store.getProspects([...new Set(listed.map((u) => u.occasion.prospectId))])).map((p) => [p.id, p.name]));
  const rows: OccasionRow[] = listed.map((u) => ({ occasion: u.occasion, name: names.get(u.occasion.prospectId) ?? null, next: u.next === null ? null : (u as Upcoming) }));
  await printRows(ctx, rows, OCCASION_COLUMNS);
  if (ctx.term.format === 'table') ctx.term.info(rows.length ? `${rows.length} occasion(s)` : within === undefined ? 'no occasions' : `no occasions in the next ${within} days`);
}

export async function removeOccasion(ctx: Context, idText: string): Promise<void> {
  if (!/^\d+$/.test(idText.trim())) throw usageError(`occasion id "${idText}" is not a number (find it with: precrm occasion list)`);
  const id = Number(idText.trim());
  const store = await ctx.stores.open();
  const removed = await store.transaction(async (tx) => {
    const o = await tx.getOccasion(id);
    if (!o) throw notFoundError(`no occasion has id ${id} (try: precrm occasion list)`);
    await tx.delete('occasion', [o.id]);
    return o;
  });
  ctx.term.info(`removed occasion #${removed.id}: ${removed.label}`);
  printWritten(ctx, [removed]);
}
