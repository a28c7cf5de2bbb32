// prospect add / edit / stage / remove / do-not-contact: each validates its flags, then reads what it needs and
// writes what the domain says changed, in one store transaction.
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { emailKey, firstDuplicate, phoneKey } from '../../domain/dedupe.js';
import { phoneMatchKeys, shopCountry, type CountryCode } from '../../domain/phones.js';
import { PrecrmError, conflictError, usageError } from '../../domain/errors.js';
import { checkManualStage, stageProspect } from '../../domain/lifecycle.js';
import { lookalikeWarnings } from '../../domain/lookalikes.js';
import { checkName, checkText } from '../../domain/prospect.js';
import { addProspect as added, checkEditable, editProspect as edited, recordConsent, removeProspect as removed } from '../../domain/prospect-changes.js';
import { label, type ReferrerLink } from '../../domain/referrals.js';
import { START_STAGES, defaultStartStage, parseStage } from '../../domain/stages.js';
import { liftedByConsent } from '../../domain/suppression.js';
import type { Prospect, SuppressionEntry } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreReader, StoreTransaction } from '../../store/store.js';
import { lift, suppress } from '../../store/suppress.js';
import { describeFieldChange } from './edit-summary.js';
import { confirmDestructive, printWritten } from '../common/io.js';
import { findProspect, referrerChain } from '../common/lookup.js';
import { parseProspectFlags, type ProspectFlags } from './prospect-input.js';
import { dropOccasions } from './occasion-links.js';

/** What is wrong when another prospect has this email (any case) or phone number (in any form); null when none does. */
async function duplicateProblem(reader: StoreReader, p: { email: string | null; phone: string | null }, country: CountryCode | null, self?: number): Promise<string | null> {
  const [email, phones] = [emailKey(p.email), phoneMatchKeys(p.phone, country)];
  if (email === null && phones.length === 0) return null;
  const found = await reader.findDuplicates({ emails: email === null ? [] : [email], phones });
  const dup = firstDuplicate(found.filter((x) => x.id !== self), p, phones);
  if (!dup) return null;
  const what = dup.email && p.email && dup.email.toLowerCase() === p.email.toLowerCase() ? 'email' : 'phone number';
  return `${label(dup)} already has this ${what} (use --allow-duplicate to add anyway, or: precrm prospect edit ${dup.id})`;
}

/** Exit 4 when another prospect has this email (any case) or phone number (in any form). */
async function refuseDuplicate(reader: StoreReader, p: { email: string | null; phone: string | null }, country: CountryCode | null, self?: number): Promise<void> {
  const problem = await duplicateProblem(reader, p, country, self);
  if (problem !== null) throw conflictError(problem);
}

/** Prospects that look like a new one: the same name (ignoring case and accents), or — once allowed — email or phone. */
async function lookalikesOf(reader: StoreReader, p: Prospect): Promise<Prospect[]> {
  const [email, phone] = [emailKey(p.email), phoneKey(p.phone)];
  const [named, contacts] = await Promise.all([
    p.name === null ? [] : reader.prospectsNamed(p.name),
    email === null && phone === null ? [] : reader.findDuplicates({ emails: email === null ? [] : [email], phones: phone === null ? [] : [phone] }),
  ]);
  return [...named, ...contacts];
}

/** The referrer a reference names, with its chain (for the no-circle rule); null for an empty reference. */
async function referrerLink(reader: StoreReader, ref: string): Promise<ReferrerLink | null> {
  if (ref.trim() === '') return null;
  const referrer = await findProspect(reader, ref);
  return { referrer, chain: await referrerChain(reader, referrer) };
}

/**
 * A prompt's check of one answer by the rule its flag follows (parseProspectFlags with only that flag given), so
 * a typo is refused at its question instead of after the last one; an empty answer to an optional question passes.
 */
function answerCheck(ctx: Context, flag: keyof ProspectFlags, optional: boolean, more?: (v: string) => Promise<string | null>, given: ProspectFlags = {}) {
  return async (v: string): Promise<true | string> => {
    if (optional && v.trim() === '') return true;
    try {
      parseProspectFlags({ ...given, [flag]: v }, ctx.clock.now(), 'add');
    } catch (err) {
      if (err instanceof PrecrmError) return err.message;
      throw err;
    }
    return (await more?.(v)) ?? true;
  };
}

/** Asks for the basic fields in a terminal when `add` got no name; each answer is checked at its prompt. */
async function promptForProspect(ctx: Context, flags: ProspectFlags, reader: StoreReader): Promise<ProspectFlags> {
  const ask = ctx.prompts.prompter;
  const unique = (key: 'email' | 'phone') => async (v: string) =>
    flags.allowDuplicate ? null : duplicateProblem(reader, { email: null, phone: null, [key]: v.trim() }, shopCountry(ctx.clock.env));
  const optional = async (q: string, current: string | undefined, flag: keyof ProspectFlags, more?: (v: string) => Promise<string | null>, given?: ProspectFlags) =>
    current ?? ((await ask.input(q, { validate: answerCheck(ctx, flag, true, more, given) })).trim() || undefined);
  const name = await ask.input('Name:', { validate: answerCheck(ctx, 'name', false) });
  const email = await optional('Email (optional):', flags.email, 'email', unique('email'));
  const phone = await optional('Phone (optional):', flags.phone, 'phone', unique('phone'));
  const source = await optional('Source, e.g. walk-in (optional):', flags.source, 'source');
  // Only the stages a new prospect may start in (the domain's START_STAGES).
  const stage = flags.stage ?? (await ask.select('Stage:', START_STAGES, 'interested'));
  const followUp = await optional('Follow up when, e.g. friday or 2026-03-20 (optional):', flags.followUp, 'followUp');
  const next = followUp === undefined || flags.next !== undefined ? flags.next : await optional('What is the next action (optional):', undefined, 'next', undefined, { followUp });
  return { ...flags, name, email, phone, source, stage, followUp, next };
}

export async function addProspect(ctx: Context, nameArg: string | undefined, flagsIn: ProspectFlags): Promise<void> {
  let flags: ProspectFlags = { ...flagsIn, name: nameArg };
  const unnamed = nameArg === undefined && flagsIn.description !== undefined && flagsIn.description.trim() !== '';
  if (nameArg === undefined && !unnamed) {
    if (!ctx.prompts.canPrompt) throw usageError('missing name (usage: precrm prospect add <name> [--email …]; it prompts only in a terminal)');
    // The flags given with the questions are checked first: a bad one should not cost the answers.
    parseProspectFlags(flags, ctx.clock.now(), 'add');
    flags = await promptForProspect(ctx, flags, await ctx.stores.open());
  }
  if (!unnamed) checkName(flags.name ?? '');
  const { input, stage, referredByRef } = parseProspectFlags(flags, ctx.clock.now(), 'add');
  const at = ctx.clock.now().toISOString();
  const country = shopCountry(ctx.clock.env);
  const store = await ctx.stores.open();
  const created = await store.transaction(async (tx) => {
    if (!flagsIn.allowDuplicate) await refuseDuplicate(tx, { email: input.email ?? null, phone: input.phone ?? null }, country);
    const link = referredByRef === undefined ? null : await referrerLink(tx, referredByRef);
    const change = added(await tx.takeId('prospect'), input, stage ?? defaultStartStage(Boolean(input.name)), at, link);
    const lookalikes = await lookalikesOf(tx, change.prospect);
    await applyChanges(tx, change.changes);
    // The person is back and asked to be: off the list, so later imports merge into this record.
    return { p: change.prospect, lifted: await lift(tx, change.prospect, (all) => all, country), lookalikes };
  });
  ctx.term.info(`added prospect ${created.p.id} (${created.p.name ?? created.p.description})`);
  if (created.lifted.length) ctx.term.warn(liftedNotice(created.p, created.lifted));
  for (const line of lookalikeWarnings(created.p, created.lookalikes)) ctx.term.warn(line);
  printWritten(ctx, [created.p]);
}

/** What `prospect add` says when the email or phone it was given was on the suppression list (never the values). */
function liftedNotice(p: Prospect, lifted: readonly SuppressionEntry[]): string {
  const why = [...new Set(lifted.map((e) => `${e.reason} on ${showDay(e.at)}`))].join(', ');
  return `the email or phone given was on the suppression list (${why}); adding it by hand takes it off, so imports merge into prospect ${p.id} again`;
}

export async function editProspect(ctx: Context, ref: string, flags: ProspectFlags): Promise<void> {
  const { input, stage, referredByRef } = parseProspectFlags(flags, ctx.clock.now(), 'edit');
  const at = ctx.clock.now().toISOString();
  const country = shopCountry(ctx.clock.env);
  const store = await ctx.stores.open();
  const change = await store.transaction(async (tx) => {
    const p = await findProspect(tx, ref);
    checkEditable(p);
    const next = { email: input.email === undefined ? p.email : input.email, phone: input.phone === undefined ? p.phone : input.phone };
    const contactChanged = (input.email !== undefined && input.email !== p.email) || (input.phone !== undefined && input.phone !== p.phone);
    if (contactChanged && !flags.allowDuplicate) await refuseDuplicate(tx, next, country, p.id);
    const link = referredByRef === undefined ? undefined : await referrerLink(tx, referredByRef);
    const edit = edited(p, input, at, link, stage);
    if (edit.edited.length) await applyChanges(tx, edit.changes);
    return edit;
  });
  if (change.edited.length === 0) ctx.term.info(`nothing to change: ${label(change.prospect)} already has these values (nothing written)`);
  else for (const line of [`updated ${label(change.prospect)}:`, ...change.edited.map((c) => `  ${describeFieldChange(c)}`)]) ctx.term.info(line);
  printWritten(ctx, [change.prospect]);
}

/** One prospect changed by a domain function, in one transaction (with `also`, a further write in it): the new record. */
export async function changeProspect(ctx: Context, ref: string, change: (p: Prospect, at: string) => Prospect,
  also?: (tx: StoreTransaction, next: Prospect, at: string) => Promise<unknown>): Promise<Prospect> {
  const at = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const next = change(await findProspect(tx, ref), at);
    await tx.update('prospect', [next]);
    await also?.(tx, next, at);
    return next;
  });
}

export async function setStage(ctx: Context, ref: string, stageText: string): Promise<void> {
  const stage = checkManualStage(parseStage(stageText), ref);
  const p = await changeProspect(ctx, ref, (target, at) => stageProspect(target, stage, at));
  ctx.term.info(`${label(p)} is now ${p.stage}`);
  printWritten(ctx, [p]);
}

/** The referral links removing `p` clears, as lines for stderr (none when it has no referral links). */
async function referralLinks(reader: StoreReader, p: Prospect): Promise<string[]> {
  const [referred, referrer] = await Promise.all([reader.referralsOf(p.id), p.referredBy === null ? null : reader.getProspect(p.referredBy)]);
  if (referred.length === 0 && referrer === null) return [];
  return [
    `removing ${label(p)} clears its referral links:`,
    ...(referrer ? [`  referred by ${label(referrer)}`] : []),
    ...referred.map((x) => `  referred ${label(x)}`),
  ];
}

export async function removeProspect(ctx: Context, ref: string): Promise<void> {
  const store = await ctx.stores.open();
  const snapshot = await findProspect(store, ref);
  for (const line of await referralLinks(store, snapshot)) ctx.term.info(line);
  const ok = await confirmDestructive(ctx, `Remove ${label(snapshot)} with its touches and survey responses?`, 'prospect remove');
  if (!ok) {
    ctx.term.info('nothing removed');
    return;
  }
  const at = ctx.clock.now().toISOString();
  const done = await store.transaction(async (tx) => {
    const p = await findProspect(tx, String(snapshot.id));
    const [touches, responses, referred] = await Promise.all([tx.listTouches({ prospectId: p.id }), tx.listResponses({ prospectId: p.id }), tx.referralsOf(p.id)]);
    await suppress(tx, [p], 'removed', at);
    await dropOccasions(tx, p.id);
    await applyChanges(tx, removed(p, touches, responses, referred));
    return { p, touches: touches.length, responses: responses.length };
  });
  ctx.term.info(`removed ${label(done.p)}, ${done.touches} touch(es) and ${done.responses} survey response(s)`);
  printWritten(ctx, [done.p]);
}

export async function setDoNotContact(ctx: Context, ref: string, opts: { off?: boolean; note?: string }): Promise<void> {
  const note = opts.note === undefined ? null : checkText('--note', opts.note);
  // On: the email and phone go on the suppression list; --off lifts that entry (never one of a forget or remove).
  const p = await changeProspect(ctx, ref, (target, at) => recordConsent(target, Boolean(opts.off), note, at),
    (tx, next, at) => (opts.off ? lift(tx, next, liftedByConsent, shopCountry(ctx.clock.env)) : suppress(tx, [next], 'do-not-contact', at)));
  ctx.term.info(p.doNotContact ? `${label(p)} will not be contacted (recorded in the consent log)` : `${label(p)} may be contacted again (recorded in the consent log)`);
  printWritten(ctx, [p]);
}
