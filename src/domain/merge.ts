// `prospect merge`: two records of one person become the kept one, with everything of the other moved onto it.
import { changes, type Changes } from './changes.js';
import { showDay } from './dates.js';
import { conflictError, usageError } from './errors.js';
import { refuseForgotten } from './lifecycle.js';
import { mergedHistory, mergedPurchases } from './merge-stage.js';
import { copyProspect, mergeTags } from './prospect.js';
import { label, promoteToAdvocate, type ReferrerLink } from './referrals.js';
import type { ConsentEntry, Prospect, Purchase, SurveyResponse, Touch } from './types.js';

/** What the store holds that a merge moves or checks, besides the two records. */
export interface MergeInput {
  keep: Prospect;
  other: Prospect;
  /** The other's touches and survey responses. */
  touches: readonly Touch[];
  responses: readonly SurveyResponse[];
  /** The purchases of both records (the kept one's decide, with the other's, which is first). */
  purchases: readonly Purchase[];
  /** The prospects the other referred (referredBy = other), and whether the kept one referred anyone but the other. */
  referredByOther: readonly Prospect[];
  keepHasReferred: boolean;
  /** The referrer of mergedReferrerId with its chain up (for the no-circle rule); null when there is none. */
  referrer: ReferrerLink | null;
}

export interface MergeResult {
  prospect: Prospect;
  changes: Changes;
  moved: { touches: number; purchases: number; responses: number; referrals: number };
}

/**
 * Merging a record into itself is a usage error; a forgotten record has nothing left to merge (4); nor may the merge
 * make someone their own (indirect) referrer (4). `referrer`: the merged record's referrer (mergedReferrerId) and its chain.
 */
export function checkMergeable(keep: Prospect, other: Prospect, referrer: ReferrerLink | null): void {
  if (keep.id === other.id) throw usageError(`cannot merge ${label(keep)} with itself (give two different prospects)`);
  for (const p of [keep, other]) refuseForgotten(p, 'merging it');
  const merged = new Set([keep.id, other.id]);
  if (referrer?.chain.some((x) => x.referredBy !== null && merged.has(x.referredBy))) {
    throw conflictError(`${label(referrer.referrer)} was (indirectly) referred by ${label(keep)} or ${label(other)}; merging them would make a referral circle (unlink one first: precrm prospect edit ${referrer.referrer.id} --referred-by "")`);
  }
}

/** The referrer of the merged record: the kept one's, else the other's; a link between the two is dropped. */
export function mergedReferrerId(keep: Prospect, other: Prospect): number | null {
  const outside = (id: number | null) => (id === null || id === keep.id || id === other.id ? null : id);
  return outside(keep.referredBy) ?? outside(other.referredBy);
}

/**
 * The kept record with everything of the other: touches, purchases, responses and referrals re-pointed; its
 * conversion the first purchase of the two; empty fields filled;
 * tags, consent and stage history joined; do-not-contact if either was; the merge noted; the other deleted.
 */
export function mergeProspects(input: MergeInput, at: string): MergeResult {
  const { keep, other } = input;
  checkMergeable(keep, other, input.referrer);
  const referrals = input.referredByOther.filter((p) => p.id !== keep.id).map((p) => ({ ...copyProspect(p), referredBy: keep.id, updatedAt: at }));
  const { moved: purchases, conversion } = mergedPurchases(keep, other, input.purchases);
  const next = joinRecords(keep, other, at);
  next.conversion = conversion;
  mergedHistory(next, keep, other, input.keepHasReferred || referrals.length > 0, at);
  next.referredBy = input.referrer?.referrer.id ?? null;
  const promoted = newReferrerPromoted(input, at);
  const moved = { touches: input.touches.map((t) => ({ ...t, prospectId: keep.id })), responses: input.responses.map((r) => ({ ...r, prospectId: keep.id })) };
  return {
    prospect: next,
    changes: changes({
      update: { prospects: [next, ...referrals, ...(promoted ? [promoted] : [])], touches: moved.touches, responses: moved.responses, purchases },
      delete: { mergedProspects: [other.id] },
    }),
    moved: { touches: moved.touches.length, purchases: purchases.length, responses: moved.responses.length, referrals: referrals.length },
  };
}

/** A referrer the kept record takes over from the other is promoted to advocate when it is a customer. */
function newReferrerPromoted({ keep, referrer }: MergeInput, at: string): Prospect | null {
  if (!referrer || referrer.referrer.id === keep.referredBy) return null;
  const r = copyProspect(referrer.referrer);
  return promoteToAdvocate(r, at) ? r : null;
}

/** The fields filled from the other when the kept record has none. */
const FILLED = ['email', 'phone', 'company', 'source', 'owner', 'followUp', 'cadenceDays'] as const;

/** The kept record's fields, filled and joined with the other's (stage, conversion and referrer aside). */
function joinRecords(keep: Prospect, other: Prospect, at: string): Prospect {
  const next = copyProspect(keep);
  const record = next as unknown as Record<string, unknown>;
  for (const key of FILLED) if (next[key] === null) record[key] = other[key];
  for (const [k, v] of Object.entries(other.fields)) if (!Object.hasOwn(next.fields, k)) next.fields[k] = v;
  next.tags = mergeTags(keep.tags, other.tags);
  // Never makes someone contactable: either record's refusal stands, and its log entry explains it.
  next.doNotContact = keep.doNotContact || other.doNotContact;
  next.consent = byTime([...keep.consent, ...other.consent]);
  if (other.createdAt < next.createdAt) next.createdAt = other.createdAt;
  const notes = [keep.notes, other.notes === keep.notes ? null : other.notes, mergeNote(keep, other, at)];
  next.notes = notes.filter((n) => n !== null && n !== '').join('\n');
  next.updatedAt = at;
  return next;
}

const byTime = (entries: ConsentEntry[]): ConsentEntry[] => entries.map((e, i) => ({ e, i }))
  .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map((x) => x.e);

/** The note that records the merge, with what the other had that the kept record holds differently (nothing lost). */
function mergeNote(keep: Prospect, other: Prospect, at: string): string {
  const differs = (k: 'email' | 'phone' | 'company' | 'source' | 'owner') => {
    const [a, b] = [keep[k], other[k]];
    return a !== null && b !== null && a.trim().toLowerCase() !== b.trim().toLowerCase() ? `${k} ${b}` : null;
  };
  const also = [
    ...(['email', 'phone', 'company', 'source', 'owner'] as const).map(differs),
    keep.followUp && other.followUp && keep.followUp.at !== other.followUp.at ? `follow-up ${showDay(other.followUp.at)}${other.followUp.note ? ` ${other.followUp.note}` : ''}` : null,
    keep.cadenceDays !== null && other.cadenceDays !== null && keep.cadenceDays !== other.cadenceDays ? `cadence every ${other.cadenceDays} day(s)` : null,
    ...Object.entries(other.fields).filter(([k, v]) => Object.hasOwn(keep.fields, k) && keep.fields[k] !== v).map(([k, v]) => `${k}=${v}`),
  ].filter((x) => x !== null);
  const name = other.name === null ? '' : ` (${other.name})`;
  return `merged from prospect ${other.id}${name} on ${showDay(at)}${also.length ? `; it also had: ${also.join(', ')}` : ''}`;
}
