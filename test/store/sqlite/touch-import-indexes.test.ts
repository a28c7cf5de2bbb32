// An `import touches` that at least doubles the touches table sets aside the indexes it does not read and builds them
// again before its commit: afterwards the store has the same indexes, the queries that need them use them, and
// `store check` finds nothing wrong — whether the import added more rows than the table held or fewer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../../helpers.js';

const indexes = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touches' ORDER BY name").all();
  } finally {
    db.close();
  }
};

const timePlan = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM touches WHERE at >= ? ORDER BY at, id').all('2026-03-01') as { detail: string }[]).map((x) => x.detail).join('\n');
  } finally {
    db.close();
  }
};

const touchesCsv = (rows: number) => {
  const path = join(tempDir(), 'touches.csv');
  const lines = Array.from({ length: rows }, (_, i) => `ravi@example.com,call,2026-03-0${1 + (i % 9)}T${String(10 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,,,`);
  writeFileSync(path, ['prospect,type,at,note,outcome,by', ...lines].join('\n') + '\n');
  return path;
};

describe('import touches on SQLite', () => {
  it.each([[12, 'more rows than the table holds'], [2, 'fewer rows than the table holds']])('keeps the touches indexes: %i rows, %s', async (rows) => {
    const path = join(tempDir(), 'shop.db');
    expect((await run(path, ['-q', 'prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com'])).code).toBe(0);
    for (const at of ['2026-02-01T10:00', '2026-02-02T10:00', '2026-02-03T10:00']) {
      expect((await run(path, ['-q', 'touch', 'log', '1', 'visit', '--at', at])).code).toBe(0);
    }
    const before = indexes(path);
    expect(before.length).toBeGreaterThan(1);
    const r = await run(path, ['import', 'touches', touchesCsv(rows)]);
    expect(r).toMatchObject({ code: 0, stderr: `created ${rows}, merged 0, skipped 0, rejected 0\n` });
    expect(indexes(path)).toEqual(before);
    expect(timePlan(path)).toMatch(/USING (COVERING )?INDEX touches_at/);
    expect((await run(path, ['store', 'check'])).code).toBe(0);
    expect(JSON.parse((await run(path, ['touch', 'list', '1', '--json'])).stdout)).toHaveLength(3 + rows);
  });
});
