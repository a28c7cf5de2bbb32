// columnsOf / rowFromRecord / recordFromRow: the columns of each kind as today's SQL tables name them, and every
// record of the sample store through a named row and back, byte for byte (key order included), in memory, through a
// real SQLite table and from the values node-postgres returns.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain/types.js';
import type { Prospect, Purchase, SuppressionEntry } from '../../src/domain/types.js';
import { columnsOf, recordFromRow, rowFromRecord, type ColumnInfo } from '../../src/store/record-rows.js';

const sample = JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8'));
const AT = '2026-03-01T10:00:00.000Z';

/** Sample prospects, plus one with every optional part filled in (and a conversion without a value). */
function prospects(): Prospect[] {
  const full: Prospect = {
    ...sample.prospects[0], followUp: { at: AT, note: 'bring the menu' }, consent: [{ at: AT, granted: true, note: null }],
    conversion: { at: AT, value: 0.30000000000000004, currency: 'EUR', product: 'cake' }, fields: { size: 'L', 'b-day': '03-01' },
    cadenceDays: 14, referredBy: 2, doNotContact: true, tags: ['cakes', 'wedding'],
  };
  return [...sample.prospects, full, { ...full, id: 99, followUp: null, conversion: { at: AT, value: null, currency: null, product: null } }];
}

const SUPPRESSED: SuppressionEntry = { hash: 'a'.repeat(64), reason: 'do-not-contact', at: AT };
const PURCHASE: Purchase = { id: 1, prospectId: 3, at: AT, value: 86.4, currency: 'EUR', product: 'wedding cake', orderId: 'W-1001' };
const children = (p: Prospect) => ({ stageHistory: p.stageHistory, consent: p.consent });
const names = (columns: ColumnInfo[]) => columns.map((c) => c.column);

describe('columnsOf', () => {
  it('names the columns of each kind as the SQL tables do, in declaration order', () => {
    expect(names(columnsOf('prospect'))).toEqual([
      'id', 'name', 'description', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner', 'referred_by', 'do_not_contact',
      'cadence_days', 'lost_reason', 'follow_up_at', 'follow_up_note', 'fields', 'conversion_at', 'conversion_value',
      'conversion_currency', 'conversion_product', 'notes', 'forgotten_at', 'created_at', 'updated_at',
    ]);
    expect(names(columnsOf('touch'))).toEqual(['id', 'prospect_id', 'type', 'at', 'note', 'outcome', 'direction', 'logged_by', 'cost', 'currency']);
    expect(names(columnsOf('stageChange'))).toEqual(['stage', 'at']);
    expect(names(columnsOf('consentEntry'))).toEqual(['at', 'granted', 'note']);
    expect(names(columnsOf('survey'))).toEqual(['id', 'name', 'questions', 'created_at']);
    expect(names(columnsOf('response'))).toEqual(['id', 'survey', 'prospect_id', 'segment', 'stage', 'at', 'answers']);
    expect(names(columnsOf('tally'))).toEqual(['id', 'type', 'count', 'at', 'note', 'logged_by', 'cost', 'currency']);
    expect(names(columnsOf('suppressionEntry'))).toEqual(['hash', 'reason', 'at']);
    expect(names(columnsOf('purchase'))).toEqual(['id', 'prospect_id', 'at', 'value', 'currency', 'product', 'order_id']);
  });

  it('gives each column its value kind, nullability, enum values, range and the kind it points to', () => {
    const byName = new Map(columnsOf('prospect').map((c) => [c.column, c]));
    expect(byName.get('stage')).toEqual({ column: 'stage', field: 'stage', kind: 'enum', nullable: false, values: STAGES });
    expect(byName.get('cadence_days')).toEqual({ column: 'cadence_days', field: 'cadenceDays', kind: 'integer', nullable: true, min: 1, max: 36_500 });
    expect(byName.get('referred_by')).toEqual({ column: 'referred_by', field: 'referredBy', kind: 'integer', nullable: true, min: 1, references: 'prospect' });
    // A nullable group's columns are all nullable, even the one that is never null inside it.
    expect(byName.get('follow_up_at')).toEqual({ column: 'follow_up_at', field: 'followUp.at', kind: 'instant', nullable: true });
    expect(byName.get('conversion_value')).toMatchObject({ kind: 'money', nullable: true });
    expect([byName.get('tags')!.kind, byName.get('fields')!.kind, byName.get('do_not_contact')!.kind]).toEqual(['list', 'json', 'boolean']);
    const kinds = Object.fromEntries(columnsOf('response').map((c) => [c.column, c.kind]));
    expect(kinds).toEqual({ id: 'integer', survey: 'text', prospect_id: 'integer', segment: 'enum', stage: 'enum', at: 'instant', answers: 'json' });
    expect(columnsOf('purchase').find((c) => c.column === 'value')).toMatchObject({ kind: 'money', nullable: true });
  });
});

/** Every record of every kind the sample holds, with what recordFromRow must be given. */
const RECORDS = () => [
  ...prospects().map((p) => ['prospect', p, children(p)] as const),
  ...prospects().flatMap((p) => p.stageHistory.map((h) => ['stageChange', h, {}] as const)),
  ...prospects().flatMap((p) => p.consent.map((c) => ['consentEntry', c, {}] as const)),
  ...sample.touches.map((t: unknown) => ['touch', t, {}] as const),
  ...sample.surveys.map((s: unknown) => ['survey', s, {}] as const),
  ...sample.responses.map((r: unknown) => ['response', r, {}] as const),
  ['suppressionEntry', SUPPRESSED, {}] as const,
  ['purchase', PURCHASE, {}] as const,
] as const;

describe('rowFromRecord and recordFromRow', () => {
  it('take every record to a named row and back, the same JSON byte for byte', () => {
    for (const [kind, record, given] of RECORDS()) {
      const row = rowFromRecord(kind, record as never);
      expect(Object.keys(row)).toEqual(names(columnsOf(kind)));
      expect(JSON.stringify(recordFromRow(kind, row, given as never))).toBe(JSON.stringify(record));
    }
  });

  it('store what both SQL backends take: booleans as 1/0, money as exact decimal text, lists and JSON as text', () => {
    const p = prospects().at(-2)!;
    const row = rowFromRecord('prospect', p);
    expect(row).toMatchObject({ do_not_contact: 1, conversion_value: '0.30000000000000004', tags: '["cakes","wedding"]', fields: '{"size":"L","b-day":"03-01"}' });
    expect(rowFromRecord('prospect', { ...p, followUp: null, conversion: null })).toMatchObject({ follow_up_at: null, follow_up_note: null, conversion_at: null, conversion_value: null });
  });

  it('read what node-postgres returns: a Date, numeric and bigint as text, booleans, parsed JSON', () => {
    const p = prospects().at(-2)!;
    const row = { ...rowFromRecord('prospect', p), id: String(p.id), do_not_contact: true, created_at: new Date(p.createdAt), conversion_value: '0.30000000000000004', tags: p.tags, fields: p.fields };
    expect(JSON.stringify(recordFromRow('prospect', row, children(p)))).toBe(JSON.stringify(p));
  });

  it('need the child rows given, and every column in the row', () => {
    const p = prospects()[0]!;
    expect(() => recordFromRow('prospect', rowFromRecord('prospect', p))).toThrow('prospect.stageHistory: its stageChange rows must be given');
    const { notes: _, ...row } = rowFromRecord('prospect', p);
    expect(() => recordFromRow('prospect', row, children(p))).toThrow('the row has no column notes');
  });

  it('through a real SQLite table made from columnsOf: same records back', () => {
    const db = new Database(':memory:');
    const sqlType = (c: ColumnInfo) => (c.kind === 'integer' || c.kind === 'boolean' ? 'INTEGER' : 'TEXT');
    for (const kind of ['prospect', 'touch', 'stageChange', 'consentEntry', 'survey', 'response', 'suppressionEntry', 'purchase'] as const) {
      const columns = columnsOf(kind);
      db.exec(`CREATE TABLE t_${kind} (seq INTEGER PRIMARY KEY, ${columns.map((c) => `${c.column} ${sqlType(c)}${c.nullable ? '' : ' NOT NULL'}`).join(', ')})`);
    }
    for (const [i, [kind, record, given]] of RECORDS().entries()) {
      const columns = names(columnsOf(kind));
      db.prepare(`INSERT INTO t_${kind} (seq, ${columns.join(', ')}) VALUES (${i}, ${columns.map((c) => `@${c}`).join(', ')})`).run(rowFromRecord(kind, record as never));
      const row = db.prepare(`SELECT ${columns.join(', ')} FROM t_${kind} WHERE seq = ?`).get(i) as Record<string, unknown>;
      expect(JSON.stringify(recordFromRow(kind, row, given as never))).toBe(JSON.stringify(record));
    }
    db.close();
  });
});
