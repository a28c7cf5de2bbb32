// docs/schema.md's example queries, run as written against a real SQLite store and a real PostgreSQL store that
// precrm wrote, so the page stays true as the schema changes.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { openTestStore, POSTGRES_BACKEND, SQLITE_BACKEND, type TestBackend } from '../backends.js';
import { asAdmin } from '../pg.js';
import { P, T } from './contract.js';

const DOC = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');

/** The query under `<!-- example: name dialect -->`. */
function example(name: string, dialect: 'sqlite' | 'postgres'): string {
  const m = new RegExp(`<!-- example: ${name} ${dialect} -->\\n\`\`\`sql\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!m) throw new Error(`docs/schema.md has no example ${name} for ${dialect}`);
  return m[1]!;
}

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

// The instants are now and a little before: the queries ask about "this month" and "this quarter" of the clock.
const NOW = new Date().toISOString();
const LONG_AGO = '2020-01-15T12:00:00.000Z';

/** A shop: Ravi bought twice (this quarter), Anna once; samples this month from the market (2) and Instagram (1). */
async function shop(backend: TestBackend): Promise<string> {
  const location = await backend.tempStore();
  const store = await openTestStore(location);
  stores.push(store);
  await store.transaction(async (tx) => {
    const customer = (over: Parameters<typeof P>[1]) => P(0, { stage: 'customer', stageHistory: [{ stage: 'customer', at: NOW }], ...over });
    await tx.insert('prospect', [
      { ...customer({ name: 'Ravi', source: 'market', conversion: { at: NOW, value: 12.5, currency: 'EUR', product: 'cake' } }), id: 1 },
      { ...customer({ name: 'Anna', source: 'instagram', conversion: { at: NOW, value: 3, currency: 'EUR', product: 'bread' } }), id: 2 },
      P(3, { name: 'Tomás', source: 'market' }),
    ]);
    await tx.insert('touch', [
      T(1, 1, NOW, { type: 'sample' }), T(2, 3, NOW, { type: 'sample' }), T(3, 2, NOW, { type: 'sample' }),
      T(4, 3, LONG_AGO, { type: 'sample' }), T(5, 3, NOW, { type: 'visit' }),
    ]);
  });
  return location;
}

/** Ravi's second purchase: the table holds many per prospect (the next release's commands add them). */
const SECOND_PURCHASE = `INSERT INTO purchases (id, prospect_id, at, at_ms, value, currency, product) VALUES (90, 1, '${NOW}', ${Date.parse(NOW)}, '7.25', 'EUR', 'bread')`;

describe('docs/schema.md example queries', () => {
  it('run on SQLite as written', async () => {
    const location = await shop(SQLITE_BACKEND);
    const db = new Database(location);
    try {
      db.exec(SECOND_PURCHASE);
      expect(db.prepare(example('bought-twice', 'sqlite')).all()).toEqual([{ id: 1, name: 'Ravi', purchases: 2, spent: 19.75 }]);
      expect(db.prepare(example('samples-per-source', 'sqlite')).all()).toEqual([{ source: 'market', samples: 2 }, { source: 'instagram', samples: 1 }]);
    } finally {
      db.close();
    }
  });

  it('run on PostgreSQL as written', async () => {
    const location = await shop(POSTGRES_BACKEND);
    const database = decodeURIComponent(new URL(location).pathname.slice(1));
    await asAdmin(async (c) => {
      await c.query(SECOND_PURCHASE);
      expect((await c.query(example('bought-twice', 'postgres'))).rows).toEqual([{ id: '1', name: 'Ravi', purchases: '2', spent: '19.75' }]);
      expect((await c.query(example('samples-per-source', 'postgres'))).rows).toEqual([{ source: 'market', samples: '2' }, { source: 'instagram', samples: '1' }]);
    }, database);
  });
});
