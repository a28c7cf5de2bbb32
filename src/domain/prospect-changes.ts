// The changes of the prospect commands as pure functions: each takes what the store holds and returns the records
// to write, never changing its inputs.
import { changes, type Changes } from './changes.js';
import { conflictError, usageError } from './errors.js';
import { changeStage, refuseForgotten } from './lifecycle.js';
import { applyEdit, copyProspect, newProspect, type ProspectInput } from './prospect.js';
import { label, setReferrer, type ReferrerLink } from './referrals.js';
import type { FollowUp, Prospect, Stage, SurveyResponse, Touch } from './types.js';

interface ProspectChange { prospect: Prospect; changes: Changes }

/** The fields an edit can change, in the order a summary lists them. */
const EDITED_FIELDS = ['name', 'description', 'email', 'phone', 'company', 'source', 'stage', 'owner', 'tags', 'referredBy', 'cadenceDays', 'followUp', 'notes', 'fields'] as const;
type EditedField = (typeof EDITED_FIELDS)[number];

/** One field an edit changed, with its value before and after. */
export interface FieldChange<K extends EditedField = EditedField> { field: K; from: Prospect[K]; to: Prospect[K] }

/** An edit: the new record and what changed; nothing to write when `edited` is empty. */
interface ProspectEdit extends ProspectChange { edited: FieldChange[] }

/** The fields whose values differ between two versions of a record (lists and maps compared by content). */
function editedFields(before: Prospect, after: Prospect): FieldChange[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return EDITED_FIELDS.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, from: before[f], to: after[f] }) as FieldChange);
}

/** `prospect add`: a new record with its id, linked to its referrer (who may become an advocate). */
export function addProspect(id: number, input: ProspectInput, stage: Stage, at: string, link: ReferrerLink | null): ProspectChange {
  if (!input.name && !input.description) throw usageError('a prospect needs a name or a --description (e.g. "blue scarf, passes at six")');
  const p = newProspect(id, { ...input, referredBy: null }, stage, at);
  const promoted = link ? setReferrer(p, link, at) : null;
  return { prospect: p, changes: changes({ insert: { prospects: [p] }, update: { prospects: promoted ? [promoted] : [] } }) };
}

/** A forgotten prospect's personal data cannot be edited (4). */
export function checkEditable(p: Prospect): void {
  if (p.forgottenAt) throw conflictError(`${label(p)} was forgotten; its personal data cannot be edited`);
}

/**
 * `prospect edit`: only the given fields change; `link` undefined leaves the referrer alone, null unlinks it;
 * `stage` moves by the rules of `prospect stage`. An edit that changes nothing writes nothing (not even updatedAt).
 */
export function editProspect(p: Prospect, input: ProspectInput, at: string, link: ReferrerLink | null | undefined, stage: Stage | undefined): ProspectEdit {
  checkEditable(p);
  const next = copyProspect(p);
  applyEdit(next, { ...input, referredBy: undefined }, at);
  const promoted = link === undefined || link?.referrer.id === p.referredBy ? null : setReferrer(next, link, at);
  if (stage) changeStage(next, stage, at);
  if (next.name === null && next.description === null) throw usageError(`${label(p)} needs a name or a description; give one before clearing the other`);
  const edited = editedFields(p, next);
  if (edited.length === 0) return { prospect: p, changes: changes({}), edited };
  return { prospect: next, changes: changes({ update: { prospects: promoted ? [next, promoted] : [next] } }), edited };
}

/** `prospect follow-up`: plans (or with null clears) the next action. */
export function planFollowUp(p: Prospect, followUp: FollowUp | null, at: string): Prospect {
  refuseForgotten(p, 'planning a follow-up');
  return { ...copyProspect(p), followUp, updatedAt: at };
}

/** `prospect cadence`: the stay-in-touch rhythm in days (null clears it). */
export function setCadence(p: Prospect, days: number | null, at: string): Prospect {
  refuseForgotten(p, 'setting a cadence');
  return { ...copyProspect(p), cadenceDays: days, updatedAt: at };
}

/** `prospect do-not-contact [--off]`: the flag, and a dated entry in the consent log. */
export function recordConsent(p: Prospect, granted: boolean, note: string | null, at: string): Prospect {
  if (granted) refuseForgotten(p, 'allowing contact again');
  const next = copyProspect(p);
  next.doNotContact = !granted;
  next.consent.push({ at, granted, note });
  next.updatedAt = at;
  return next;
}

/** `prospect remove`: the record, its touches and survey responses go; those it referred keep no dangling link. */
export function removeProspect(p: Prospect, touches: readonly Touch[], responses: readonly SurveyResponse[], referred: readonly Prospect[]): Changes {
  return changes({
    delete: { prospects: [p.id], touches: touches.map((t) => t.id), responses: responses.map((r) => r.id) },
    update: { prospects: referred.map((x) => ({ ...copyProspect(x), referredBy: null })) },
  });
}
