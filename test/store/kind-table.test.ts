// kindTable: the SQL statements and the row mapping of each kind come from its declaration. A field added to a
// declaration reaches the INSERT, UPDATE and SELECT lists and both mappings with no other edit; every table precrm
// writes holds exactly the columns its kind's table writes (so a declared field without its migration fails here).
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ID, INSTANT, TEXT, type KindDecl } from '../../src/domain/records/declare.js';
import { TOUCH } from '../../src/domain/records/touch.js';
import type { Store } from '../../src/store/store.js';
import { kindTable } from '../../src/store/sql/kind-table.js';
import { OCCASIONS } from '../../src/store/sql/occasions.js';
import { CONSENTS, PROSPECTS, STAGES } from '../../src/store/sql/prospect-rows.js';
import { PURCHASES } from '../../src/store/sql/purchases.js';
import { RESPONSES, SURVEYS } from '../../src/store/sql/surveys.js';
import { TALLIES } from '../../src/store/sql/tallies.js';
import { TOUCHES } from '../../src/store/sql/touches.js';
import { openTestStore, SQLITE_BACKEND } from '../backends.js';
import { P, T } from './contract.js';

const AT = '2026-03-01T10:00:00.000Z';

describe('a field added to a declaration', () => {
  // A touch with one more field, between `note` and `outcome`, as a worked example would add it.
  const { note, ...rest } = TOUCH.fields;
  const { id, prospectId, type, at } = rest;
  const MOODY = {
    kind: 'touch', table: 'touches',
    fields: { id, prospectId, type, at, note, mood: { column: 'mood', value: TEXT, nullable: true }, outcome: rest.outcome, direction: rest.direction, by: rest.by },
  } as const satisfies KindDecl;
  const table = kindTable(MOODY, { alias: 't' });
  const touch = { id: 7, prospectId: 3, type: 'visit', at: AT, note: null, mood: 'cheerful', outcome: 'positive', direction: null, by: 'ann' } as const;

  it('is in the INSERT, UPDATE and SELECT lists', () => {
    expect(table.insert).toBe('INSERT INTO touches (id, prospect_id, type, at, note, mood, outcome, direction, logged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    expect(table.update).toBe('UPDATE touches SET prospect_id = ?, type = ?, at = ?, note = ?, mood = ?, outcome = ?, direction = ?, logged_by = ? WHERE id = ?');
    expect(table.read.list).toBe('t.id, t.prospect_id, t.type, t.at, t.note, t.mood, t.outcome, t.direction, t.logged_by');
  });

  it('is written and read back at its declared place in the key order', () => {
    const values = table.values({ ...touch }, undefined);
    expect(values).toEqual([7, 3, 'visit', AT, null, 'cheerful', 'positive', null, 'ann']);
    expect(table.updateValues({ ...touch }, undefined)).toEqual([...values.slice(1), 7]);
    // Read back from the values a driver returns (a bigint id as text, as node-postgres gives int8 without parsers).
    expect(JSON.stringify(table.fromRow(['7', 3, 'visit', AT, null, 'cheerful', 'positive', null, 'ann'], {}))).toBe(JSON.stringify(touch));
  });
});

describe('a kind kept inside its owner, and columns derived or kept elsewhere', () => {
  it('writes the owner and position first, reads the owner first', () => {
    expect(STAGES.insert).toBe('INSERT INTO stage_history (prospect_id, seq, stage, at) VALUES (?, ?, ?, ?)');
    expect(CONSENTS.values({ at: AT, granted: true, note: null }, { owner: 4, position: 2 })).toEqual([4, 2, AT, 1, null]);
    expect(CONSENTS.read.list).toBe('prospect_id, at, granted, note');
    expect(JSON.stringify(CONSENTS.fromRow([4, AT, 0, 'no'], {}))).toBe(JSON.stringify({ at: AT, granted: false, note: 'no' }));
  });

  it('writes money as exact decimal text, never with an exponent, and reads it back as the same number', () => {
    const purchase = { id: 1, prospectId: 2, at: AT, value: 1e-7, currency: 'EUR', product: null, orderId: null };
    const values = PURCHASES.values(purchase, undefined);
    expect(values[PURCHASES.written.names.indexOf('value')]).toBe('0.0000001');
    expect(values[PURCHASES.written.names.indexOf('at_ms')]).toBe(Date.parse(AT));
    expect(PURCHASES.fromRow([1, 2, AT, '0.0000001', 'EUR', null, null], {})).toEqual(purchase);
  });

  it('reads a response\'s survey from the joined name and writes its survey id from the links', () => {
    expect(RESPONSES.read.list).toBe('r.id, r.prospect_id, r.segment, r.stage, r.at, r.answers, s.name');
    const links = { purchaseIds: new Map(), surveyIds: new Map([['taste', 5]]) };
    const response = { id: 1, survey: 'Taste', prospectId: null, segment: 'anonymous', stage: null, at: AT, answers: { q: 4 } } as const;
    expect(RESPONSES.values({ ...response, answers: { ...response.answers } }, links)).toEqual([1, null, 'anonymous', null, AT, '{"q":4}', 5]);
  });
});

describe('every table precrm writes', () => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('holds exactly the columns its kind\'s table writes (declared, owner and position, derived)', async () => {
    const location = await SQLITE_BACKEND.tempStore();
    const store = await openTestStore(location);
    stores.push(store);
    await store.transaction(async (tx) => {
      await tx.insert('prospect', [P(1)]);
      await tx.insert('touch', [T(1, 1, AT)]);
    });
    const db = new Database(location, { readonly: true });
    try {
      const columnsOf = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).sort();
      for (const t of [PROSPECTS, STAGES, CONSENTS, PURCHASES, TOUCHES, SURVEYS, RESPONSES, TALLIES, OCCASIONS]) {
        expect([...t.written.names].sort(), t.table).toEqual(columnsOf(t.table));
      }
    } finally {
      db.close();
    }
  });
});
