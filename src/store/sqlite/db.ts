// The driver's handle on one database file, as every SQLite module names it (its own file, so that the modules
// connection.ts uses can name it without importing connection.ts back).
import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
