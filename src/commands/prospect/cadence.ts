// `precrm prospect cadence <prospect> [span]`: a stay-in-touch rhythm (1d, 2w, every 1m), or --clear it.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { setCadence } from '../../domain/prospect-changes.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { parseSpanDays } from '../common/options.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

/** `days`: null clears the rhythm. */
export interface CadenceOptions { ref: string; days: number | null }

export function register(parent: Command): Command {
  return parent.command('cadence <prospect> [span]').description('stay-in-touch rhythm (1d, 2w, every 1m); any touch restarts the clock')
    .option('--clear', 'no rhythm any more')
    .addHelpText('after', examples('precrm prospect cadence ravi 1d      # the daily greeting', 'precrm prospect cadence anita "every 2w"', 'precrm prospect cadence 12 --clear'));
}

export function parse([ref, span]: Args, flags: { clear?: boolean }): CadenceOptions {
  if (flags.clear && span !== undefined) throw usageError('give either a span or --clear, not both');
  if (!flags.clear && span === undefined) throw usageError('missing span (usage: precrm prospect cadence <prospect> <span>, e.g. 1d or 2w; or --clear)');
  return { ref: ref as string, days: flags.clear ? null : parseSpanDays(span as string, 'cadence') };
}

export const run = (ctx: Pick<Context, 'stores' | 'clock'>, { ref, days }: CadenceOptions): Promise<Prospect> =>
  updateProspect(ctx, ref, (target, at) => setCadence(target, days, at));

export function show(p: Prospect, { days }: CadenceOptions): Shown {
  return [info(days ? `${label(p)}: stay in touch every ${days} day(s); any touch restarts the clock` : `cadence for ${label(p)} cleared`), written([p])];
}

export const cadence: Verb<{ clear?: boolean }, CadenceOptions, Prospect> = { register, parse, run, show };
