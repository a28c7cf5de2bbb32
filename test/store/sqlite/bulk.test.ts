// Bulk inserts rebuild a table's indexes instead of updating them row by row: afterwards every index is back
// (the same definitions), lookups through them work, and a bulk insert that fails rolls back indexes and rows alike.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../src/domain/references.js';
import type { Prospect, Touch } from '../../../src/domain/types.js';
import { SqliteStore } from '../../../src/store/sqlite/store.js';
import { tempDir } from '../../helpers.js';

const AT = '2026-01-05T10:00:00.000Z';
const prospect = (id: number): Prospect => ({
  id, name: `Person ${id}`, description: null, email: `p${id}@example.com`, phone: null, company: null, source: 'walk-in', stage: 'interested',
  stageHistory: [{ stage: 'interested', at: AT }], tags: [], owner: null, referredBy: null, doNotContact: false, consent: [],
  cadenceDays: null, lostReason: null, followUp: null, fields: {}, conversion: null, notes: null, forgottenAt: null, createdAt: AT, updatedAt: AT,
});
const touch = (id: number): Touch => ({ id, prospectId: 1 + (id % 7000), type: 'visit', at: AT, note: null, outcome: null, direction: null, by: null, cost: null, currency: null });
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

function indexes(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('bulk inserts on SQLite', () => {
  it('leave every index in place and usable', async () => {
    const path = join(tempDir(), 'shop.db');
    const store = new SqliteStore(path, { lockTimeoutMs: 1000 });
    await store.transaction(async (tx) => tx.insert('prospect', [prospect(1)]));
    const before = indexes(path);
    expect(before.length).toBeGreaterThan(10);
    await store.transaction(async (tx) => {
      await tx.insert('prospect', range(2, 6999).map(prospect));
      await tx.insert('touch', range(1, 8000).map(touch));
    });
    expect(indexes(path)).toEqual(before);
    expect((await store.prospectCandidates(parseReference('p6543@example.com'))).map((p) => p.id)).toEqual([6543]);
    expect((await store.listTouches({ prospectId: 42 })).map((t) => t.id)).toEqual([41, 7041]);
    expect(await store.counters()).toMatchObject({ prospect: 7001, touch: 8001 });
    expect(await store.check()).toEqual([]);
    await store.close();
  });

  it('roll back with the transaction: rows gone, indexes back', async () => {
    const path = join(tempDir(), 'shop.db');
    const store = new SqliteStore(path, { lockTimeoutMs: 1000 });
    await store.transaction(async (tx) => tx.insert('prospect', [prospect(1)]));
    const before = indexes(path);
    const failed = await store.transaction(async (tx) => {
      await tx.insert('prospect', range(2, 6000).map(prospect));
      throw new Error('the import found a bad row');
    }).then(() => 'committed', (e: Error) => e.message);
    expect(failed).toBe('the import found a bad row');
    expect(indexes(path)).toEqual(before);
    expect(await store.counts()).toMatchObject({ prospects: 1 });
    expect(await store.counters()).toMatchObject({ prospect: 2 });
    await store.close();
  });
});
