// The schema-2 stores made by the last schema-2 release (test/fixtures/stores/make.mjs) upgrade to this precrm's
// schema on the first command that opens them, after which every output recorded from the release — exports,
// `prospect show --json`, every report — is byte-identical and the next ids are the recorded ones.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { run } from '../helpers.js';
import { EXPECTED, LAST_NOW, MANIFEST, NEXT_IDS, pgVersion, postgresFixture, sqliteFixture, sqliteVersion } from './upgrade-fixtures.js';

const precrm = (store: string, args: string[], now = LAST_NOW) => run(store, args, { now, env: MANIFEST.env });

/** Every recorded output, compared byte for byte (all of them, so one failure shows every difference). */
async function expectRecordedOutputs(store: string): Promise<void> {
  const differ: string[] = [];
  for (const o of MANIFEST.outputs) {
    const r = await precrm(store, o.args, o.now);
    if (r.code !== 0 || r.stdout !== readFileSync(join(EXPECTED, o.file), 'utf8')) differ.push(`${o.file} (exit ${r.code}) ${r.stderr.split('\n')[0]}`);
  }
  expect(differ).toEqual([]);
}

/** Adds one record of each kind, as the fixture script did after recording: the ids they get. */
async function nextIds(store: string): Promise<Record<string, number>> {
  const ok = async (args: string[]) => {
    const r = await precrm(store, args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const prospect = Number(/(\d+)\D*$/.exec((await ok(['prospect', 'add', 'Mo Next', '--email', 'mo@example.com'])).trim())![1]);
  const touch = JSON.parse(await ok(['touch', 'log', 'mo', 'greeting', '--json'])).id;
  const survey = JSON.parse(await ok(['survey', 'create', 'next one', '--question', 'q:text:Anything?', '--json'])).id;
  const response = JSON.parse(await ok(['survey', 'respond', 'next one', '--answer', 'q=yes', '--json'])).id;
  return { prospect, touch, survey, response };
}

describe('the schema-2 SQLite fixture', () => {
  it('is upgraded by the first command, backed up first (0600), and prints every recorded output byte for byte', async () => {
    const store = sqliteFixture();
    const before = readFileSync(store);
    await expectRecordedOutputs(store);
    expect(sqliteVersion(store)).toBe(SQL_SCHEMA_VERSION);
    const backups = readdirSync(join(store, '..')).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^shop\.db\.schema2-\d{8}-\d{6}\.bak$/);
    const backup = join(store, '..', backups[0]!);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(sqliteVersion(backup)).toBe(2);
    expect(before.length).toBeGreaterThan(0);
    expect(await nextIds(store)).toEqual(NEXT_IDS);
  });

  it('store upgrade says what it did, then that there is nothing to do', async () => {
    const store = sqliteFixture();
    const first = await precrm(store, ['store', 'upgrade']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^upgraded .*shop\\.db from schema 2 to schema ${SQL_SCHEMA_VERSION}; the schema-2 store is kept as .*shop\\.db\\.schema2-\\d{8}-\\d{6}\\.bak\\n$`));
    const again = await precrm(store, ['store', 'upgrade']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`${store} is already at schema ${SQL_SCHEMA_VERSION}; nothing to do\n`);
    expect(readdirSync(join(store, '..')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });
});

describe('the schema-2 PostgreSQL fixture', () => {
  it('is upgraded by the first command and prints every recorded output byte for byte; the next ids are the recorded ones', async () => {
    const { name, url } = await postgresFixture();
    expect(await pgVersion(name)).toBe(2);
    await expectRecordedOutputs(url);
    expect(await pgVersion(name)).toBe(SQL_SCHEMA_VERSION);
    expect(await nextIds(url)).toEqual(NEXT_IDS);
  });

  it('store upgrade says what it did, then that there is nothing to do', async () => {
    const { url } = await postgresFixture();
    const first = await precrm(url, ['store', 'upgrade']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^upgraded .* from schema 2 to schema ${SQL_SCHEMA_VERSION}\\n$`));
    const again = await precrm(url, ['store', 'upgrade']);
    expect(again.stderr).toMatch(new RegExp(`is already at schema ${SQL_SCHEMA_VERSION}; nothing to do\\n$`));
  });
});
