// "May be contacted", declared once as data: the domain's predicate and a database's WHERE clause are both made from it.
import { CLOSED_STAGES } from './stages.js';
import type { Prospect, Stage } from './types.js';

/** Who a list may name for someone to get in touch with, as a SQL layer can compile it (store/sql/contactable.ts). */
export interface ContactRule {
  /** The do-not-contact flag a listed prospect has: never a refusal in the consent log. */
  readonly doNotContact: false;
  /** Whether a listed prospect is forgotten: never (the right to be forgotten). */
  readonly forgotten: false;
  /** Stages never listed. */
  readonly excludedStages: readonly Stage[];
}

/** The rules in force: `any` for `--contactable`, `due` and `stale` for the daily lists. */
export const CONTACTABLE = {
  /** Consent and the right to be forgotten allow it, whatever the stage (`--contactable`). */
  any: { doNotContact: false, forgotten: false, excludedStages: [] },
  /** `due`: nor a lost prospect (a customer's cadence keeps the relationship going). */
  due: { doNotContact: false, forgotten: false, excludedStages: ['lost'] },
  /** `stale`: only the open stages, before any purchase. */
  stale: { doNotContact: false, forgotten: false, excludedStages: CLOSED_STAGES },
} as const satisfies Record<string, ContactRule>;

type Contact = Pick<Prospect, 'doNotContact' | 'forgottenAt' | 'stage'>;

/** Whether the rule allows this prospect on its list. */
export function allowedBy(rule: ContactRule, p: Contact): boolean {
  return p.doNotContact === rule.doNotContact && Boolean(p.forgottenAt) === rule.forgotten && !rule.excludedStages.includes(p.stage);
}

/** May this person be contacted at all (consent and the right to be forgotten)? */
export const mayContact = (p: Contact): boolean => allowedBy(CONTACTABLE.any, p);
