// prospect add / edit / stage / remove / do-not-contact: each validates, then changes the store in one locked update.
import type { Context } from '../context.js';
import { DuplicateIndex } from '../domain/dedupe.js';
import { conflictError, usageError } from '../domain/errors.js';
import { applyEdit, checkName, checkText, newProspect } from '../domain/prospect.js';
import { resolveProspect } from '../domain/references.js';
import { label, setReferrer } from '../domain/referrals.js';
import { changeStage, refuseForgotten } from '../domain/lifecycle.js';
import { START_STAGES, parseStage } from '../domain/stages.js';
import { takeId, type StoreDoc } from '../domain/types.js';
import { confirmDestructive, printWritten } from './io.js';
import { parseProspectFlags, type ProspectFlags } from './prospect-input.js';

const byIdMap = (doc: StoreDoc) => new Map(doc.prospects.map((p) => [p.id, p]));

function refuseDuplicate(doc: StoreDoc, p: { email: string | null; phone: string | null }, self?: number): void {
  const others = self === undefined ? doc.prospects : doc.prospects.filter((x) => x.id !== self);
  const dup = new DuplicateIndex(others).find(p.email, p.phone);
  if (dup) {
    throw conflictError(`${label(dup)} already has this ${dup.email && p.email && dup.email.toLowerCase() === p.email.toLowerCase() ? 'email' : 'phone number'} (use --allow-duplicate to add anyway, or: precrm prospect edit ${dup.id})`);
  }
}

/** Asks for the basic fields in a terminal when `add` got no name. */
async function promptForProspect(ctx: Context, flags: ProspectFlags): Promise<ProspectFlags> {
  const ask = ctx.prompter;
  const name = await ask.input('Name:', { validate: (v) => (v.trim() ? true : 'a name is needed') });
  const optional = async (q: string, current: string | undefined) => current ?? ((await ask.input(q)).trim() || undefined);
  return {
    ...flags,
    name,
    email: await optional('Email (optional):', flags.email),
    phone: await optional('Phone (optional):', flags.phone),
    source: await optional('Source, e.g. walk-in (optional):', flags.source),
    // Only the stages a new prospect may start in (the domain's START_STAGES).
    stage: flags.stage ?? (await ask.select('Stage:', START_STAGES, 'interested')),
  };
}

export async function addProspect(ctx: Context, nameArg: string | undefined, flagsIn: ProspectFlags): Promise<void> {
  let flags: ProspectFlags = { ...flagsIn, name: nameArg };
  if (nameArg === undefined) {
    if (!ctx.canPrompt) throw usageError('missing name (usage: precrm prospect add <name> [--email …]; it prompts only in a terminal)');
    flags = await promptForProspect(ctx, flags);
  }
  checkName(flags.name ?? '');
  const { input, stage, referredByRef } = parseProspectFlags(flags, ctx.now(), 'add');
  const at = ctx.now().toISOString();
  const created = await ctx.documentStore.update((doc) => {
    if (!flagsIn.allowDuplicate) refuseDuplicate(doc, { email: input.email ?? null, phone: input.phone ?? null });
    const referrer = referredByRef === undefined ? null : resolveProspect(doc.prospects, referredByRef);
    const p = newProspect(takeId(doc, 'prospect'), { ...input, referredBy: null }, stage ?? 'interested', at);
    doc.prospects.push(p);
    if (referrer) setReferrer(byIdMap(doc), p, referrer, at);
    return p;
  });
  ctx.info(`added prospect ${created.id} (${created.name})`);
  printWritten(ctx, [created]);
}

export async function editProspect(ctx: Context, ref: string, flags: ProspectFlags): Promise<void> {
  const { input, stage, referredByRef } = parseProspectFlags(flags, ctx.now(), 'edit');
  const at = ctx.now().toISOString();
  const edited = await ctx.documentStore.update((doc) => {
    const p = resolveProspect(doc.prospects, ref);
    if (p.forgottenAt) throw conflictError(`${label(p)} was forgotten; its personal data cannot be edited`);
    const next = { email: input.email === undefined ? p.email : input.email, phone: input.phone === undefined ? p.phone : input.phone };
    const contactChanged = (input.email !== undefined && input.email !== p.email) || (input.phone !== undefined && input.phone !== p.phone);
    if (contactChanged && !flags.allowDuplicate) refuseDuplicate(doc, next, p.id);
    applyEdit(p, { ...input, referredBy: undefined }, at);
    if (referredByRef !== undefined) {
      setReferrer(byIdMap(doc), p, referredByRef.trim() === '' ? null : resolveProspect(doc.prospects, referredByRef), at);
    }
    if (stage) changeStage(p, stage, at);
    return p;
  });
  ctx.info(`updated prospect ${edited.id}`);
  printWritten(ctx, [edited]);
}

export async function setStage(ctx: Context, ref: string, stageText: string): Promise<void> {
  const stage = parseStage(stageText);
  if (stage === 'customer') {
    throw usageError(`"customer" is reached only by recording the purchase (use: precrm convert ${ref} --value …)`);
  }
  const at = ctx.now().toISOString();
  const p = await ctx.documentStore.update((doc) => {
    const target = resolveProspect(doc.prospects, ref);
    refuseForgotten(target, 'changing its stage');
    changeStage(target, stage, at);
    return target;
  });
  ctx.info(`${label(p)} is now ${p.stage}`);
  printWritten(ctx, [p]);
}

export async function removeProspect(ctx: Context, ref: string): Promise<void> {
  const snapshot = resolveProspect((await ctx.documentStore.read()).prospects, ref);
  const ok = await confirmDestructive(ctx, `Remove ${label(snapshot)} with its touches and survey responses?`, 'prospect remove');
  if (!ok) {
    ctx.info('nothing removed');
    return;
  }
  const removed = await ctx.documentStore.update((doc) => {
    const p = resolveProspect(doc.prospects, String(snapshot.id));
    doc.prospects = doc.prospects.filter((x) => x.id !== p.id);
    const touches = doc.touches.length;
    doc.touches = doc.touches.filter((t) => t.prospectId !== p.id);
    const responses = doc.responses.length;
    doc.responses = doc.responses.filter((r) => r.prospectId !== p.id);
    for (const other of doc.prospects) if (other.referredBy === p.id) other.referredBy = null;
    return { p, touches: touches - doc.touches.length, responses: responses - doc.responses.length };
  });
  ctx.info(`removed ${label(removed.p)}, ${removed.touches} touch(es) and ${removed.responses} survey response(s)`);
  printWritten(ctx, [removed.p]);
}

export async function setDoNotContact(ctx: Context, ref: string, opts: { off?: boolean; note?: string }): Promise<void> {
  const at = ctx.now().toISOString();
  const note = opts.note === undefined ? null : checkText('--note', opts.note);
  const p = await ctx.documentStore.update((doc) => {
    const target = resolveProspect(doc.prospects, ref);
    if (opts.off) refuseForgotten(target, 'allowing contact again');
    target.doNotContact = !opts.off;
    target.consent.push({ at, granted: Boolean(opts.off), note });
    target.updatedAt = at;
    return target;
  });
  ctx.info(p.doNotContact ? `${label(p)} will not be contacted (recorded in the consent log)` : `${label(p)} may be contacted again (recorded in the consent log)`);
  printWritten(ctx, [p]);
}
