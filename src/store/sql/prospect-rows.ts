// A prospect as rows on any SQL backend, and back, by column name (from the declarations): the `prospects` row
// (with the lookup keys the domain defines), and its rows in prospect_tags, stage_history, consent, purchases (its
// conversion is the first purchase) and funnel_reach (the journey the funnel counts).
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { foldCase, searchText, tagKey } from '../../domain/queries.js';
import { CONSENT_ENTRY } from '../../domain/records/consent-entry.js';
import { PROSPECT } from '../../domain/records/prospect.js';
import { STAGE_CHANGE } from '../../domain/records/stage-change.js';
import { nameKey } from '../../domain/references.js';
import { toMs } from '../../domain/reports/instants.js';
import { journeyOf } from '../../domain/reports/journey.js';
import type { Conversion, Prospect } from '../../domain/types.js';
import { PORTABLE } from '../record-rows.js';
import { columns } from './columns.js';
import { kindTable, type Within } from './kind-table.js';
import { PURCHASES } from './purchases.js';
import { compileReader } from './row-compiler.js';

const lowerOrNull = (s: string | null) => (s === null ? null : foldCase(s));

/** Kept by precrm on every write from the record, never read back into it (`store check` verifies them). */
export const PROSPECT_DERIVED = {
  email_key: (p: Prospect) => emailKey(p.email),
  phone_key: (p: Prospect) => phoneKey(p.phone),
  name_lower: (p: Prospect) => (p.name === null ? null : p.name.toLowerCase()),
  name_key: (p: Prospect) => (p.name === null ? null : nameKey(p.name)),
  source_key: (p: Prospect) => lowerOrNull(p.source),
  owner_key: (p: Prospect) => lowerOrNull(p.owner),
  search_text: (p: Prospect) => searchText(p),
  created_ms: (p: Prospect) => toMs(p.createdAt),
} as const;

/** `prospects` (aliased p): the tags are rows of prospect_tags, the conversion the first row of purchases. */
export const PROSPECTS = kindTable(PROSPECT, { alias: 'p', elsewhere: ['tags', 'conversion'], derived: PROSPECT_DERIVED });
/** A prospect's stage history and consent log, one row per entry at its position. */
export const STAGES = kindTable(STAGE_CHANGE);
export const CONSENTS = kindTable(CONSENT_ENTRY);

export const TAG_ROW = columns(['prospect_id', 'seq', 'tag', 'tag_key'] as const);
export const REACH_ROW = columns(['prospect_id', 'rank', 'ms'] as const);

type RowOf<C extends { names: readonly string[] }> = Record<C['names'][number], unknown>;

/** The values of each entry of a list kept inside its prospect, in order. */
function entryValues<T>(id: number, entries: readonly T[], values: (entry: T, at: Within) => unknown[]): unknown[][] {
  return entries.map((entry, position) => values(entry, { owner: id, position }));
}

export const stageValues = (p: Pick<Prospect, 'id' | 'stageHistory'>): unknown[][] => entryValues(p.id, p.stageHistory, STAGES.values);
export const consentValues = (p: Pick<Prospect, 'id' | 'consent'>): unknown[][] => entryValues(p.id, p.consent, CONSENTS.values);

export const tagRows = (p: Pick<Prospect, 'id' | 'tags'>): RowOf<typeof TAG_ROW>[] =>
  p.tags.map((tag, seq) => ({ prospect_id: p.id, seq, tag, tag_key: tagKey(tag) }));

/** One row per path rank reached: the milliseconds from creation to first reaching it, at least 0 (journeyOf). */
export function reachRows(p: Pick<Prospect, 'id' | 'stageHistory' | 'createdAt' | 'conversion'>): RowOf<typeof REACH_ROW>[] {
  const j = journeyOf(p);
  const rows: RowOf<typeof REACH_ROW>[] = [];
  for (let rank = 0; rank <= j.furthest; rank++) rows.push({ prospect_id: p.id, rank, ms: Math.max(0, j.firstMs[rank]! - j.createdMs) });
  return rows;
}

/** A conversion from a purchase row read with PURCHASES.read (the prospect's conversion fields are a purchase's). */
export const conversionFromRow = compileReader<Conversion, object>(
  PROSPECT.fields.conversion.group, new Map(Object.entries(PURCHASES.read.at)), new Set(), PORTABLE,
);

/** A tag from a row selected with TAG_ROW. */
export const tagFromRow = (r: readonly unknown[]): string => r[TAG_ROW.at.tag] as string;
