// What psql, Metabase or a spreadsheet's connector sees of a PostgreSQL store: instants as timestamptz, money as
// numeric, flags as boolean, custom fields, questions and answers as JSON, ids as bigint — asked of
// information_schema after precrm's first write made the tables — and a custom field's order kept as written.
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { P } from '../contract.js';
import { asAdmin, freshDatabase } from '../../pg.js';

const OPTIONS = { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000, env: {}, homedir: '/nonexistent', osUser: 'tester' };
const stores: PostgresStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

/** A store whose tables precrm made (its first write), and the database's name. */
async function madeStore(): Promise<{ store: PostgresStore; name: string }> {
  const { url, name } = await freshDatabase();
  const store = new PostgresStore(url, OPTIONS);
  stores.push(store);
  await store.transaction(async (tx) => {
    await tx.insert('prospect', [P(await tx.takeId('prospect'), {
      name: 'Ravi', fields: { zeta: 'last letter', alpha: 'first letter', 'size 2': 'M' },
      conversion: { at: '2026-01-09T10:15:30.579Z', value: 0.1 + 0.2, currency: 'EUR', product: 'cake' },
    })]);
  });
  return { store, name };
}

const columnTypes = (name: string) => asAdmin(async (c) => {
  const { rows } = await c.query(`SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY 1`);
  return Object.fromEntries(rows.map((r) => [r.col, r.data_type])) as Record<string, string>;
}, name);

describe("a PostgreSQL store in PostgreSQL's own types", () => {
  it('shows instants as timestamptz, money as numeric, flags as boolean, JSON as json, ids as bigint', async () => {
    const t = await columnTypes((await madeStore()).name);
    const instants = ['prospects.follow_up_at', 'prospects.forgotten_at', 'prospects.created_at', 'prospects.updated_at', 'stage_history.at',
      'consent.at', 'purchases.at', 'touches.at', 'surveys.created_at', 'responses.at', 'suppression.at', 'schema_version.applied_at'];
    for (const c of instants) expect([c, t[c]]).toEqual([c, 'timestamp with time zone']);
    expect(t['purchases.value']).toBe('numeric');
    for (const c of ['prospects.do_not_contact', 'consent.granted']) expect([c, t[c]]).toEqual([c, 'boolean']);
    for (const c of ['prospects.fields', 'surveys.questions', 'responses.answers']) expect([c, t[c]]).toEqual([c, 'json']);
    for (const c of ['prospects.id', 'prospects.referred_by', 'touches.id', 'touches.prospect_id', 'purchases.id', 'responses.survey_id']) {
      expect([c, t[c]]).toEqual([c, 'bigint']);
    }
    // No instant, amount or JSON left as text or a binary float anywhere.
    expect(Object.entries(t).filter(([, type]) => type === 'double precision' || type === 'real')).toEqual([]);
    expect(Object.keys(t).filter((c) => /^(prospects\.(tags|conversion_\w+|furthest_rank|reach_ms_\d)|responses\.survey(_key)?)$/.test(c))).toEqual([]);
  });

  it('holds the exact amount, the instant and the fields in their order, and reads them back as written', async () => {
    const { store, name } = await madeStore();
    const [row] = await asAdmin(async (c) => (await c.query(
      "SELECT pu.value::text AS value, to_char(pu.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS at, p.fields::text AS fields FROM purchases pu JOIN prospects p ON p.id = pu.prospect_id")).rows, name);
    expect(row).toEqual({ value: '0.30000000000000004', at: '2026-01-09 10:15:30.579', fields: '{"zeta":"last letter","alpha":"first letter","size 2":"M"}' });
    const ravi = (await store.getProspect(1))!;
    expect(ravi.conversion).toEqual({ at: '2026-01-09T10:15:30.579Z', value: 0.1 + 0.2, currency: 'EUR', product: 'cake' });
    expect(JSON.stringify(ravi.fields)).toBe('{"zeta":"last letter","alpha":"first letter","size 2":"M"}');
  });

  it('refuses what precrm would never write: an unknown touch type, a negative amount, a touch of no prospect', async () => {
    const { name } = await madeStore();
    const refused = (sql: string) => asAdmin((c) => c.query(sql).then(() => 'accepted', (e: { code?: string }) => e.code), name);
    expect(await refused("INSERT INTO touches (id, prospect_id, type, at) VALUES (90, 1, 'fax', now())")).toBe('23514');
    expect(await refused("INSERT INTO purchases (id, prospect_id, at, at_ms, value) VALUES (90, 1, now(), 0, -1)")).toBe('23514');
    expect(await refused("INSERT INTO touches (id, prospect_id, type, at) VALUES (91, 99, 'visit', now())")).toBe('23503');
  });
});
