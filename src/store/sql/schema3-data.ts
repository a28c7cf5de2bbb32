// The data step of schema 3, shared by the SQL backends: after a dialect's DDL has renamed schema 2's
// `prospects`, `stage_history` and `consent` to v2_* and created schema 3's tables, the prospects are read back as
// the domain's records and written with the very code every later write uses (bulk-rows.ts): their tags,
// purchases (the conversion is the first; ids 1..n in prospect-id order) and funnel reach come from the domain's
// own functions, not from SQL restating them. Then the v2_* tables are dropped.
import type { ConsentEntry, Prospect, StageChange } from '../../domain/types.js';
import { bulkTables } from './bulk-rows.js';
import { columns, jsonValue } from './columns.js';
import { linksFor } from './links.js';
import { PROSPECTS } from './prospect-rows.js';
import type { SqlRunner } from './runner.js';

const BATCH = 2000;
/** Parameters per multi-row INSERT: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS = 30_000;

const V2_PROSPECT = columns([
  'id', 'name', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner', 'referred_by', 'do_not_contact', 'cadence_days',
  'lost_reason', 'follow_up_at', 'follow_up_note', 'fields', 'conversion_at', 'conversion_value', 'conversion_currency',
  'conversion_product', 'notes', 'forgotten_at', 'created_at', 'updated_at',
] as const);

/** Schema 2's history and consent rows, as this step reads them (a released migration names what it knows). */
const V2_STAGE = columns(['prospect_id', 'stage', 'at'] as const);
const V2_CONSENT = columns(['prospect_id', 'at', 'granted', 'note'] as const);

const v2Stage = (r: readonly unknown[]): StageChange => ({ stage: r[V2_STAGE.at.stage] as StageChange['stage'], at: r[V2_STAGE.at.at] as string });
const v2Consent = (r: readonly unknown[]): ConsentEntry =>
  ({ at: r[V2_CONSENT.at.at] as string, granted: Number(r[V2_CONSENT.at.granted]) === 1, note: r[V2_CONSENT.at.note] as string | null });

const orNull = (v: unknown): number | null => (v === null ? null : Number(v));

/** A prospect of schema 2 from its `prospects` row (by name) and its history and consent. */
function v2Prospect(r: readonly unknown[], stageHistory: StageChange[], consent: ConsentEntry[]): Prospect {
  const at = V2_PROSPECT.at;
  const text = (c: keyof typeof at) => r[at[c]] as string | null;
  const followUpAt = text('follow_up_at');
  const conversionAt = text('conversion_at');
  return {
    id: Number(r[at.id]), name: text('name'), description: null, email: text('email'), phone: text('phone'), company: text('company'), source: text('source'),
    stage: text('stage') as Prospect['stage'], stageHistory, tags: jsonValue(r[at.tags]) as string[], owner: text('owner'),
    referredBy: orNull(r[at.referred_by]), doNotContact: Number(r[at.do_not_contact]) === 1, consent, cadenceDays: orNull(r[at.cadence_days]),
    lostReason: text('lost_reason'), followUp: followUpAt === null ? null : { at: followUpAt, note: text('follow_up_note') },
    fields: jsonValue(r[at.fields]) as Record<string, string>,
    conversion: conversionAt === null ? null
      : { at: conversionAt, value: orNull(r[at.conversion_value]), currency: text('conversion_currency'), product: text('conversion_product') },
    notes: text('notes'), forgottenAt: text('forgotten_at'), createdAt: text('created_at')!, updatedAt: text('updated_at')!,
  };
}

/** Rows of a child table of prospects [from, to] (prospect_id first), grouped by prospect id. */
async function byProspect<T>(db: SqlRunner, sql: string, from: number, to: number, make: (r: unknown[]) => T): Promise<Map<number, T[]>> {
  const out = new Map<number, T[]>();
  for (const r of await db.rows(sql, [from, to])) {
    const id = Number(r[0]);
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(make(r));
  }
  return out;
}

/** One batch of schema 2 prospects after `after`, as records, in id order. */
async function readBatch(db: SqlRunner, after: number): Promise<Prospect[]> {
  const rows = await db.rows(`SELECT ${V2_PROSPECT.list} FROM v2_prospects WHERE id > ? ORDER BY id LIMIT ${BATCH}`, [after]);
  if (rows.length === 0) return [];
  const [from, to] = [Number(rows[0]![0]), Number(rows[rows.length - 1]![0])];
  // Schema 2's history and consent have schema 3's columns.
  const history = await byProspect(db, `SELECT ${V2_STAGE.list} FROM v2_stage_history WHERE prospect_id BETWEEN ? AND ? ORDER BY prospect_id, seq`,
    from, to, v2Stage);
  const consent = await byProspect(db, `SELECT ${V2_CONSENT.list} FROM v2_consent WHERE prospect_id BETWEEN ? AND ? ORDER BY prospect_id, seq`,
    from, to, v2Consent);
  return rows.map((r) => v2Prospect(r, history.get(Number(r[0])) ?? [], consent.get(Number(r[0])) ?? []));
}

/** Inserts rows with as few statements as the parameter limit allows (one round trip per statement on a server). */
async function insertRows(db: SqlRunner, table: string, columnList: string, rows: Iterable<unknown[]>): Promise<void> {
  if (db.copyRows) return db.copyRows(table, columnList, rows);
  const width = columnList.split(',').length;
  const per = Math.max(1, Math.floor(PARAMS / width));
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  let batch: unknown[] = [];
  let n = 0;
  const flush = async () => {
    if (n > 0) await db.run(`INSERT INTO ${table} (${columnList}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`, batch);
    batch = [];
    n = 0;
  };
  for (const row of rows) {
    batch.push(...row);
    if (++n === per) await flush();
  }
  await flush();
}

/**
 * The columns of schema 3's `prospects`, named here (a released migration names what it knows): today's rows carry
 * the columns later versions added too, whose migrations run after this step on rows that had none of them.
 */
const SCHEMA3_PROSPECT = columns([
  'id', 'name', 'email', 'phone', 'company', 'source', 'stage', 'owner', 'referred_by', 'do_not_contact', 'cadence_days', 'lost_reason',
  'follow_up_at', 'follow_up_note', 'fields', 'notes', 'forgotten_at', 'created_at', 'updated_at',
  'email_key', 'phone_key', 'name_lower', 'name_key', 'source_key', 'owner_key', 'search_text', 'created_ms',
] as const);

function* schema3Rows(rows: Iterable<unknown[]>): Generator<unknown[]> {
  const at = SCHEMA3_PROSPECT.names.map((c) => {
    const i = PROSPECTS.written.names.indexOf(c);
    if (i < 0) throw new Error(`prospects.${c} is written by no declaration: schema 3's data step needs it`);
    return i;
  });
  for (const row of rows) yield at.map((i) => row[i]);
}

/** Schema 3's data step (after the dialect's DDL of version 3, in the same transaction). */
export async function fillSchema3(db: SqlRunner): Promise<void> {
  for (let after = 0; ;) {
    const prospects = await readBatch(db, after);
    if (prospects.length === 0) break;
    const links = await linksFor(db, 'prospect', prospects);
    for (const t of bulkTables('prospect', links)) {
      if (t.table === 'prospects') await insertRows(db, t.table, SCHEMA3_PROSPECT.list, schema3Rows(t.rows(prospects)));
      else await insertRows(db, t.table, t.columns, t.rows(prospects));
    }
    after = prospects[prospects.length - 1]!.id;
  }
  for (const table of ['v2_consent', 'v2_stage_history', 'v2_prospects']) await db.run(`DROP TABLE ${table}`);
}
