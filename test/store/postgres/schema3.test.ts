// Schema 3 on PostgreSQL: a schema-2 database (its tables as precrm wrote them: text instants, 0/1 flags, double
// precision money, JSON as text) upgrades on the first write, in PostgreSQL's own types, to the same records —
// the amount to the last digit the domain wrote, every instant to the millisecond, custom fields in their order,
// tags beyond ASCII folded as the domain folds them, conversions as first purchases numbered in prospect-id order,
// responses pointing at their survey by id — and `store check` finds nothing to say.
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../../src/domain/errors.js';
import { journeyOf } from '../../../src/domain/reports/journey.js';
import type { Prospect, Survey, SurveyResponse, Touch } from '../../../src/domain/types.js';
import { PG_DDL } from '../../../src/store/postgres/ddl.js';
import { SQL_SCHEMA_VERSION } from '../../../src/store/sql/tables.js';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { P } from '../contract.js';
import { asAdmin, freshDatabase } from '../../pg.js';

const OPTIONS = { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000, env: {}, homedir: '/nonexistent', osUser: 'tester' };
const stores: PostgresStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

const at = (day: number, ms = 0) => new Date(Date.UTC(2026, 0, 1 + day) + ms).toISOString();

const PROSPECTS: Prospect[] = [
  P(1, {
    name: 'Ravi Sen', email: 'Ravi@Example.com', source: 'Walk-In', tags: ['Cakes', 'İzmir', 'ÉCLAIR'], stage: 'customer', owner: 'Mitra',
    stageHistory: [{ stage: 'aware', at: at(1, 579) }, { stage: 'customer', at: at(5, 1) }], consent: [{ at: at(1), granted: true, note: 'asked' }],
    conversion: { at: at(5, 1), value: 0.1 + 0.2, currency: 'EUR', product: 'cake' }, fields: { zeta: 'z', alpha: 'a', '10': 'ten' },
    followUp: { at: at(9, 999), note: 'call' }, createdAt: at(1, 579), updatedAt: at(5, 1),
  }),
  P(2, { name: 'Anna', referredBy: 3, stage: 'lost', lostReason: 'moved', stageHistory: [{ stage: 'interested', at: at(2) }, { stage: 'lost', at: at(3) }], createdAt: at(2), updatedAt: at(3) }),
  P(3, { name: 'Tomás', tags: ['éclair'], cadenceDays: 14, doNotContact: true, consent: [{ at: at(4), granted: false, note: null }], createdAt: at(3), updatedAt: at(4) }),
  P(4, { name: 'Zoë', stage: 'customer', stageHistory: [{ stage: 'customer', at: at(6) }], conversion: { at: at(6), value: 1e-7, currency: null, product: null }, createdAt: at(6), updatedAt: at(6) }),
];
const TOUCHES: Touch[] = [{ id: 1, prospectId: 1, type: 'visit', at: at(2, 7), note: 'hi', outcome: 'positive', direction: 'in', by: 'mitra', cost: null, currency: null }];
const SURVEY: Survey = { id: 1, name: 'First Impressions', createdAt: at(0), questions: [{ key: 'price', type: 'scale', text: 'Price?', choices: null }] };
const RESPONSES: SurveyResponse[] = [
  { id: 1, survey: 'First Impressions', prospectId: 1, segment: 'customer', stage: 'customer', at: at(7), answers: { why: 'taste', price: 4 } },
  { id: 2, survey: 'First Impressions', prospectId: null, segment: 'anonymous', stage: null, at: at(8), answers: { price: 2 } },
];

/** A schema-2 database holding the records above in schema 2's own columns, as precrm wrote them until now. */
async function schema2Database(name: string): Promise<void> {
  await asAdmin(async (c) => {
    await c.query(PG_DDL[1]!);
    await c.query(PG_DDL[2]!);
    await c.query(`INSERT INTO schema_version VALUES (1, '${at(0)}'), (2, '${at(0)}')`);
    for (const p of PROSPECTS) {
      await c.query(`INSERT INTO prospects (id, name, email, source, stage, tags, owner, referred_by, do_not_contact, cadence_days, lost_reason,
        follow_up_at, follow_up_note, fields, conversion_at, conversion_value, conversion_currency, conversion_product, created_at, updated_at,
        email_key, name_lower, name_key, created_ms, furthest_rank) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)`,
      [p.id, p.name, p.email, p.source, p.stage, JSON.stringify(p.tags), p.owner, p.referredBy, p.doNotContact ? 1 : 0, p.cadenceDays, p.lostReason,
        p.followUp?.at ?? null, p.followUp?.note ?? null, JSON.stringify(p.fields), p.conversion?.at ?? null, p.conversion?.value ?? null,
        p.conversion?.currency ?? null, p.conversion?.product ?? null, p.createdAt, p.updatedAt, p.email?.toLowerCase() ?? null,
        p.name!.toLowerCase(), p.name!.toLowerCase(), Date.parse(p.createdAt), journeyOf(p).furthest]);
      for (const [seq, h] of p.stageHistory.entries()) await c.query('INSERT INTO stage_history VALUES ($1, $2, $3, $4)', [p.id, seq, h.stage, h.at]);
      for (const [seq, k] of p.consent.entries()) await c.query('INSERT INTO consent VALUES ($1, $2, $3, $4, $5)', [p.id, seq, k.at, k.granted ? 1 : 0, k.note]);
    }
    for (const t of TOUCHES) await c.query('INSERT INTO touches VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [t.id, t.prospectId, t.type, t.at, t.note, t.outcome, t.direction, t.by]);
    await c.query("INSERT INTO surveys VALUES (1, $1, 'first impressions', $2, $3)", [SURVEY.name, JSON.stringify(SURVEY.questions), SURVEY.createdAt]);
    for (const r of RESPONSES) {
      await c.query("INSERT INTO responses VALUES ($1, 'first impressions', 'first impressions', $2, $3, $4, $5, $6)", [r.id, r.prospectId, r.segment, r.stage, r.at, JSON.stringify(r.answers)]);
    }
    await c.query("UPDATE counters SET next_id = CASE kind WHEN 'prospect' THEN 5 WHEN 'touch' THEN 2 WHEN 'survey' THEN 2 ELSE 3 END");
  }, name);
}

describe('a schema-2 PostgreSQL database', () => {
  it('upgrades on the first write to the same records, in its own types, and check finds nothing', async () => {
    const { url, name } = await freshDatabase();
    await schema2Database(name);
    const store = new PostgresStore(url, OPTIONS);
    stores.push(store);
    expect(await store.transaction((tx) => tx.takeId('touch'))).toBe(2);

    const read = await store.listProspects();
    expect(read).toEqual(PROSPECTS);
    expect(read.map((p) => JSON.stringify(p.fields))).toEqual(PROSPECTS.map((p) => JSON.stringify(p.fields)));
    expect(read[0]!.conversion!.value).toBe(0.1 + 0.2);
    expect(await store.listTouches()).toEqual(TOUCHES);
    expect(await store.surveys()).toEqual([SURVEY]);
    expect(await store.listResponses()).toEqual(RESPONSES);
    expect(await store.check()).toEqual([]);

    const tables = await asAdmin(async (c) => ({
      purchases: (await c.query('SELECT id::int, prospect_id::int, value::text FROM purchases ORDER BY id')).rows,
      tagKeys: (await c.query('SELECT tag_key FROM prospect_tags ORDER BY prospect_id, seq')).rows.map((r) => r.tag_key),
      leftOver: (await c.query("SELECT relname FROM pg_class WHERE relname LIKE 'v2\\_%'")).rows,
      version: (await c.query('SELECT max(version)::int AS v FROM schema_version')).rows[0].v,
      nextPurchase: (await c.query("SELECT next_id::int AS n FROM counters WHERE kind = 'purchase'")).rows[0].n,
    }), name);
    expect(tables).toEqual({
      purchases: [{ id: 1, prospect_id: 1, value: '0.30000000000000004' }, { id: 2, prospect_id: 4, value: '0.0000001' }],
      tagKeys: ['cakes', 'i̇zmir', 'éclair', 'éclair'],
      leftOver: [],
      version: SQL_SCHEMA_VERSION,
      nextPurchase: 3,
    });
  });

  it('whose rows point at missing ones is refused (65) naming the first such row, and left at schema 2', async () => {
    const { url, name } = await freshDatabase();
    await schema2Database(name);
    await asAdmin((c) => c.query("UPDATE touches SET prospect_id = 99; UPDATE responses SET survey_key = 'gone'"), name);
    const store = new PostgresStore(url, OPTIONS);
    stores.push(store);
    const err = await store.transaction((tx) => tx.takeId('touch')).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PrecrmError);
    expect([(err as PrecrmError).exitCode, (err as PrecrmError).message]).toEqual([EXIT.dataErr,
      `the store ${store.describe()} cannot be upgraded to schema 3: touches row 1 points at a missing row of prospects; it was left as it was`]);
    await asAdmin((c) => c.query("UPDATE touches SET prospect_id = 1"), name);
    const again = await store.transaction((tx) => tx.takeId('touch')).then(() => undefined, (e: unknown) => e);
    expect((again as PrecrmError).message).toMatch(/: responses row 1 points at a missing row of surveys \(2 such rows in all\); it was left as it was$/);
    expect(await asAdmin(async (c) => (await c.query('SELECT max(version)::int AS v FROM schema_version')).rows[0].v, name)).toBe(2);
  });
});
