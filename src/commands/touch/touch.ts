// `precrm touch log|list|remove`: the interactions of a relationship. Touches are created only by recordTouch.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { parseWhen, showDay } from '../../domain/dates.js';
import { notFoundError, usageError } from '../../domain/errors.js';
import { checkManualStage, refuseForgotten } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import type { TouchQuery } from '../../domain/queries.js';
import { label } from '../../domain/referrals.js';
import { parseStage } from '../../domain/stages.js';
import { isLaterDay, recordTouch, type TouchInput } from '../../domain/touches.js';
import { DIRECTIONS, OUTCOMES, TOUCH_TYPES, type FollowUp, type Touch, type TouchType } from '../../domain/types.js';
import { WHOLE, type Column } from '../../output/columns.js';
import { printRows } from '../common/print.js';
import { printWritten } from '../common/io.js';
import { findProspect } from '../common/lookup.js';
import { collect, parseChoice, parseCount, parseDateOption, parseDayWindow } from '../common/options.js';
import { examples } from '../common/examples.js';
import { parseMoneyOption } from '../common/money-option.js';


interface LogFlags { at?: string; outcome?: string; direction?: string; by?: string; stage?: string; followUp?: string; next?: string; cost?: string; currency?: string }
interface ListFlags { type?: string[]; since?: string; until?: string; by?: string; limit?: string }

export function registerTouch(program: Command, ctx: Context): void {
  const touch = program.command('touch').description('interactions: greetings, visits, samples, calls, messages …')
    .addHelpText('after', examples('precrm touch log ravi greeting "waved back"', 'precrm touch list ravi', 'precrm touch remove 42'));

  touch.command('log <prospect> <type> [note]').description(`record an interaction (${TOUCH_TYPES.join(', ')})`)
    .option('--at <when>', 'when it happened (default now; 2026-03-05T18:30, yesterday, 3d …)')
    .option('--outcome <outcome>', OUTCOMES.join(', '))
    .option('--direction <dir>', 'in (they reached us) or out (we reached them); website is in unless told otherwise')
    .option('--by <name>', 'who on the staff (default PRECRM_USER, else the PostgreSQL role, else the OS user)')
    .option('--stage <stage>', 'move the prospect to this stage in the same step')
    .option('--follow-up <when>', 'plan the next action (tomorrow, friday, 3d, 2026-03-05)')
    .option('--next <note>', 'what the follow-up is about')
    .option('--cost <money>', 'what it cost (40, €2.50); currency from --currency, the amount, or PRECRM_CURRENCY')
    .option('--currency <code>', 'three-letter currency code of --cost (INR, EUR, USD …)')
    .addHelpText('after', examples(
      'precrm touch log ravi greeting "waved back, smiled"',
      'precrm touch log ravi sample "tried the cardamom bun" --outcome positive --direction in --stage engaged',
      'precrm touch log ravi sample "a slice of walnut cake" --cost 40 --currency INR',
      'precrm touch log 12 call --at yesterday --follow-up friday --next "send the wedding quote"',
    ))
    .action((ref: string, type: string, note: string | undefined, flags: LogFlags) => logTouch(ctx, ref, type, note, flags));

  touch.command('list [prospect]').alias('ls').description('touches, oldest first (all, or of one prospect)')
    .option('--type <type>', 'only these types (repeatable, or comma-separated)', collect)
    .option('--since <when>', 'on or after (2026-03-01, 30d, monday …)')
    .option('--until <when>', 'on or before')
    .option('--by <name>', 'only by this member of staff')
    .option('--limit <n>', 'only the latest n')
    .addHelpText('after', examples('precrm touch list ravi', 'precrm touch list --type greeting,visit --since 7d', 'precrm touch list --since 2026-01-01 --format csv > touches.csv'))
    .action((ref: string | undefined, flags: ListFlags) => listTouches(ctx, ref, flags));

  touch.command('remove <touch-id>').alias('rm').description('delete a touch logged by mistake (stage history is kept)')
    .addHelpText('after', examples('precrm touch remove 42'))
    .action((id: string) => removeTouch(ctx, id));
}

export function parseTouchType(text: string): TouchType {
  return parseChoice(text, TOUCH_TYPES, 'touch type');
}

/** A touch is something that happened: any time today is fine, a later day is a follow-up, not a touch. */
function parseTouchAt(text: string | undefined, now: Date): string {
  if (text === undefined) return now.toISOString();
  const at = parseWhen(text, now, 'past', '--at date');
  if (isLaterDay(at.toISOString(), now)) throw usageError(`--at ${text} is after today; a touch records what happened (plan ahead with --follow-up)`);
  return at.toISOString();
}

function parseLogFlags(ctx: Context, type: string, note: string | undefined, flags: LogFlags): TouchInput {
  const now = ctx.clock.now();
  const stage = flags.stage === undefined ? undefined : checkManualStage(parseStage(flags.stage), '<prospect>');
  if (flags.next !== undefined && flags.followUp === undefined) throw usageError('--next needs --follow-up <when>');
  if (flags.currency !== undefined && flags.cost === undefined) throw usageError('--currency goes with --cost <money>');
  const followUp: FollowUp | undefined = flags.followUp === undefined ? undefined : {
    at: parseDateOption(flags.followUp, now, 'future', '--follow-up date'),
    note: flags.next === undefined || flags.next.trim() === '' ? null : checkText('--next', flags.next.trim()),
  };
  const by = (flags.by ?? ctx.stores.user).trim();
  return {
    type: parseTouchType(type),
    at: parseTouchAt(flags.at, now),
    note: note === undefined || note.trim() === '' ? null : checkText('note', note.trim()),
    outcome: flags.outcome === undefined ? null : parseChoice(flags.outcome, OUTCOMES, 'outcome'),
    direction: flags.direction === undefined ? undefined : parseChoice(flags.direction, DIRECTIONS, 'direction'),
    by: by ? checkText('--by', by) : null,
    stage,
    followUp,
    cost: flags.cost === undefined ? null : parseMoneyOption('--cost', flags.cost, flags.currency, ctx.clock.env),
  };
}

export async function logTouch(ctx: Context, ref: string, type: string, note: string | undefined, flags: LogFlags): Promise<void> {
  const input = parseLogFlags(ctx, type, note, flags);
  const now = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  const { touch, p, before } = await store.transaction(async (tx) => {
    const target = await findProspect(tx, ref);
    refuseForgotten(target, 'logging a touch');
    const logged = recordTouch(target, await tx.takeId('touch'), input, now);
    await tx.insert('touch', [logged.touch]);
    await tx.update('prospect', [logged.prospect]);
    return { touch: logged.touch, p: logged.prospect, before: target };
  });
  if (p.doNotContact && touch.direction !== 'in') {
    ctx.term.warn(`${label(p)} asked not to be contacted (see the consent log: precrm prospect show ${p.id}); the touch is recorded anyway`);
  }
  ctx.term.info(`logged ${touch.type} #${touch.id} for ${label(p)}`);
  if (p.stage !== before.stage) ctx.term.info(`${label(p)} moved from ${before.stage} to ${p.stage}`);
  if (before.followUp && input.followUp === undefined && !p.followUp) ctx.term.info(`follow-up of ${showDay(before.followUp.at)} done`);
  if (p.followUp && input.followUp !== undefined) ctx.term.info(`next follow-up ${showDay(p.followUp.at)}`);
  printWritten(ctx, [touch]);
}

export const TOUCH_COLUMNS: Column<Touch & { name?: string | null }>[] = [
  { key: 'id', type: 'int', priority: 4 },
  { key: 'at', type: 'datetime' },
  { key: 'prospect_id', label: 'prospect', type: 'int', get: (t) => t.prospectId, priority: 5 },
  { key: 'name', type: 'string', minWidth: 12 },
  { key: 'type', type: 'string', minWidth: WHOLE, priority: 1 },
  { key: 'direction', type: 'string', minWidth: WHOLE, priority: 6 },
  { key: 'outcome', type: 'string', minWidth: WHOLE, priority: 7 },
  { key: 'by', type: 'string', priority: 3 },
  { key: 'note', type: 'string', minWidth: 16, priority: 2 },
];

/** What a touch cost: csv and json always have the two columns, a table only when a listed touch has a cost. */
const COST_COLUMNS: Column<Touch & { name?: string | null }>[] = [
  { key: 'cost', type: 'number', decimals: 2, priority: 8 },
  { key: 'currency', type: 'string', minWidth: WHOLE, priority: 8 },
];

const touchColumns = (format: string, touches: readonly Touch[]) =>
  (format !== 'table' || touches.some((t) => t.cost !== null) ? [...TOUCH_COLUMNS, ...COST_COLUMNS] : TOUCH_COLUMNS);

/** The typed query of `touch list`, parsed once (the prospect reference is resolved by the run). */
function parseListOptions(flags: ListFlags, now: Date): TouchQuery {
  const { since, until } = parseDayWindow(flags, now);
  return {
    types: flags.type?.flatMap((s) => s.split(',')).map((s) => parseTouchType(s)),
    since,
    until,
    by: flags.by,
    latest: flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit'),
  };
}

export async function listTouches(ctx: Context, ref: string | undefined, flags: ListFlags): Promise<void> {
  const query = parseListOptions(flags, ctx.clock.now());
  const store = await ctx.stores.open();
  if (ref !== undefined) query.prospectId = (await findProspect(store, ref)).id;
  const touches = await store.listTouches(query);
  const names = new Map((await store.getProspects([...new Set(touches.map((t) => t.prospectId))])).map((p) => [p.id, p.name]));
  const rows = touches.map((t) => ({ ...t, name: names.get(t.prospectId) ?? null }));
  await printRows(ctx, rows, touchColumns(ctx.term.format, touches), { jsonRecords: touches });
  if (ctx.term.format === 'table') ctx.term.info(`${rows.length} touch(es)`);
}

export async function removeTouch(ctx: Context, idText: string): Promise<void> {
  if (!/^\d+$/.test(idText.trim())) throw usageError(`touch id "${idText}" is not a number (find it with: precrm touch list <prospect>)`);
  const id = Number(idText.trim());
  const store = await ctx.stores.open();
  const removed = await store.transaction(async (tx) => {
    const t = await tx.getTouch(id);
    if (!t) throw notFoundError(`no touch has id ${id} (try: precrm touch list)`);
    await tx.delete('touch', [t.id]);
    return t;
  });
  ctx.term.info(`removed ${removed.type} #${removed.id} of ${showDay(removed.at)}`);
  printWritten(ctx, [removed]);
}
