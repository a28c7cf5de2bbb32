// A limited, unfiltered list in id order is the database's to cut: `prospect list --limit 5` and an import's
// "does this store hold any prospect?" read that many rows, not every prospect with its history and consent.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newProspect } from '../../../src/domain/prospect.js';
import { insertProspect } from '../../../src/store/sql/prospects.js';
import { SqlReader } from '../../../src/store/sql/reader.js';
import type { SqlRunner } from '../../../src/store/sql/runner.js';
import { migrate } from '../../../src/store/sqlite/connection.js';
import { SqliteRunner } from '../../../src/store/sqlite/runner.js';

/** A runner that counts the rows the database hands back. */
class CountingRunner extends SqliteRunner {
  returned = 0;
  override async rows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    const rows = await super.rows(sql, params);
    this.returned += rows.length;
    return rows;
  }
}

class Reader extends SqlReader {
  constructor(private readonly runner: SqlRunner) {
    super();
  }

  protected async db(): Promise<SqlRunner> {
    return this.runner;
  }
}

describe('listProspects with a limit (SQL backends)', () => {
  it('reads only the rows it returns when nothing filters or re-sorts them', async () => {
    const db = new Database(':memory:');
    await migrate(db, ':memory:', new Date(0));
    const runner = new CountingRunner(db);
    for (let id = 1; id <= 200; id++) await insertProspect(runner, newProspect(id, { name: `P ${id}` }, 'interested', '2026-01-05T17:10:00.000Z'));
    const reader = new Reader(runner);

    runner.returned = 0;
    expect((await reader.listProspects({ limit: 1 })).map((p) => p.id)).toEqual([1]);
    expect((await reader.listProspects({ sort: { key: 'id' }, limit: 3 })).map((p) => p.id)).toEqual([1, 2, 3]);
    // 1 + 3 prospects, each with its one stage-history row.
    expect(runner.returned).toBe(8);

    // A filter decided in JavaScript or another order still reads them all, and still answers right.
    expect((await reader.listProspects({ sort: { key: 'id', descending: true }, limit: 2 })).map((p) => p.id)).toEqual([200, 199]);
    expect((await reader.listProspects({ filter: { search: 'p 17' }, limit: 1 })).map((p) => p.id)).toEqual([17]);
  });
});
