// An upgrade killed at any step leaves the schema-2 store (the next command upgrades it whole), and one that may
// not be made here says why and names `precrm store upgrade`: a read-only SQLite file (73), a PostgreSQL role
// without the right to alter tables (77).
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { BIN, run, spawnPrecrm, tempDir } from '../helpers.js';
import { asAdmin, pgUrlFor } from '../pg.js';
import { NEEDS_ROOT, canUseMounts } from './mounts.js';
import { pgVersion, postgresFixture, sqliteFixture, sqliteVersion } from './upgrade-fixtures.js';

const EXPECTED = join(import.meta.dirname, '../fixtures/stores/expected');
const recorded = (file: string) => readFileSync(join(EXPECTED, file), 'utf8');
const NOW = '2026-01-22T09:15:00.000Z';

/**
 * Runs `prospect list` on `store` with the test hook that stops an upgrade at `step`, waits (up to a deadline) until
 * the process says it stopped there, and kills it with SIGKILL.
 */
async function killAt(store: string, step: string): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--store', store, 'prospect', 'list'], {
    env: { ...process.env, PRECRM_TEST_UPGRADE_STOP: step, PRECRM_USER: 'tester' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the upgrade never reached ${step}: ${stderr}`)), 20_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes(`upgrade stopped at ${step}`)) {
        clearTimeout(deadline);
        resolve();
      }
    });
    child.on('close', () => reject(new Error(`precrm ended before ${step}: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await closed;
}

/** The store answers as the release recorded, whatever state the killed upgrade left (the command upgrades it). */
async function expectWholeAfterwards(store: string): Promise<void> {
  for (const file of ['export-prospects.csv', 'export-conversions.json', 'report-funnel.csv']) {
    const [, kind, format] = /^(.*)\.(csv|json)$/.exec(file)!;
    const args = kind!.startsWith('export-') ? ['export', kind!.slice(7), '--format', format!] : ['report', kind!.slice(7), '--format', format!];
    const r = await run(store, args, { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(recorded(file));
  }
}

describe('an upgrade killed part-way', () => {
  it.each(['backed-up', `migrated-${SQL_SCHEMA_VERSION}`])('SQLite, killed at %s: the schema-2 store is left, and upgrades whole next time', async (step) => {
    const store = sqliteFixture();
    await killAt(store, step);
    expect(sqliteVersion(store)).toBe(2);
    const backups = readdirSync(join(store, '..')).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(sqliteVersion(join(store, '..', backups[0]!))).toBe(2);
    await expectWholeAfterwards(store);
    expect(sqliteVersion(store)).toBe(SQL_SCHEMA_VERSION);
  });

  it(`PostgreSQL, killed at migrated-${SQL_SCHEMA_VERSION}: the schema-2 tables are left, and upgrade whole next time`, async () => {
    const { name, url } = await postgresFixture();
    await killAt(url, `migrated-${SQL_SCHEMA_VERSION}`);
    expect(await pgVersion(name)).toBe(2);
    const r = await run(url, ['store', 'upgrade']);
    expect(r.code, r.stderr).toBe(0);
    expect(await pgVersion(name)).toBe(SQL_SCHEMA_VERSION);
  });
});

describe.skipIf(!canUseMounts)(`a schema-2 SQLite store the user may only read (${NEEDS_ROOT})`, () => {
  it('reads, writes and store upgrade exit 73 naming precrm store upgrade; the file is left as it was', async () => {
    const dir = tempDir();
    const store = join(dir, 'shop.db');
    copyFileSync(sqliteFixture(), store);
    chmodSync(dir, 0o755);
    chmodSync(store, 0o644);
    const before = readFileSync(store);
    for (const args of [['prospect', 'list'], ['prospect', 'add', 'Anna'], ['store', 'upgrade']]) {
      const r = await spawnPrecrm(args, { user: 'nobody', env: { PRECRM_STORE: store, PRECRM_USER: 'tester', HOME: '/tmp' } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(73);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^error: the store ${store} is at schema 2 and this precrm needs schema ${SQL_SCHEMA_VERSION}, but it cannot be upgraded here \\(.+\\); run \`precrm store upgrade\` as a user who may write the file and its folder$`));
    }
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['shop.db']);
  });
});

describe('a schema-2 PostgreSQL store and a role that may only read and write rows', () => {
  it('exits 77 naming precrm store upgrade; the owner then upgrades it and the role works again', async () => {
    const { name, url } = await postgresFixture();
    const role = `staff_${process.pid}_${Date.now() % 100_000}`;
    await asAdmin((c) => c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'staff-Pa55'`));
    try {
      await asAdmin(async (c) => {
        await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      }, name);
      const staff = pgUrlFor(name, { user: role, password: 'staff-Pa55' });
      for (const args of [['prospect', 'list'], ['store', 'upgrade']]) {
        const r = await run(staff, args);
        expect(r.code, r.stderr).toBe(77);
        expect(r.stderr.split('\n')[0]).toMatch(/is at schema 2 and this precrm needs schema \d+; this role may not alter the tables: run `precrm store upgrade` once as the database owner/);
      }
      expect(await pgVersion(name)).toBe(2);
      const owner = await run(url, ['store', 'upgrade']);
      expect(owner.code, owner.stderr).toBe(0);
      expect(await pgVersion(name)).toBe(SQL_SCHEMA_VERSION);
    } finally {
      await asAdmin((c) => c.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`), name).catch(() => undefined);
    }
  });
});
