// A prospect as rows: the `prospects` row (with the lookup keys the domain defines) and its stage-history and
// consent rows, and back. The SQL here is plain enough for PostgreSQL too (positional `?` placeholders).
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { toMs } from '../../domain/reports/instants.js';
import { stageRank } from '../../domain/stages.js';
import type { ConsentEntry, Prospect, StageChange } from '../../domain/types.js';

/** Lower case without diacritics, as references.ts folds names (kept in step with it by the contract tests). */
export const nameKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The columns of `prospects` in the order of PROSPECT_VALUES; the derived keys come last. */
export const PROSPECT_COLUMNS = [
  'id', 'name', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner', 'referred_by', 'do_not_contact',
  'cadence_days', 'lost_reason', 'follow_up_at', 'follow_up_note', 'fields', 'conversion_at', 'conversion_value',
  'conversion_currency', 'conversion_product', 'notes', 'forgotten_at', 'created_at', 'updated_at',
  'email_key', 'phone_key', 'name_lower', 'name_key', 'created_ms', 'conversion_ms', 'furthest_rank',
] as const;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export const INSERT_PROSPECT = `INSERT INTO prospects (${PROSPECT_COLUMNS.join(', ')}) VALUES (${placeholders(PROSPECT_COLUMNS.length)})`;
export const UPDATE_PROSPECT = `UPDATE prospects SET ${PROSPECT_COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
export const INSERT_STAGE = 'INSERT INTO stage_history (prospect_id, seq, stage, at) VALUES (?, ?, ?, ?)';
export const INSERT_CONSENT = 'INSERT INTO consent (prospect_id, seq, at, granted, note) VALUES (?, ?, ?, ?, ?)';

/** The furthest path stage ever reached, as a rank (aware = 0 … advocate = 5), for the funnel's `reached`. */
function furthestRank(history: readonly StageChange[]): number {
  let best = 0;
  for (const h of history) best = Math.max(best, stageRank(h.stage));
  return best;
}

/** The values of a `prospects` row, in PROSPECT_COLUMNS order. */
export function prospectValues(p: Prospect): unknown[] {
  return [
    p.id, p.name, p.email, p.phone, p.company, p.source, p.stage, JSON.stringify(p.tags), p.owner, p.referredBy,
    p.doNotContact ? 1 : 0, p.cadenceDays, p.lostReason, p.followUp?.at ?? null, p.followUp?.note ?? null,
    JSON.stringify(p.fields), p.conversion?.at ?? null, p.conversion?.value ?? null, p.conversion?.currency ?? null,
    p.conversion?.product ?? null, p.notes, p.forgottenAt, p.createdAt, p.updatedAt,
    emailKey(p.email), phoneKey(p.phone), p.name === null ? null : p.name.toLowerCase(), p.name === null ? null : nameKey(p.name),
    toMs(p.createdAt), p.conversion === null ? null : toMs(p.conversion.at), furthestRank(p.stageHistory),
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

/** What SELECT_PROSPECT_COLUMNS returns, as better-sqlite3 gives it. */
export interface ProspectRow {
  id: number; name: string | null; email: string | null; phone: string | null; company: string | null;
  source: string | null; stage: Prospect['stage']; tags: string; owner: string | null; referred_by: number | null;
  do_not_contact: number; cadence_days: number | null; lost_reason: string | null; follow_up_at: string | null;
  follow_up_note: string | null; fields: string; conversion_at: string | null; conversion_value: number | null;
  conversion_currency: string | null; conversion_product: string | null; notes: string | null;
  forgotten_at: string | null; created_at: string; updated_at: string;
}

/** The record columns (not the derived keys), for SELECTs. */
export const PROSPECT_RECORD_COLUMNS = PROSPECT_COLUMNS.slice(0, 24).join(', ');

/** A Prospect from its row and its history and consent rows (in seq order); keys in the order of SPEC §4. */
export function prospectFromRow(r: ProspectRow, stageHistory: StageChange[], consent: ConsentEntry[]): Prospect {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    company: r.company,
    source: r.source,
    stage: r.stage,
    stageHistory,
    tags: JSON.parse(r.tags) as string[],
    owner: r.owner,
    referredBy: r.referred_by,
    doNotContact: r.do_not_contact === 1,
    consent,
    cadenceDays: r.cadence_days,
    lostReason: r.lost_reason,
    followUp: r.follow_up_at === null ? null : { at: r.follow_up_at, note: r.follow_up_note },
    fields: JSON.parse(r.fields) as Record<string, string>,
    conversion: r.conversion_at === null ? null
      : { at: r.conversion_at, value: r.conversion_value, currency: r.conversion_currency, product: r.conversion_product },
    notes: r.notes,
    forgottenAt: r.forgotten_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
