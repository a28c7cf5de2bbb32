// `precrm occasion add <prospect> <label> <day>`: a day that matters to a prospect, which `due` reminds of.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { localDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { refuseForgotten } from '../../domain/lifecycle.js';
import { DEFAULT_REMIND_DAYS, parseOccasionDay, upcoming, type OccasionDay, type Upcoming } from '../../domain/occasions.js';
import { checkText } from '../../domain/prospect.js';
import { label } from '../../domain/referrals.js';
import type { Occasion, Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, warn, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parseDaysOrZero } from './span.js';

export interface AddFlags { remind?: string }
export interface AddOptions { ref: string; label: string; day: OccasionDay; remindDays: number }
/** The stored occasion, its prospect, and its next day (null for a one-off day that has passed). */
export interface Added { occasion: Occasion; prospect: Prospect; next: Upcoming | null }

export function register(parent: Command): Command {
  return parent.command('add <prospect> <label> <day>').description('a day to remember: MM-DD every year (29 Feb: 28 Feb in other years), YYYY-MM-DD once')
    .option('--remind <span>', `how long before it due starts listing it (default ${DEFAULT_REMIND_DAYS}d; 0: on the day)`)
    .addHelpText('after', examples('precrm occasion add ravi "wife\'s birthday" 03-14', 'precrm occasion add 12 "daughter\'s wedding" 2026-06-20 --remind 3w'));
}

export function parse([ref, text, dayText]: Args, flags: AddFlags): AddOptions {
  const day = parseOccasionDay(dayText as string);
  const remindDays = flags.remind === undefined ? DEFAULT_REMIND_DAYS : parseDaysOrZero(flags.remind, '--remind span');
  const trimmed = (text as string).trim();
  if (trimmed === '') throw usageError('the occasion needs a label (e.g. "wife\'s birthday")');
  return { ref: ref as string, label: checkText('label', trimmed), day, remindDays };
}

/** Stores the occasion under the next id; refused for a forgotten prospect. */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, options: AddOptions): Promise<Added> {
  const now = ctx.clock.now();
  const store = await ctx.stores.open();
  const { occasion, prospect } = await store.transaction(async (tx) => {
    const target = await findProspect(tx, options.ref);
    refuseForgotten(target, 'adding an occasion');
    const o: Occasion = {
      id: await tx.takeId('occasion'), prospectId: target.id, label: options.label, ...options.day, remindDays: options.remindDays, createdAt: now.toISOString(),
    };
    await tx.insert('occasion', [o]);
    return { occasion: o, prospect: target };
  });
  return { occasion, prospect, next: upcoming(occasion, now) };
}

export function show({ occasion, prospect: p, next }: Added): Shown {
  const when = next ? `next ${localDay(next.next)}` : 'a day that has passed';
  return [
    info(`added occasion #${occasion.id} for ${label(p)}: ${occasion.label}, ${when}`),
    ...(p.doNotContact ? [warn(`${label(p)} asked not to be contacted: due will not remind of this occasion`)] : []),
    written([occasion]),
  ];
}

export const add: Verb<AddFlags, AddOptions, Added> = { register, parse, run, show };
