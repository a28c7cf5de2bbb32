// `precrm stale`: pre-customer prospects nobody has touched for a while and nothing is planned for.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { silentBefore, staleList, type StaleRow } from '../../domain/due.js';
import type { Format } from '../../output/render.js';
import { parseCount } from '../common/options.js';
import { examples } from '../common/examples.js';
import { info, rows, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { STALE_COLUMNS } from './columns.js';

export interface StaleFlags { days: string; owner?: string }
export interface StaleOptions { now: Date; days: number; owner?: string; format: Format }

export function register(parent: Command): Command {
  return parent.command('stale').description('pre-customer prospects nobody has touched for a while (and nothing planned)')
    .option('--days <n>', 'silent for at least n days', '14')
    .option('--owner <name>', 'only prospects of this owner')
    .addHelpText('after', examples('precrm stale', 'precrm stale --days 30 --json'));
}

export function parse(_args: Args, flags: StaleFlags, ctx: Pick<Context, 'clock' | 'term'>): StaleOptions {
  return {
    now: ctx.clock.now(),
    days: parseCount(flags.days, '--days'),
    ...(flags.owner === undefined ? {} : { owner: flags.owner.trim() }),
    format: ctx.term.format,
  };
}

/** The silent prospects, the longest silent first. */
export async function run(ctx: Pick<Context, 'stores'>, o: StaleOptions): Promise<StaleRow[]> {
  const store = await ctx.stores.open();
  const filter = o.owner === undefined ? {} : { owner: o.owner };
  return staleList(await store.staleCandidates(filter, silentBefore(o.now, o.days)), o.now, o.days);
}

export function show(list: StaleRow[], o: StaleOptions): Shown {
  if (o.format !== 'table') return [rows(list, STALE_COLUMNS)];
  return [rows(list, STALE_COLUMNS), info(list.length ? `${list.length} stale (no touch for ${o.days}+ days, nothing planned)` : `nobody silent for ${o.days}+ days`)];
}

export const stale: Verb<StaleFlags, StaleOptions, StaleRow[]> = { register, parse, run, show };
