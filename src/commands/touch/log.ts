// `precrm touch log <prospect> <type> [note]`: records an interaction; touches are created only by the domain's recordTouch.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { parseWhen, showDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { checkManualStage, refuseForgotten } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import { label } from '../../domain/referrals.js';
import { parseStage } from '../../domain/stages.js';
import { isLaterDay, recordTouch, type TouchInput } from '../../domain/touches.js';
import { DIRECTIONS, OUTCOMES, TOUCH_TYPES, type FollowUp, type Prospect, type Touch } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { parseMoneyOption } from '../common/money-option.js';
import { parseChoice, parseDateOption } from '../common/options.js';
import { info, warn, written, type Part, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parseTouchType } from './touch-type.js';

export interface LogFlags { at?: string; outcome?: string; direction?: string; by?: string; stage?: string; followUp?: string; next?: string; cost?: string; currency?: string }
export interface LogOptions { ref: string; input: TouchInput }
/** The stored touch, and its prospect after and before it. */
export interface Logged { touch: Touch; prospect: Prospect; before: Prospect }

export function register(parent: Command): Command {
  return parent.command('log <prospect> <type> [note]').description(`record an interaction (${TOUCH_TYPES.join(', ')})`)
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
    ));
}

/** A touch is something that happened: any time today is fine, a later day is a follow-up, not a touch. */
function parseTouchAt(text: string | undefined, now: Date): string {
  if (text === undefined) return now.toISOString();
  const at = parseWhen(text, now, 'past', '--at date');
  if (isLaterDay(at.toISOString(), now)) throw usageError(`--at ${text} is after today; a touch records what happened (plan ahead with --follow-up)`);
  return at.toISOString();
}

export function parse([ref, type, note]: Args, flags: LogFlags, ctx: Pick<Context, 'clock' | 'stores'>): LogOptions {
  const now = ctx.clock.now();
  const stage = flags.stage === undefined ? undefined : checkManualStage(parseStage(flags.stage), '<prospect>');
  if (flags.next !== undefined && flags.followUp === undefined) throw usageError('--next needs --follow-up <when>');
  if (flags.currency !== undefined && flags.cost === undefined) throw usageError('--currency goes with --cost <money>');
  const followUp: FollowUp | undefined = flags.followUp === undefined ? undefined : {
    at: parseDateOption(flags.followUp, now, 'future', '--follow-up date'),
    note: flags.next === undefined || flags.next.trim() === '' ? null : checkText('--next', flags.next.trim()),
  };
  const by = (flags.by ?? ctx.stores.user).trim();
  const text = note as string | undefined;
  const input: TouchInput = {
    type: parseTouchType(type as string),
    at: parseTouchAt(flags.at, now),
    note: text === undefined || text.trim() === '' ? null : checkText('note', text.trim()),
    outcome: flags.outcome === undefined ? null : parseChoice(flags.outcome, OUTCOMES, 'outcome'),
    direction: flags.direction === undefined ? undefined : parseChoice(flags.direction, DIRECTIONS, 'direction'),
    by: by ? checkText('--by', by) : null,
    stage,
    followUp,
    cost: flags.cost === undefined ? null : parseMoneyOption('--cost', flags.cost, flags.currency, ctx.clock.env),
  };
  return { ref: ref as string, input };
}

/** Stores the touch and the prospect it moves (stage, follow-up) in one transaction. */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, input }: LogOptions): Promise<Logged> {
  const now = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const before = await findProspect(tx, ref);
    refuseForgotten(before, 'logging a touch');
    const logged = recordTouch(before, await tx.takeId('touch'), input, now);
    await tx.insert('touch', [logged.touch]);
    await tx.update('prospect', [logged.prospect]);
    return { touch: logged.touch, prospect: logged.prospect, before };
  });
}

/** A warning when the prospect asked not to be contacted, what moved (stage, follow-up), then the touch's id. */
export function show({ touch, prospect: p, before }: Logged, { input }: LogOptions): Shown {
  const parts: Part[] = [];
  if (p.doNotContact && touch.direction !== 'in') {
    parts.push(warn(`${label(p)} asked not to be contacted (see the consent log: precrm prospect show ${p.id}); the touch is recorded anyway`));
  }
  parts.push(info(`logged ${touch.type} #${touch.id} for ${label(p)}`));
  if (p.stage !== before.stage) parts.push(info(`${label(p)} moved from ${before.stage} to ${p.stage}`));
  if (before.followUp && input.followUp === undefined && !p.followUp) parts.push(info(`follow-up of ${showDay(before.followUp.at)} done`));
  if (p.followUp && input.followUp !== undefined) parts.push(info(`next follow-up ${showDay(p.followUp.at)}`));
  return [...parts, written([touch])];
}

export const log: Verb<LogFlags, LogOptions, Logged> = { register, parse, run, show };
