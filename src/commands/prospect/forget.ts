// `precrm prospect forget <prospect>`: the right to be forgotten — personal data erased, an anonymous record kept
// so the figures stay true; after asking, and it cannot be undone.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { forgetProspect, identifyingStrings, mentionsOf, personalStrings } from '../../domain/forget.js';
import { surveyKey } from '../../domain/queries.js';
import { label } from '../../domain/referrals.js';
import type { Prospect, Survey } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreTransaction } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, warn, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { dropOccasions } from './occasion-links.js';

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
  const at = ctx.clock.now().toISOString();
  const done = await store.transaction((tx) => erase(tx, snapshot.id, at));
  return { kind: 'forgotten', prospect: done.prospect, touchNotes: done.touchNotes, mentions: done.mentions, copies: await store.forgetCopies(done.strings) };
}

/** The erasure, in the caller's transaction: the anonymous record, and what is left to look for outside it. */
async function erase(tx: StoreTransaction, id: number, at: string) {
  const { suppress } = await import('../../store/suppress.js');
  const p = await findProspect(tx, String(id));
  const [touches, responses] = await Promise.all([tx.listTouches({ prospectId: p.id }), tx.listResponses({ prospectId: p.id })]);
  const surveys = await Promise.all([...new Set(responses.map((r) => surveyKey(r.survey)))].map((name) => tx.surveyByName(name)));
  const strings = personalStrings(p, touches);
  // Listed before the erasure, while the email and phone are still known: no import brings them back.
  await suppress(tx, [p], 'forgotten', at);
  const identifying = identifyingStrings(p);
  const forgotten = forgetProspect(p, touches, responses, surveys.filter((s): s is Survey => s !== null), at);
  await dropOccasions(tx, p.id);
  await applyChanges(tx, forgotten.changes);
  // Looked for after the erasure, so the person's own (now empty) records do not count.
  // Only what names the person: their own notes' words in other people's notes are not about them.
  const [prospects, notes] = identifying.length ? await Promise.all([tx.prospectsMentioning(identifying), tx.touchesMentioning(identifying)]) : [[], []];
  return { prospect: forgotten.prospect, touchNotes: forgotten.result.touchNotes, strings, mentions: mentionsOf(prospects, notes, identifying) };
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
