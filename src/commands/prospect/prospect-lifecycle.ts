// prospect lose / reopen / follow-up / cadence / forget: one locked update each, then the id (or record) on stdout.
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { forgetProspect, identifyingStrings, mentionsOf, personalStrings } from '../../domain/forget.js';
import { loseProspect, reopenProspect } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import { planFollowUp, setCadence } from '../../domain/prospect-changes.js';
import { surveyKey } from '../../domain/queries.js';
import { label } from '../../domain/referrals.js';
import type { Survey } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import { suppress } from '../../store/suppress.js';
import { confirmDestructive, printWritten } from '../common/io.js';
import { findProspect } from '../common/lookup.js';
import { parseDateOption, parseSpanDays } from '../common/options.js';
import { changeProspect as updateProspect } from './prospect-write.js';
import { dropOccasions } from './occasion-links.js';

export async function loseRun(ctx: Context, ref: string, opts: { reason: string }): Promise<void> {
  const reason = checkText('--reason', opts.reason.trim());
  if (!reason) throw usageError('--reason is empty (say why, e.g. --reason "moved away")');
  let wasLost = false;
  const p = await updateProspect(ctx, ref, (target, at) => {
    const lost = loseProspect(target, reason, at);
    wasLost = lost.wasLost;
    return lost.prospect;
  });
  ctx.term.info(wasLost ? `${label(p)} was already lost; reason updated` : `${label(p)} is lost (reopen with: precrm prospect reopen ${p.id})`);
  printWritten(ctx, [p]);
}

export async function reopenRun(ctx: Context, ref: string): Promise<void> {
  const p = await updateProspect(ctx, ref, reopenProspect);
  ctx.term.info(`${label(p)} is reopened at ${p.stage}, the furthest stage it had reached`);
  printWritten(ctx, [p]);
}

export async function followUpRun(ctx: Context, ref: string, when: string | undefined, note: string | undefined, opts: { clear?: boolean }): Promise<void> {
  if (opts.clear && (when !== undefined || note !== undefined)) throw usageError('give either a date (and note) or --clear, not both');
  if (!opts.clear && when === undefined) throw usageError('missing date (usage: precrm prospect follow-up <prospect> <when> [note], or --clear)');
  const followUp = opts.clear ? null : {
    at: parseDateOption(when!, ctx.clock.now(), 'future', 'follow-up date'),
    note: note === undefined || note.trim() === '' ? null : checkText('note', note.trim()),
  };
  const p = await updateProspect(ctx, ref, (target, at) => planFollowUp(target, followUp, at));
  ctx.term.info(followUp ? `follow-up for ${label(p)} on ${showDay(followUp.at)}` : `follow-up for ${label(p)} cleared`);
  if (followUp && followUp.at < ctx.clock.now().toISOString()) ctx.term.info('that date has passed: the follow-up is due now');
  if (followUp && p.doNotContact) ctx.term.warn(`${label(p)} asked not to be contacted; the follow-up will not appear in \`precrm due\``);
  printWritten(ctx, [p]);
}

export async function cadenceRun(ctx: Context, ref: string, span: string | undefined, opts: { clear?: boolean }): Promise<void> {
  if (opts.clear && span !== undefined) throw usageError('give either a span or --clear, not both');
  if (!opts.clear && span === undefined) throw usageError('missing span (usage: precrm prospect cadence <prospect> <span>, e.g. 1d or 2w; or --clear)');
  const days = opts.clear ? null : parseSpanDays(span!, 'cadence');
  const p = await updateProspect(ctx, ref, (target, at) => setCadence(target, days, at));
  ctx.term.info(days ? `${label(p)}: stay in touch every ${days} day(s); any touch restarts the clock` : `cadence for ${label(p)} cleared`);
  printWritten(ctx, [p]);
}

export async function forgetRun(ctx: Context, ref: string): Promise<void> {
  const store = await ctx.stores.open();
  const snapshot = await findProspect(store, ref);
  if (snapshot.forgottenAt) {
    await store.finishErasure?.(snapshot.id);
    ctx.term.info(`prospect ${snapshot.id} was already forgotten on ${showDay(snapshot.forgottenAt)}`);
    printWritten(ctx, [snapshot]);
    return;
  }
  const ok = await confirmDestructive(ctx, `Erase all personal data of ${label(snapshot)}? This cannot be undone.`, 'prospect forget');
  if (!ok) {
    ctx.term.info('nothing erased');
    return;
  }
  const at = ctx.clock.now().toISOString();
  const done = await store.transaction(async (tx) => {
    const p = await findProspect(tx, String(snapshot.id));
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
    return { p: forgotten.prospect, result: forgotten.result, strings, mentions: mentionsOf(prospects, notes, identifying) };
  });
  ctx.term.info(`forgot prospect ${done.p.id}: personal data and ${done.result.touchNotes} touch note(s) erased; the anonymous record keeps the figures`);
  if (done.mentions.length) ctx.term.warn(`their name, email or phone still appears in: ${done.mentions.join(', ')} (edit those by hand)`);
  const copies = await store.forgetCopies(done.strings);
  for (const copy of copies.removed) ctx.term.info(`removed ${copy}, precrm's own copy of the store from before a schema upgrade, which held their data`);
  if (copies.backups.length) ctx.term.warn(`backups made with precrm store backup still hold their data: ${copies.backups.join(', ')} (delete them, or keep them knowingly)`);
  ctx.term.info('backups kept elsewhere (precrm store backup FILE, system backups) still hold the old data');
  printWritten(ctx, [done.p]);
}
