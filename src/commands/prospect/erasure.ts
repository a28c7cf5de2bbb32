// The erasure of `prospect forget`, inside a store transaction: the person's data goes, an anonymous record stays,
// and what still names them elsewhere is found. Loaded when the verb runs, out of every command's start-up.
import { forgetProspect, identifyingStrings, mentionsOf, personalStrings } from '../../domain/forget.js';
import { surveyKey } from '../../domain/queries.js';
import type { Prospect, Survey } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreTransaction } from '../../store/store.js';
import { suppress } from '../../store/suppress.js';
import { findProspect } from '../common/lookup.js';
import { dropOccasions } from './occasion-links.js';

export interface Erased {
  prospect: Prospect;
  touchNotes: number;
  /** Their personal strings as they were, for the store's own copies to be searched (store.forgetCopies). */
  strings: string[];
  /** Other records whose text still names them. */
  mentions: string[];
}

export async function erase(tx: StoreTransaction, id: number, at: string): Promise<Erased> {
  const p = await findProspect(tx, String(id));
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
  return { prospect: forgotten.prospect, touchNotes: forgotten.result.touchNotes, strings, mentions: mentionsOf(prospects, notes, identifying) };
}
