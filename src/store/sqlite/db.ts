// The type of an open SQLite database, apart from the code that opens one, so the helpers that take a database
// (statements, runner, check, backup) never import connection.ts back.
import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
