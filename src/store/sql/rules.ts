// Domain rules a database must say in SQL, compiled from the domain's one declaration of each: "contactable"
// (domain/contactable.ts) and the texts `forget` searches (domain/forget.ts).
import type { ContactRule } from '../../domain/contactable.js';
import { SEARCHED_TEXTS, type SearchedText } from '../../domain/forget.js';

/** The condition on prospects (aliased p) that keeps exactly the prospects the rule allows. */
export function contactableSql(rule: ContactRule): string {
  // NOT: the flag is a boolean on PostgreSQL and 0 or 1 on SQLite; both read it as a truth value.
  const conditions = [`${rule.doNotContact ? '' : 'NOT '}p.do_not_contact`, `p.forgotten_at IS ${rule.forgotten ? 'NOT NULL' : 'NULL'}`];
  // The stages are the domain's own constants, never user input: written inline, as literals the planner can read.
  if (rule.excludedStages.length) conditions.push(`p.stage NOT IN (${rule.excludedStages.map((s) => `'${s}'`).join(', ')})`);
  return conditions.join(' AND ');
}

/** Where each searched text is stored: a new one in the domain's list does not compile until it has its column here. */
const HOLDS_TEXT: Record<SearchedText, string> = {
  notes: 'p.notes IS NOT NULL',
  followUpNote: 'p.follow_up_note IS NOT NULL',
  lostReason: 'p.lost_reason IS NOT NULL',
  // CAST: PostgreSQL keeps custom fields as json, which has no comparison; its text is what was written.
  fields: "CAST(p.fields AS TEXT) <> '{}'",
};

/** The condition on prospects (aliased p) that keeps every prospect with some text `forget` searches. */
export const SEARCHED_TEXT_SQL = `(${SEARCHED_TEXTS.map((k) => HOLDS_TEXT[k]).join(' OR ')})`;
