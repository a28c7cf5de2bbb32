// A prospect as rows on any SQL backend, and back, by column name: the `prospects` row (with the lookup keys the
// domain defines), and its rows in prospect_tags, stage_history, consent, purchases (its conversion is the first
// purchase) and funnel_reach (the journey the funnel counts). One function per direction and kind.
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { foldCase, searchText, tagKey } from '../../domain/queries.js';
import { nameKey } from '../../domain/references.js';
import { toMs } from '../../domain/reports/instants.js';
import { journeyOf } from '../../domain/reports/journey.js';
import type { ConsentEntry, Conversion, Prospect, StageChange } from '../../domain/types.js';
import { columns, insertSql, jsonValue, valuesOf } from './columns.js';
import { decimalText, decimalValue } from './money.js';

const RECORD_COLUMNS = [
  'id', 'name', 'description', 'email', 'phone', 'company', 'source', 'stage', 'owner', 'referred_by', 'do_not_contact',
  'cadence_days', 'lost_reason', 'follow_up_at', 'follow_up_note', 'fields', 'notes', 'forgotten_at', 'created_at', 'updated_at',
] as const;
/** Kept by precrm on every write from the record, never read back into it (`store check` verifies them). */
const DERIVED_COLUMNS = ['email_key', 'phone_key', 'name_lower', 'name_key', 'source_key', 'owner_key', 'search_text', 'created_ms'] as const;

export type ProspectColumn = (typeof RECORD_COLUMNS)[number] | (typeof DERIVED_COLUMNS)[number];

/** Every column of `prospects`, for writes. */
export const PROSPECT_ROW = columns<ProspectColumn>([...RECORD_COLUMNS, ...DERIVED_COLUMNS]);
/** The record's columns, for reads (`prospects` aliased p). */
export const PROSPECT_READ = columns<(typeof RECORD_COLUMNS)[number]>(RECORD_COLUMNS, 'p');

export const STAGE_ROW = columns(['prospect_id', 'seq', 'stage', 'at'] as const);
export const CONSENT_ROW = columns(['prospect_id', 'seq', 'at', 'granted', 'note'] as const);
export const TAG_ROW = columns(['prospect_id', 'seq', 'tag', 'tag_key'] as const);
export const PURCHASE_ROW = columns(['id', 'prospect_id', 'at', 'at_ms', 'value', 'currency', 'product', 'order_id'] as const);
export const REACH_ROW = columns(['prospect_id', 'rank', 'ms'] as const);

type RowOf<C extends { names: readonly string[] }> = Record<C['names'][number], unknown>;

export const INSERT_PROSPECT = insertSql('prospects', PROSPECT_ROW);
export const UPDATE_PROSPECT = `UPDATE prospects SET ${PROSPECT_ROW.names.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

const lowerOrNull = (s: string | null) => (s === null ? null : foldCase(s));

/** The `prospects` row of a record, with its derived keys. */
export function prospectRow(p: Prospect): Record<ProspectColumn, unknown> {
  return {
    id: p.id, name: p.name, description: p.description, email: p.email, phone: p.phone, company: p.company, source: p.source, stage: p.stage, owner: p.owner,
    referred_by: p.referredBy, do_not_contact: p.doNotContact ? 1 : 0, cadence_days: p.cadenceDays, lost_reason: p.lostReason,
    follow_up_at: p.followUp?.at ?? null, follow_up_note: p.followUp?.note ?? null, fields: JSON.stringify(p.fields), notes: p.notes,
    forgotten_at: p.forgottenAt, created_at: p.createdAt, updated_at: p.updatedAt,
    email_key: emailKey(p.email), phone_key: phoneKey(p.phone), name_lower: p.name === null ? null : p.name.toLowerCase(),
    name_key: p.name === null ? null : nameKey(p.name), source_key: lowerOrNull(p.source), owner_key: lowerOrNull(p.owner),
    search_text: searchText(p), created_ms: toMs(p.createdAt),
  };
}

export const prospectValues = (p: Prospect): unknown[] => valuesOf(PROSPECT_ROW, prospectRow(p));

/** The values for UPDATE_PROSPECT: every column but the id, then the id. */
export function prospectUpdateValues(p: Prospect): unknown[] {
  const values = prospectValues(p);
  return [...values.slice(1), values[0]];
}

export const stageRows = (p: Pick<Prospect, 'id' | 'stageHistory'>): RowOf<typeof STAGE_ROW>[] =>
  p.stageHistory.map((h, seq) => ({ prospect_id: p.id, seq, stage: h.stage, at: h.at }));

export const consentRows = (p: Pick<Prospect, 'id' | 'consent'>): RowOf<typeof CONSENT_ROW>[] =>
  p.consent.map((c, seq) => ({ prospect_id: p.id, seq, at: c.at, granted: c.granted ? 1 : 0, note: c.note }));

export const tagRows = (p: Pick<Prospect, 'id' | 'tags'>): RowOf<typeof TAG_ROW>[] =>
  p.tags.map((tag, seq) => ({ prospect_id: p.id, seq, tag, tag_key: tagKey(tag) }));

/** The purchase row of a conversion (today a prospect's only purchase). */
export const purchaseRow = (id: number, prospectId: number, c: Conversion): RowOf<typeof PURCHASE_ROW> => ({
  id, prospect_id: prospectId, at: c.at, at_ms: toMs(c.at), value: c.value === null ? null : decimalText(c.value),
  currency: c.currency, product: c.product, order_id: null,
});

/** One row per path rank reached: the milliseconds from creation to first reaching it, at least 0 (journeyOf). */
export function reachRows(p: Pick<Prospect, 'id' | 'stageHistory' | 'createdAt' | 'conversion'>): RowOf<typeof REACH_ROW>[] {
  const j = journeyOf(p);
  const rows: RowOf<typeof REACH_ROW>[] = [];
  for (let rank = 0; rank <= j.furthest; rank++) rows.push({ prospect_id: p.id, rank, ms: Math.max(0, j.firstMs[rank]! - j.createdMs) });
  return rows;
}

/** The parts of a prospect kept in rows of their own, read back in seq order. */
export interface ProspectParts { stageHistory: StageChange[]; consent: ConsentEntry[]; tags: string[]; conversion: Conversion | null }

/** A Prospect from a raw row selected with PROSPECT_READ and its other rows; keys in the order of docs/CONTRACT.md §4. */
export function prospectFromRow(r: readonly unknown[], parts: ProspectParts): Prospect {
  const at = PROSPECT_READ.at;
  const followUpAt = r[at.follow_up_at] as string | null;
  return {
    id: Number(r[at.id]),
    name: r[at.name] as string | null,
    description: r[at.description] as string | null,
    email: r[at.email] as string | null,
    phone: r[at.phone] as string | null,
    company: r[at.company] as string | null,
    source: r[at.source] as string | null,
    stage: r[at.stage] as Prospect['stage'],
    stageHistory: parts.stageHistory,
    tags: parts.tags,
    owner: r[at.owner] as string | null,
    referredBy: r[at.referred_by] === null ? null : Number(r[at.referred_by]),
    doNotContact: Number(r[at.do_not_contact]) === 1,
    consent: parts.consent,
    cadenceDays: r[at.cadence_days] === null ? null : Number(r[at.cadence_days]),
    lostReason: r[at.lost_reason] as string | null,
    followUp: followUpAt === null ? null : { at: followUpAt, note: r[at.follow_up_note] as string | null },
    fields: jsonValue(r[at.fields]) as Record<string, string>,
    conversion: parts.conversion,
    notes: r[at.notes] as string | null,
    forgottenAt: r[at.forgotten_at] as string | null,
    createdAt: r[at.created_at] as string,
    updatedAt: r[at.updated_at] as string,
  };
}

/** A stage-history entry from a row selected with STAGE_ROW. */
export const stageFromRow = (r: readonly unknown[]): StageChange => ({ stage: r[STAGE_ROW.at.stage] as StageChange['stage'], at: r[STAGE_ROW.at.at] as string });

/** A consent entry from a row selected with CONSENT_ROW. */
export const consentFromRow = (r: readonly unknown[]): ConsentEntry =>
  ({ at: r[CONSENT_ROW.at.at] as string, granted: Number(r[CONSENT_ROW.at.granted]) === 1, note: r[CONSENT_ROW.at.note] as string | null });

/** A tag from a row selected with TAG_ROW. */
export const tagFromRow = (r: readonly unknown[]): string => r[TAG_ROW.at.tag] as string;

/** A conversion from a purchase row selected with PURCHASE_ROW. */
export function conversionFromRow(r: readonly unknown[]): Conversion {
  const at = PURCHASE_ROW.at;
  return { at: r[at.at] as string, value: decimalValue(r[at.value]), currency: r[at.currency] as string | null, product: r[at.product] as string | null };
}
