// A prospect as rows on any SQL backend: the `prospects` row (with the lookup keys and journey facts the domain
// defines) and its stage-history and consent rows, and back (positional `?` placeholders).
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { nameKey } from '../../domain/references.js';
import { toMs } from '../../domain/reports/instants.js';
import { journeyOf } from '../../domain/reports/journey.js';
import type { ConsentEntry, Prospect, StageChange } from '../../domain/types.js';

/** The columns of `prospects` in the order of PROSPECT_VALUES; the derived keys come last. */
export const PROSPECT_COLUMNS = [
  'id', 'name', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner', 'referred_by', 'do_not_contact',
  'cadence_days', 'lost_reason', 'follow_up_at', 'follow_up_note', 'fields', 'conversion_at', 'conversion_value',
  'conversion_currency', 'conversion_product', 'notes', 'forgotten_at', 'created_at', 'updated_at',
  'email_key', 'phone_key', 'name_lower', 'name_key', 'created_ms', 'conversion_ms', 'furthest_rank',
  'reach_ms_0', 'reach_ms_1', 'reach_ms_2', 'reach_ms_3', 'reach_ms_4', 'reach_ms_5',
] as const;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export const INSERT_PROSPECT = `INSERT INTO prospects (${PROSPECT_COLUMNS.join(', ')}) VALUES (${placeholders(PROSPECT_COLUMNS.length)})`;
export const UPDATE_PROSPECT = `UPDATE prospects SET ${PROSPECT_COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
export const INSERT_STAGE = 'INSERT INTO stage_history (prospect_id, seq, stage, at) VALUES (?, ?, ?, ?)';
export const INSERT_CONSENT = 'INSERT INTO consent (prospect_id, seq, at, granted, note) VALUES (?, ?, ?, ?, ?)';

/** furthest_rank and reach_ms_0..5 from the domain's journey (what the funnel counts and takes medians of). */
function journeyValues(p: Prospect): unknown[] {
  const j = journeyOf(p);
  return [j.furthest, ...j.firstMs.map((ms, r) => (r > j.furthest ? null : Math.max(0, ms - j.createdMs)))];
}

/** The values of a `prospects` row, in PROSPECT_COLUMNS order. */
export function prospectValues(p: Prospect): unknown[] {
  return [
    p.id, p.name, p.email, p.phone, p.company, p.source, p.stage, JSON.stringify(p.tags), p.owner, p.referredBy,
    p.doNotContact ? 1 : 0, p.cadenceDays, p.lostReason, p.followUp?.at ?? null, p.followUp?.note ?? null,
    JSON.stringify(p.fields), p.conversion?.at ?? null, p.conversion?.value ?? null, p.conversion?.currency ?? null,
    p.conversion?.product ?? null, p.notes, p.forgottenAt, p.createdAt, p.updatedAt,
    emailKey(p.email), phoneKey(p.phone), p.name === null ? null : p.name.toLowerCase(), p.name === null ? null : nameKey(p.name),
    toMs(p.createdAt), p.conversion === null ? null : toMs(p.conversion.at), ...journeyValues(p),
  ];
}

/** The values for UPDATE_PROSPECT: every column but the id, then the id. */
export function prospectUpdateValues(p: Prospect): unknown[] {
  const values = prospectValues(p);
  return [...values.slice(1), values[0]];
}

export const stageValues = (p: Pick<Prospect, 'id' | 'stageHistory'>): unknown[][] =>
  p.stageHistory.map((h, seq) => [p.id, seq, h.stage, h.at]);

export const consentValues = (p: Pick<Prospect, 'id' | 'consent'>): unknown[][] =>
  p.consent.map((c, seq) => [p.id, seq, c.at, c.granted ? 1 : 0, c.note]);

/** The record columns (not the derived keys), for SELECTs; prospectFromRaw reads them in this order. */
export const PROSPECT_RECORD_COLUMNS = PROSPECT_COLUMNS.slice(0, 24).join(', ');

/**
 * A Prospect from a raw row of PROSPECT_RECORD_COLUMNS (arrays: better-sqlite3 builds them ~3× faster than
 * objects) and its history and consent (in seq order); keys in the order of docs/CONTRACT.md §4.
 */
export function prospectFromRaw(r: unknown[], stageHistory: StageChange[], consent: ConsentEntry[]): Prospect {
  const followUpAt = r[13] as string | null;
  const conversionAt = r[16] as string | null;
  return {
    id: r[0] as number,
    name: r[1] as string | null,
    email: r[2] as string | null,
    phone: r[3] as string | null,
    company: r[4] as string | null,
    source: r[5] as string | null,
    stage: r[6] as Prospect['stage'],
    stageHistory,
    tags: JSON.parse(r[7] as string) as string[],
    owner: r[8] as string | null,
    referredBy: r[9] as number | null,
    doNotContact: r[10] === 1,
    consent,
    cadenceDays: r[11] as number | null,
    lostReason: r[12] as string | null,
    followUp: followUpAt === null ? null : { at: followUpAt, note: r[14] as string | null },
    fields: JSON.parse(r[15] as string) as Record<string, string>,
    conversion: conversionAt === null ? null
      : { at: conversionAt, value: r[17] as number | null, currency: r[18] as string | null, product: r[19] as string | null },
    notes: r[20] as string | null,
    forgottenAt: r[21] as string | null,
    createdAt: r[22] as string,
    updatedAt: r[23] as string,
  };
}
