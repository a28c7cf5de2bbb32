// `precrm prospect forget <prospect>`: the right to be forgotten — personal data erased, an anonymous record kept
// so the figures stay true; after asking, and it cannot be undone.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, warn, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface ForgetOptions { ref: string }

/** What an erasure did: the anonymous record, what still names the person, and the store's own copies it dealt with. */
export interface Forgotten {
  prospect: Prospect;
  touchNotes: number;
  /** Other records whose text still names them (to edit by hand). */
  mentions: string[];
  /** precrm's own pre-upgrade copies removed, and `store backup` files that still hold the data. */
  copies: { removed: string[]; backups: string[] };
}

export type ForgetOutcome = { kind: 'already'; prospect: Prospect; forgottenAt: string } | { kind: 'declined' } | ({ kind: 'forgotten' } & Forgotten);

export function register(parent: Command): Command {
  return parent.command('forget <prospect>').description('right to be forgotten: erase personal data, keep an anonymous record (asks first; cannot be undone)')
    .addHelpText('after', examples('precrm prospect forget 12', 'precrm prospect forget anna@example.com --yes'));
}

export const parse = ([ref]: Args): ForgetOptions => ({ ref: ref as string });

export async function run(ctx: Pick<Context, 'stores' | 'clock' | 'prompts'>, { ref }: ForgetOptions): Promise<ForgetOutcome> {
  const store = await ctx.stores.open();
  const snapshot = await findProspect(store, ref);
  if (snapshot.forgottenAt) {
    await store.finishErasure?.(snapshot.id);
    return { kind: 'already', prospect: snapshot, forgottenAt: snapshot.forgottenAt };
  }
  if (!(await ctx.prompts.confirmDestructive(`Erase all personal data of ${label(snapshot)}? This cannot be undone.`, 'prospect forget'))) return { kind: 'declined' };
  // Loaded once asked, not at start-up: the erasure's rules and writes.
  const { erase } = await import('./erasure.js');
  const at = ctx.clock.now().toISOString();
  const done = await store.transaction((tx) => erase(tx, snapshot.id, at));
  return { kind: 'forgotten', prospect: done.prospect, touchNotes: done.touchNotes, mentions: done.mentions, copies: await store.forgetCopies(done.strings) };
}

export function show(outcome: ForgetOutcome): Shown {
  if (outcome.kind === 'declined') return [info('nothing erased')];
  if (outcome.kind === 'already') return [info(`prospect ${outcome.prospect.id} was already forgotten on ${showDay(outcome.forgottenAt)}`), written([outcome.prospect])];
  const { prospect: p, touchNotes, mentions, copies } = outcome;
  return [
    info(`forgot prospect ${p.id}: personal data and ${touchNotes} touch note(s) erased; the anonymous record keeps the figures`),
    ...(mentions.length ? [warn(`their name, email or phone still appears in: ${mentions.join(', ')} (edit those by hand)`)] : []),
    ...copies.removed.map((copy) => info(`removed ${copy}, precrm's own copy of the store from before a schema upgrade, which held their data`)),
    ...(copies.backups.length ? [warn(`backups made with precrm store backup still hold their data: ${copies.backups.join(', ')} (delete them, or keep them knowingly)`)] : []),
    info('backups kept elsewhere (precrm store backup FILE, system backups) still hold the old data'),
    written([p]),
  ];
}

export const forget: Verb<object, ForgetOptions, ForgetOutcome> = { register, parse, run, show };
