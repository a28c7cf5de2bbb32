// Hand-built records for domain tests: a store document and prospects with known dates.
import type { Changes } from '../../src/domain/changes.js';
import { convertProspect, touchedBeforeConversion, type ConversionResult } from '../../src/domain/lifecycle.js';
import { newProspect } from '../../src/domain/prospect.js';
import { laterTouch, type ProspectWithLastTouch } from '../../src/domain/queries.js';
import { setReferrer } from '../../src/domain/referrals.js';
import { recordTouch, type TouchInput } from '../../src/domain/touches.js';
import { emptyDoc, takeId, type Conversion, type Prospect, type Stage, type StoreDoc, type Touch, type TouchType } from '../../src/domain/types.js';

export function docWith(): StoreDoc {
  return emptyDoc();
}

export function addProspect(doc: StoreDoc, name: string, createdAt: string, extra: Partial<Prospect> = {}, stage: Stage = 'interested'): Prospect {
  const p = newProspect(takeId(doc, 'prospect'), { name }, stage, createdAt);
  Object.assign(p, extra);
  doc.prospects.push(p);
  return p;
}

export function addTouch(doc: StoreDoc, p: Prospect, at: string, type: TouchType = 'greeting'): Touch {
  const t: Touch = { id: takeId(doc, 'touch'), prospectId: p.id, type, at, note: null, outcome: null, direction: null, by: 'mitra', cost: null, currency: null };
  doc.touches.push(t);
  return t;
}

// The domain's mutations return new records; these apply them to the hand-built document in place, so a test can
// keep following the same object.

/** Every prospect with its last touch, as StoreReader.dueCandidates/staleCandidates hand them to the domain. */
export function candidates(doc: StoreDoc): ProspectWithLastTouch[] {
  return doc.prospects.map((prospect) => ({
    prospect,
    lastTouch: doc.touches.filter((t) => t.prospectId === prospect.id).reduce<Touch | null>((a, t) => laterTouch(a ?? undefined, t), null),
  }));
}

function put(doc: StoreDoc, next: Prospect): void {
  Object.assign(doc.prospects.find((p) => p.id === next.id)!, next);
}

/** recordTouch, with the touch stored and `p` updated. */
export function logTouch(doc: StoreDoc, p: Prospect, input: TouchInput, now: string): Touch {
  const { touch, prospect } = recordTouch(p, takeId(doc, 'touch'), input, now);
  doc.touches.push(touch);
  put(doc, prospect);
  return touch;
}

/** convertProspect with what a store would tell it, and the changed records put back. */
export function convert(doc: StoreDoc, p: Prospect, sale: Conversion, now: string): ConversionResult {
  const referrer = p.referredBy === null ? null : doc.prospects.find((x) => x.id === p.referredBy) ?? null;
  const touchesUpToSale = doc.touches.filter((t) => t.prospectId === p.id && touchedBeforeConversion(t.at, sale.at)).length;
  const r = convertProspect(p, sale, now, { hasReferred: doc.prospects.some((x) => x.referredBy === p.id), referrer, touchesUpToSale });
  for (const x of r.updated) put(doc, x);
  return r;
}

/** setReferrer with the referrer's chain from the document, and the changed records put back. */
export function link(doc: StoreDoc, p: Prospect, referrer: Prospect, at: string): void {
  const chain: Prospect[] = [];
  for (let cur: Prospect | undefined = referrer; cur && !chain.includes(cur); cur = doc.prospects.find((x) => x.id === cur!.referredBy)) chain.push(cur);
  const promoted = setReferrer(p, { referrer, chain }, at);
  if (promoted) put(doc, promoted);
}

/** A domain Changes applied to the hand-built document (updated records keep their object identity). */
export function applyToDoc(doc: StoreDoc, c: Changes): void {
  const replace = <T extends { id: number }>(list: T[], next: T[]) => {
    for (const r of next) Object.assign(list.find((x) => x.id === r.id)!, r);
  };
  replace(doc.prospects, c.update.prospects);
  replace(doc.touches, c.update.touches);
  for (const r of c.update.responses) {
    const old = doc.responses.find((x) => x.id === r.id)!;
    old.answers = r.answers;
    Object.assign(old, r);
  }
  doc.prospects.push(...c.insert.prospects);
  doc.touches.push(...c.insert.touches);
  doc.surveys.push(...c.insert.surveys);
  doc.responses.push(...c.insert.responses);
  doc.prospects = doc.prospects.filter((p) => !c.delete.prospects.includes(p.id));
  doc.touches = doc.touches.filter((t) => !c.delete.touches.includes(t.id));
  doc.responses = doc.responses.filter((r) => !c.delete.responses.includes(r.id));
}

/** The exit code a domain function throws with (its PrecrmError's), or undefined when it does not throw. */
export const exitOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { exitCode?: number }).exitCode;
  }
  return undefined;
};
