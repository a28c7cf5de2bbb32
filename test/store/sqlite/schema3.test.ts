// Schema 3 on SQLite: a schema-2 database (its tables as precrm wrote them) upgrades on the first write to the
// same records — tags, conversions as first purchases numbered in prospect-id order, responses pointing at their
// survey by id, the funnel's reach from journeyOf — and the new tables refuse what they guard (foreign keys on
// every connection, CHECKs, money as decimal text).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { journeyOf } from '../../../src/domain/reports/journey.js';
import type { Prospect, SurveyResponse, Touch } from '../../../src/domain/types.js';
import { openForRead, openForWrite, writeTransaction } from '../../../src/store/sqlite/connection.js';
import { SQLITE_DDL } from '../../../src/store/sqlite/ddl.js';
import { SQL_SCHEMA_VERSION } from '../../../src/store/sql/tables.js';
import { SqliteStore } from '../../../src/store/sqlite/store.js';
import { run, tempDir } from '../../helpers.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();
const base = (id: number, more: Partial<Prospect>): Prospect => ({
  id, name: `P${id}`, description: null, email: null, phone: null, company: null, source: null, stage: 'interested', stageHistory: [{ stage: 'interested', at: at(id) }],
  tags: [], owner: null, referredBy: null, doNotContact: false, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {},
  conversion: null, notes: null, forgottenAt: null, createdAt: at(id), updatedAt: at(id), ...more,
});

const PROSPECTS: Prospect[] = [
  base(1, {
    name: 'Ravi Sen', email: 'Ravi@Example.com', source: 'Walk-In', tags: ['Cakes', 'bread'], stage: 'customer', owner: 'Mitra',
    stageHistory: [{ stage: 'aware', at: at(1) }, { stage: 'customer', at: at(5) }], consent: [{ at: at(1), granted: true, note: 'asked' }],
    conversion: { at: at(5), value: 12.5, currency: 'EUR', product: 'cake' }, fields: { allergy: 'nuts' }, followUp: { at: at(9), note: 'call' },
  }),
  base(2, { referredBy: 3, stage: 'lost', lostReason: 'moved', stageHistory: [{ stage: 'interested', at: at(2) }, { stage: 'lost', at: at(3) }] }),
  base(3, { tags: ['Éclair'], cadenceDays: 14, doNotContact: true }),
  base(4, { stage: 'customer', stageHistory: [{ stage: 'customer', at: at(6) }], conversion: { at: at(6), value: 1e-7, currency: null, product: null } }),
];
const TOUCHES: Touch[] = [{ id: 1, prospectId: 1, type: 'visit', at: at(2), note: 'hi', outcome: 'positive', direction: 'in', by: 'mitra', cost: null, currency: null }];
const RESPONSES: SurveyResponse[] = [
  { id: 1, survey: 'First Impressions', prospectId: 1, segment: 'customer', stage: 'customer', at: at(7), answers: { price: 4, why: 'taste' } },
  { id: 2, survey: 'First Impressions', prospectId: null, segment: 'anonymous', stage: null, at: at(8), answers: { price: 2 } },
];

/** A schema-2 database holding the records above, in schema 2's own columns (as precrm wrote them until now). */
function schema2Store(path: string): void {
  const db = new Database(path);
  db.exec(SQLITE_DDL[1]!);
  db.exec(SQLITE_DDL[2]!);
  db.prepare("INSERT INTO schema_version VALUES (1, 'x'), (2, 'y')").run();
  const insert = db.prepare(`INSERT INTO prospects (id, name, email, phone, company, source, stage, tags, owner, referred_by, do_not_contact,
    cadence_days, lost_reason, follow_up_at, follow_up_note, fields, conversion_at, conversion_value, conversion_currency, conversion_product,
    notes, forgotten_at, created_at, updated_at, email_key, name_lower, name_key, created_ms, furthest_rank)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const p of PROSPECTS) {
    insert.run(p.id, p.name, p.email, p.phone, p.company, p.source, p.stage, JSON.stringify(p.tags), p.owner, p.referredBy, p.doNotContact ? 1 : 0,
      p.cadenceDays, p.lostReason, p.followUp?.at ?? null, p.followUp?.note ?? null, JSON.stringify(p.fields), p.conversion?.at ?? null,
      p.conversion?.value ?? null, p.conversion?.currency ?? null, p.conversion?.product ?? null, p.notes, p.forgottenAt, p.createdAt, p.updatedAt,
      p.email?.toLowerCase() ?? null, p.name!.toLowerCase(), p.name!.toLowerCase(), Date.parse(p.createdAt), journeyOf(p).furthest);
    p.stageHistory.forEach((h, seq) => db.prepare('INSERT INTO stage_history VALUES (?, ?, ?, ?)').run(p.id, seq, h.stage, h.at));
    p.consent.forEach((c, seq) => db.prepare('INSERT INTO consent VALUES (?, ?, ?, ?, ?)').run(p.id, seq, c.at, c.granted ? 1 : 0, c.note));
  }
  for (const t of TOUCHES) db.prepare('INSERT INTO touches VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(t.id, t.prospectId, t.type, t.at, t.note, t.outcome, t.direction, t.by);
  db.prepare("INSERT INTO surveys VALUES (1, 'First Impressions', 'first impressions', ?, ?)").run(JSON.stringify([{ key: 'price', type: 'scale', text: 'Price?', choices: null }]), at(0));
  for (const r of RESPONSES) {
    db.prepare("INSERT INTO responses VALUES (?, 'First Impressions', 'first impressions', ?, ?, ?, ?, ?)").run(r.id, r.prospectId, r.segment, r.stage, r.at, JSON.stringify(r.answers));
  }
  db.exec("UPDATE counters SET next_id = 7 WHERE kind = 'prospect'; UPDATE counters SET next_id = 3 WHERE kind = 'touch'; UPDATE counters SET next_id = 2 WHERE kind = 'survey'; UPDATE counters SET next_id = 4 WHERE kind = 'response'");
  db.close();
}

describe('schema 3 on SQLite', () => {
  it('upgrades a schema-2 database to the same records, with purchases, tags, reach and survey ids derived by the domain', async () => {
    const path = join(tempDir(), 'shop.db');
    schema2Store(path);
    const store = new SqliteStore(path, { lockTimeoutMs: 1000 });
    try {
      expect(await store.listProspects()).toEqual(PROSPECTS);
      expect(await store.listTouches()).toEqual(TOUCHES);
      expect(await store.listResponses()).toEqual(RESPONSES);
      expect(await store.counters()).toEqual({ prospect: 7, touch: 3, survey: 2, response: 4, purchase: 3, tally: 1, occasion: 1 });
      expect(await store.check()).toEqual([]);
      expect(await store.listProspects({ filter: { tags: ['CAKES'] } })).toEqual([PROSPECTS[0]]);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SQL_SCHEMA_VERSION);
    expect(db.prepare('SELECT id, prospect_id, value FROM purchases ORDER BY id').raw().all()).toEqual([[1, 1, '12.5'], [2, 4, '0.0000001']]);
    expect(db.prepare("SELECT next_id FROM counters WHERE kind = 'purchase'").pluck().get()).toBe(3);
    expect(db.prepare('SELECT survey_id FROM responses ORDER BY id').pluck().all()).toEqual([1, 1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'v2_%'").pluck().all()).toEqual([]);
    db.close();
  });

  it('refuses (65) to upgrade a schema-2 database whose rows point at missing ones, and leaves it at schema 2', async () => {
    const path = join(tempDir(), 'shop.db');
    schema2Store(path);
    const db = new Database(path);
    db.exec('UPDATE touches SET prospect_id = 99');
    db.close();
    const r = await run(path, ['prospect', 'list']);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`error: the store ${path} cannot be upgraded to schema ${SQL_SCHEMA_VERSION}: touches row 1 points at a missing row of prospects; it was left as it was\n`);
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(2);
    after.close();
  });

  it('turns the foreign keys on for every connection, and the tables refuse what they guard', async () => {
    const path = join(tempDir(), 'shop.db');
    const conn = await openForWrite(path, { lockTimeoutMs: 1000 });
    await writeTransaction(conn, new Date(), () => undefined);
    expect(conn.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const refused = (sql: string) => expect(() => conn.db.exec(sql), sql).toThrow(/constraint/i);
    refused("INSERT INTO touches (id, prospect_id, type, at) VALUES (1, 99, 'visit', 'x')");
    conn.db.exec("INSERT INTO prospects (id, stage, do_not_contact, fields, created_at, updated_at, search_text, created_ms) VALUES (1, 'aware', 0, '{}', 'x', 'x', '', 0)");
    refused("UPDATE prospects SET stage = 'hot' WHERE id = 1");
    refused('UPDATE prospects SET cadence_days = 0 WHERE id = 1');
    refused("UPDATE prospects SET fields = '[1]' WHERE id = 1");
    refused("INSERT INTO purchases (id, prospect_id, at, at_ms, value) VALUES (1, 1, 'x', 0, '-5')");
    refused("INSERT INTO purchases (id, prospect_id, at, at_ms, value) VALUES (1, 1, 'x', 0, '1e5')");
    refused("INSERT INTO funnel_reach (prospect_id, rank, ms) VALUES (1, 6, 0)");
    refused("INSERT INTO touches (id, prospect_id, type, at) VALUES (1, 1, 'shout', 'x')");
    conn.db.close();
    const read = await openForRead(path, { lockTimeoutMs: 1000 });
    expect(read!.db.pragma('foreign_keys', { simple: true })).toBe(1);
    read!.db.close();
  });

  it('names the first row store check finds wrong, by kind and id', async () => {
    const store = join(tempDir(), 'shop.db');
    for (const name of ['Ravi Sen', 'Anna Berg', 'Mira Das']) expect((await run(store, ['prospect', 'add', name, '--tag', 'Cakes'])).code).toBe(0);
    const db = new Database(store);
    db.exec("UPDATE funnel_reach SET ms = 5 WHERE prospect_id IN (2, 3); UPDATE prospect_tags SET tag_key = 'Cakes' WHERE prospect_id = 3");
    db.close();
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe([
      'error: prospect 2: its funnel_reach rows disagree with its stage history (journeyOf) (and 1 more)',
      '  prospect 3: its tag keys are out of date',
      '',
    ].join('\n'));
  });
});
