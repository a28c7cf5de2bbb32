// Domain rules a database must say in SQL, compiled from the domain's one declaration of each: "contactable"
// (domain/contactable.ts), the texts `forget` searches (domain/forget.ts), and the prospects a touch may change.
import type { ContactRule } from '../../domain/contactable.js';
import { SEARCHED_TEXTS, type SearchedText } from '../../domain/forget.js';
import { TOUCH_MOVES_FROM } from '../../domain/touches.js';

/** The condition on prospects (aliased p) that keeps exactly the prospects the rule allows. */
export function contactableSql(rule: ContactRule): string {
  // NOT rather than `= 0`: do_not_contact is a boolean on PostgreSQL, 0 or 1 on SQLite.
  const conditions = [rule.doNotContact ? 'p.do_not_contact' : 'NOT p.do_not_contact', `p.forgotten_at IS ${rule.forgotten ? 'NOT NULL' : 'NULL'}`];
  // The stages are the domain's own constants, never user input: written inline, as literals the planner can read.
  if (rule.excludedStages.length) conditions.push(`p.stage NOT IN (${rule.excludedStages.map((s) => `'${s}'`).join(', ')})`);
  return conditions.join(' AND ');
}

/** Where each searched text is stored: a new one in the domain's list does not compile until it has its column here. */
const HOLDS_TEXT: Record<SearchedText, string> = {
  notes: 'p.notes IS NOT NULL',
  followUpNote: 'p.follow_up_note IS NOT NULL',
  lostReason: 'p.lost_reason IS NOT NULL',
  // As text: PostgreSQL's json type has no <> of its own (json keeps the text as written, so '{}' is '{}').
  fields: "CAST(p.fields AS TEXT) <> '{}'",
};

/** The condition on prospects (aliased p) that keeps every prospect with some text `forget` searches. */
export const SEARCHED_TEXT_SQL = `(${SEARCHED_TEXTS.map((k) => HOLDS_TEXT[k]).join(' OR ')})`;

/**
 * The condition on prospects (aliased p) of domain/touches.ts touchMayChange for any of a prospect's touches:
 * `inbound` is the condition that one of them has the direction that moves a prospect on (MOVING_DIRECTION).
 */
export const touchMayChangeSql = (inbound: string): string =>
  `(p.follow_up_at IS NOT NULL OR p.forgotten_at IS NOT NULL OR (p.stage IN (${TOUCH_MOVES_FROM.map((s) => `'${s}'`).join(', ')}) AND ${inbound}))`;
