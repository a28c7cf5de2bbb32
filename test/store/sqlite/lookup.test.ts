// A `<prospect>` reference is looked up through indexes on a SQLite store (email key, lower-case name, the folded
// name's start as a range): no full scan of prospects, whatever the store's size. Only a text that starts no
// name falls back to the word-start scan — "haddad" for Omar Haddad — and it still resolves the same.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../src/domain/references.js';
import { referenceWhere } from '../../../src/store/sql/prospects.js';
import { run, tempDir } from '../../helpers.js';

function plan(path: string, ref: string, step: 'indexed' | 'words'): string[] {
  const r = parseReference(ref);
  if (r.kind !== 'text') throw new Error('a text reference');
  const { where, params } = referenceWhere(r, step);
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`EXPLAIN QUERY PLAN SELECT p.id FROM prospects p WHERE ${where}`).all(...params) as { detail: string }[]).map((x) => x.detail);
  } finally {
    db.close();
  }
}

describe('prospect references on SQLite', () => {
  it('are found through indexes (an email, a name, a name start); a word start alone scans, and still resolves', async () => {
    const path = join(tempDir(), 'shop.db');
    for (const [name, email] of [['Omar Haddad', 'omar@example.com'], ['Ravi Sen', 'ravi@example.com']]) {
      expect((await run(path, ['prospect', 'add', name!, '--email', email!])).code).toBe(0);
    }
    for (const ref of ['ravi@example.com', 'Ravi Sen', 'rav', 'omar']) {
      const steps = plan(path, ref, 'indexed');
      expect(steps.join('\n'), ref).not.toMatch(/\bSCAN p\b/);
      expect(steps.join('\n'), ref).toMatch(/USING (COVERING )?INDEX/);
    }
    expect(plan(path, 'haddad', 'words').join('\n')).toMatch(/\bSCAN p\b/);
    expect(JSON.parse((await run(path, ['prospect', 'show', 'haddad', '--json'])).stdout).name).toBe('Omar Haddad');
    expect(JSON.parse((await run(path, ['prospect', 'show', 'ravi@example.com', '--json'])).stdout).name).toBe('Ravi Sen');
  });
});

describe('namesakes on SQLite', () => {
  it('`prospect add` looks for the same name through the name_key index, not a scan', async () => {
    const path = join(tempDir(), 'shop.db');
    expect((await run(path, ['prospect', 'add', 'Omar Haddad'])).code).toBe(0);
    const db = new Database(path, { readonly: true });
    try {
      const steps = (db.prepare('EXPLAIN QUERY PLAN SELECT p.id FROM prospects p WHERE p.name_key = ?').all('omar haddad') as { detail: string }[]).map((x) => x.detail);
      expect(steps.join('\n')).toMatch(/USING (COVERING )?INDEX prospects_name_key/);
    } finally {
      db.close();
    }
  });
});

describe('purchases by order id on SQLite', () => {
  /** The steps of the query `import purchases` asks to find the orders already in the store. */
  function orderPlan(path: string): string {
    const db = new Database(path, { readonly: true });
    try {
      const sql = `EXPLAIN QUERY PLAN SELECT u.id FROM purchases u WHERE u.order_id IN (SELECT value FROM json_each(?)) ORDER BY u.at, u.id`;
      return (db.prepare(sql).all('["A-1"]') as { detail: string }[]).map((x) => x.detail).join('\n');
    } finally {
      db.close();
    }
  }

  it('are found through an index, in a new store and in one upgraded from schema 2, not by a scan of every purchase', async () => {
    const fresh = join(tempDir(), 'shop.db');
    const upgraded = join(tempDir(), 'old.db');
    copyFileSync(new URL('../../fixtures/stores/schema2.db', import.meta.url).pathname, upgraded);
    for (const path of [fresh, upgraded]) {
      expect((await run(path, ['prospect', 'add', 'Zoe Order'])).code).toBe(0);
      expect((await run(path, ['purchase', 'log', 'zoe order', '--value', '5', '--currency', 'EUR', '--order', 'A-1'])).code).toBe(0);
      const steps = orderPlan(path);
      expect(steps, path).not.toMatch(/\bSCAN u\b/);
      expect(steps, path).toMatch(/SEARCH u USING INDEX purchases_order/);
    }
  });
});
