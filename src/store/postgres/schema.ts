// The PostgreSQL store's tables: the SQLite backend's numbered migrations (sqlite/schema.ts), spelled for
// PostgreSQL, set up or upgraded by the first write that needs it under a transaction-scoped advisory lock, so
// two first writers cannot race and nothing is held once the transaction ends (PgBouncer's transaction mode).
import { dataError } from '../../domain/errors.js';
import { MIGRATIONS, SQLITE_SCHEMA_VERSION, TABLES } from '../sqlite/schema.js';
import type { SqlRunner } from '../sql/runner.js';

export const PG_SCHEMA_VERSION = SQLITE_SCHEMA_VERSION;

/**
 * SQLite's DDL in PostgreSQL's types: 64-bit integers (ids, epoch milliseconds), double precision for REAL, and
 * every text column in the "C" collation, so comparisons, ranges and ORDER BY follow code points as on SQLite and
 * in JavaScript, whatever the database's default collation.
 */
export function pgDdl(sqliteDdl: string): string {
  return sqliteDdl
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
    .replace(/\bTEXT\b/g, 'TEXT COLLATE "C"');
}

/** precrm's advisory lock keys (pg_advisory_xact_lock(PRECRM, key)): "prcm" as a 32-bit number. */
export const PRECRM_LOCK = 0x7072636d;
export const LOCKS = { schema: 1, identity: 2, surveys: 3 } as const;

export interface SchemaState {
  /** 0 when precrm has no tables here yet. */
  version: number;
  /** How many of precrm's tables exist (all of them once set up). */
  tables: number;
}

/**
 * The schema version and tables, in one round trip and without an error when there are none: the version is read
 * through query_to_xml only when schema_version exists (CASE does not evaluate the other branch).
 */
export async function readSchemaState(db: SqlRunner): Promise<SchemaState> {
  const [row] = await db.rows(
    `SELECT (SELECT count(*) FROM unnest(?::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL),
       CASE WHEN to_regclass('schema_version') IS NULL THEN NULL
       ELSE (xpath('/row/v/text()', query_to_xml('SELECT max(version) AS v FROM schema_version', false, true, '')))[1]::text END`,
    [TABLES],
  );
  const version = row![1] === null || row![1] === undefined ? 0 : Number(row![1]);
  return { tables: Number(row![0]), version };
}

/** Refuses what precrm must not touch (65, nothing written): a newer schema, a half-made or foreign one. */
export function checkSchemaState(state: SchemaState, label: string): void {
  if (state.version === 0 && state.tables > 0) {
    throw dataError(`${label} has tables named like precrm's but no schema_version table; it was left untouched (is it another program's database?)`);
  }
  if (!Number.isInteger(state.version) || state.version < 0) throw dataError(`${label} has no valid schema version; it was left untouched`);
  if (state.version > PG_SCHEMA_VERSION) {
    throw dataError(`${label} was written by a newer precrm (schema ${state.version}); upgrade precrm to use it — it was left untouched`);
  }
  if (state.version === PG_SCHEMA_VERSION && state.tables < TABLES.length) {
    throw dataError(`${label} lacks some of precrm's tables; it was left untouched (run: precrm store check)`);
  }
}

/**
 * Brings the schema up to date inside the caller's write transaction: waits for the advisory lock, reads the state
 * again (another first writer may have set it up meanwhile), refuses a newer one, applies what is missing.
 * Returns the version found before (0: this transaction created the tables).
 */
export async function setUpSchema(db: SqlRunner, label: string, now: Date): Promise<number> {
  await db.rows('SELECT pg_advisory_xact_lock(?, ?)', [PRECRM_LOCK, LOCKS.schema]);
  const state = await readSchemaState(db);
  checkSchemaState(state, label);
  for (let v = state.version + 1; v <= PG_SCHEMA_VERSION; v++) {
    await db.run(pgDdl(MIGRATIONS[v - 1]!));
    await db.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [v, now.toISOString()]);
  }
  return state.version;
}
