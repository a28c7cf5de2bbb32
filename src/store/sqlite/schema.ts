// The SQLite store's schema: the version it writes and its migrations (the DDL of each version in ddl.ts; schema 3
// also has a data step written in TypeScript, shared with PostgreSQL: sql/schema3-data.ts).
import { SQL_SCHEMA_VERSION, TABLES } from '../sql/tables.js';
import { SQLITE_DDL } from './ddl.js';

/** The version this program writes; a database with a higher one is refused (exit 65), a lower one migrated. */
export const SQLITE_SCHEMA_VERSION = SQL_SCHEMA_VERSION;

/** MIGRATIONS[n - 1]: the DDL that takes a database from version n - 1 to n. */
export const MIGRATIONS: readonly string[] = Array.from({ length: SQLITE_SCHEMA_VERSION }, (_, i) => SQLITE_DDL[i + 1]!);

export { TABLES };
