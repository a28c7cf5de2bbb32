// The PostgreSQL store's tables: its numbered migrations (ddl.ts), set up or upgraded by the first write that needs it under a transaction-scoped advisory lock, so
// two first writers cannot race and nothing is held once the transaction ends (PgBouncer's transaction mode).
import { EXIT, PrecrmError, dataError } from '../../domain/errors.js';
import type { SqlRunner } from '../sql/runner.js';
import { SQL_SCHEMA_VERSION, TABLES } from '../sql/tables.js';
import { applyMigrations, type MigrationTx } from '../sql/migrations.js';
import { SCHEMA3_DATA, schemaMigrations } from '../sql/migrations-list.js';
import { PG_DDL } from './ddl.js';

export const PG_SCHEMA_VERSION = SQL_SCHEMA_VERSION;

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
 * The schema version and tables, in one statement (one round trip on every open) and without an error when there
 * are none. Tables are counted from pg_class with the statement's snapshot (to_regclass would trust this session's
 * catalog cache, which can still say "no such table" after another session created it); the version is read
 * through query_to_xml only when schema_version exists (CASE does not evaluate the other branch, and the function,
 * being volatile, is not folded while planning).
 */
export async function readSchemaState(db: SqlRunner): Promise<SchemaState> {
  const has = "bool_or(c.relname = 'schema_version')";
  const [row] = await db.rows(
    `SELECT count(*), ${has}, CASE WHEN ${has} THEN (xpath('/row/v/text()', query_to_xml('SELECT max(version) AS v FROM schema_version', false, true, '')))[1]::text END
       FROM pg_catalog.pg_class c
       WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p') AND c.relname = ANY(?::text[])`,
    [TABLES],
  );
  const tables = Number(row![0]);
  if (row![1] !== 1) return { tables, version: 0 }; // a boolean reads as 1 or 0 (types.ts)
  return { tables, version: row![2] === null ? Number.NaN : Number(row![2]) };
}

/** The tables appeared (or changed) since this session looked: the transaction must start again to see them. */
export class SchemaChanged extends Error {}

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
 * Brings the schema up to date inside the caller's write transaction: waits for the advisory lock, then checks
 * that the tables are as the session last saw them (`seen`: another first writer may have set them up meanwhile:
 * SchemaChanged, and the caller starts again) and applies the migrations after `seen`.
 */
export async function setUpSchema(db: SqlRunner, label: string, now: Date, seen: SchemaState): Promise<void> {
  await db.rows('SELECT pg_advisory_xact_lock(?, ?)', [PRECRM_LOCK, LOCKS.schema]);
  const state = await readSchemaState(db);
  if (state.tables !== seen.tables || (state.version !== seen.version && !(Number.isNaN(state.version) && Number.isNaN(seen.version)))) throw new SchemaChanged();
  checkSchemaState(state, label);
  try {
    await applyMigrations(migrationTx(db), PG_MIGRATIONS, state.version, now, PG_SCHEMA_VERSION);
  } catch (err) {
    // A role that may only read and write tables (README § team) cannot create or alter them.
    if (err instanceof PrecrmError && err.exitCode === EXIT.noPerm) throw noRightToMigrate(label, state.version);
    throw err;
  }
}

/** PostgreSQL's migrations: its own DDL per version (ddl.ts), then schema 3's data step computed in TypeScript. */
const PG_MIGRATIONS = schemaMigrations(PG_DDL, SCHEMA3_DATA);

/** The transaction's runner as a migration's: a script without parameters goes through the simple protocol. */
const migrationTx = (db: SqlRunner): MigrationTx => ({
  dialect: db.dialect,
  rows: (sql, params) => db.rows(sql, params),
  run: (sql, params) => db.run(sql, params),
  exec: async (script) => { await db.run(script); },
});

/** 77: the role may read and write rows but not create or alter tables. */
function noRightToMigrate(label: string, from: number): PrecrmError {
  if (from === 0) {
    return new PrecrmError(`${label}: the first write creates precrm's tables: make it once as the database owner (e.g. precrm --store postgres://owner@host/db store check after a first write, or store migrate into it)`, EXIT.noPerm);
  }
  return new PrecrmError(
    `${label} is at schema ${from} and this precrm needs schema ${PG_SCHEMA_VERSION}; this role may not alter the tables: run \`precrm store upgrade\` once as the database owner (e.g. precrm --store postgres://owner@host/db store upgrade)`,
    EXIT.noPerm,
  );
}
