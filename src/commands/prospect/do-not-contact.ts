// `precrm prospect do-not-contact <prospect>`: records that a prospect must not be contacted (or, --off, may be again).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { CountryCode } from '../../domain/phones.js';
import { checkText } from '../../domain/prospect.js';
import { recordConsent } from '../../domain/prospect-changes.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

export interface DoNotContactFlags { off?: boolean; note?: string }
export interface DoNotContactOptions { ref: string; off: boolean; note: string | null; country: CountryCode | null }

export function register(parent: Command): Command {
  return parent.command('do-not-contact <prospect>').description('record that a prospect must not be contacted (or --off)')
    .option('--off', 'they may be contacted again')
    .option('--note <text>', 'why, as told by the person')
    .addHelpText('after', examples('precrm prospect do-not-contact ravi --note "asked by phone"', 'precrm prospect do-not-contact 12 --off'));
}

export async function parse([ref]: Args, flags: DoNotContactFlags, ctx: Pick<Context, 'clock'>): Promise<DoNotContactOptions> {
  const note = flags.note === undefined ? null : checkText('--note', flags.note);
  const off = Boolean(flags.off);
  // Only --off matches the suppression list by phone (libphonenumber, loaded here rather than at start-up).
  const country = off ? (await import('./duplicates.js')).shopCountry(ctx.clock.env) : null;
  return { ref: ref as string, off, note, country };
}

/** On: the email and phone go on the suppression list; --off lifts that entry (never one of a forget or remove). */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, off, note, country }: DoNotContactOptions): Promise<Prospect> {
  // Loaded when it runs, not at start-up: the suppression list matches phones (libphonenumber).
  const { lift, liftedByConsent, suppress } = await import('./suppression.js');
  return updateProspect(ctx, ref, (target, at) => recordConsent(target, off, note, at),
    (tx, next, at) => (off ? lift(tx, next, liftedByConsent, country) : suppress(tx, [next], 'do-not-contact', at)));
}

export function show(p: Prospect): Shown {
  const said = p.doNotContact ? `${label(p)} will not be contacted (recorded in the consent log)` : `${label(p)} may be contacted again (recorded in the consent log)`;
  return [info(said), written([p])];
}

export const doNotContact: Verb<DoNotContactFlags, DoNotContactOptions, Prospect> = { register, parse, run, show };
