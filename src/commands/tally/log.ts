// `precrm tally log <type> <count>`: counts of anonymous touches that belong to no prospect ("greeted 40", "60 samples at the market").
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { checkText } from '../../domain/prospect.js';
import { newTally, type TallyInput } from '../../domain/tallies.js';
import { isLaterDay } from '../../domain/touches.js';
import { parseWhen } from '../../domain/dates.js';
import { TOUCH_TYPES, type Tally } from '../../domain/types.js';
import { parseMoneyOption } from '../common/money-option.js';
import { parseCount } from '../common/options.js';
import { examples } from '../common/examples.js';
import { parseTouchType } from '../touch/touch-type.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface LogFlags { at?: string; by?: string; note?: string; cost?: string; currency?: string }
export type LogOptions = TallyInput;

export function register(parent: Command): Command {
  return parent.command('log <type> <count>').description(`record how many anonymous touches of a type (${TOUCH_TYPES.join(', ')})`)
    .option('--at <when>', 'when (default now; 2026-03-05T18:30, yesterday, 3d …)')
    .option('--by <name>', 'who on the staff (default PRECRM_USER, else the PostgreSQL role, else the OS user)')
    .option('--note <text>', 'where or what ("market stall", "cardamom buns")')
    .option('--cost <money>', 'what it cost (900, €12.50); currency from --currency, the amount, or PRECRM_CURRENCY')
    .option('--currency <code>', 'three-letter currency code of --cost (INR, EUR, USD …)')
    .addHelpText('after', examples(
      'precrm tally log greeting 40',
      'precrm tally log sample 60 --at yesterday --note "market stall" --cost 900 --currency INR',
      'PRECRM_CURRENCY=EUR precrm tally log tasting 25 --cost 18.50',
    ));
}

export function parse([type, count]: Args, flags: LogFlags, ctx: Pick<Context, 'clock' | 'stores'>): LogOptions {
  const now = ctx.clock.now();
  const at = flags.at === undefined ? now : parseWhen(flags.at, now, 'past', '--at date');
  // A tally counts what happened: a later day is not a tally yet.
  if (isLaterDay(at.toISOString(), now)) throw usageError(`--at ${flags.at} is after today; a tally counts what happened`);
  if (flags.currency !== undefined && flags.cost === undefined) throw usageError('--currency goes with --cost <money>');
  const by = (flags.by ?? ctx.stores.user).trim();
  return {
    type: parseTouchType(type as string),
    count: parseCount(count as string, '<count>'),
    at: at.toISOString(),
    note: flags.note === undefined || flags.note.trim() === '' ? null : checkText('--note', flags.note.trim()),
    by: by ? checkText('--by', by) : null,
    cost: flags.cost === undefined ? null : parseMoneyOption('--cost', flags.cost, flags.currency, ctx.clock.env),
  };
}

/** Stores the tally under the next id and returns it. */
export async function run(ctx: Pick<Context, 'stores'>, options: LogOptions): Promise<Tally> {
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const t = newTally(await tx.takeId('tally'), options);
    await tx.insert('tally', [t]);
    return t;
  });
}

export const show = (tally: Tally): Shown => [info(`logged ${tally.count} ${tally.type} (tally #${tally.id})`), written([tally])];

export const log: Verb<LogFlags, LogOptions, Tally> = { register, parse, run, show };
