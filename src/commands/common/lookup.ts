// Finding what a command names, through the store's targeted reads: a <prospect> reference, a referrer's chain,
// a survey by name (or id).
import { parseReference, resolveProspect } from '../../domain/references.js';
import { findSurvey as pickSurvey } from '../../domain/survey.js';
import type { Prospect, Survey } from '../../domain/types.js';
import type { StoreReader } from '../../store/store.js';

/** The prospect a reference means (id, email, name, unique start of the name or of a word): 3 when none, 2 when several. */
export async function findProspect(reader: StoreReader, ref: string): Promise<Prospect> {
  return resolveProspect(await reader.prospectCandidates(parseReference(ref)), ref);
}

/** `referrer`, who referred them, and so on up the chain (stopping at a repeat: the store may hold a circle). */
export async function referrerChain(reader: StoreReader, referrer: Prospect): Promise<Prospect[]> {
  const chain = [referrer];
  const seen = new Set([referrer.id]);
  for (let cur = referrer; cur.referredBy !== null && !seen.has(cur.referredBy);) {
    const next = await reader.getProspect(cur.referredBy);
    if (!next) break;
    chain.push(next);
    seen.add(next.id);
    cur = next;
  }
  return chain;
}

/** A survey by name (ignoring case) or, failing that, by numeric id: 3 when none. */
export async function findSurvey(reader: StoreReader, ref: string): Promise<Survey> {
  const byName = await reader.surveyByName(ref.trim());
  const byId = !byName && /^\d+$/.test(ref.trim()) ? await reader.getSurvey(Number(ref.trim())) : null;
  return pickSurvey([byName, byId].filter((s): s is Survey => s !== null), ref);
}
