// Upgrading a SQLite store to this precrm's schema: the migrations (sql/migrations.ts) on the write connection,
// inside the write transaction that first needs them; an existing store is first copied to a dated backup beside it,
// so whatever the new schema does to the data, the file as the older precrm left it is kept.
import type BetterSqlite3 from 'better-sqlite3';
import { localDay, localTime } from '../../domain/dates.js';
import { EXIT, PrecrmError, dataError } from '../../domain/errors.js';
import { applyMigrations, upgradeStep, type MigrationTx } from '../sql/migrations.js';
import { SCHEMA3_DATA, schemaMigrations } from '../sql/migrations-list.js';
import { backupDatabase } from './backup.js';
import { foreignKeyProblems } from './check.js';
import { firstFreeName } from './own-files.js';
import { SqliteRunner } from './runner.js';
import { SQLITE_DDL } from './ddl.js';
import { SQLITE_SCHEMA_VERSION } from './schema.js';

type Db = BetterSqlite3.Database;

/** SQLite's migrations: its DDL per version (ddl.ts), then schema 3's data step computed in TypeScript. */
const SQLITE_MIGRATIONS = schemaMigrations(SQLITE_DDL, SCHEMA3_DATA);

/** The write connection as a migration's transaction (better-sqlite3 is synchronous: each call settles at once). */
class SqliteMigrationTx extends SqliteRunner implements MigrationTx {
  async exec(script: string): Promise<void> {
    this.db.exec(script);
  }
}

/** The local date and time as YYYYMMDD-HHMMSS, for dated backup names. */
export const backupStamp = (now: Date): string => `${localDay(now).replaceAll('-', '')}-${localTime(now, true).replaceAll(':', '')}`;

/**
 * Copies the store, as the older precrm left it, to `<file>.schema<from>-<stamp>.bak` (mode 0600; `-2` … when the
 * name is taken). Called under the write lock, before anything is written: a second, read-only connection copies
 * the last commit (SQLite's online backup), which no other writer can change meanwhile.
 */
async function backupBeforeUpgrade(Database: typeof BetterSqlite3, path: string, from: number, now: Date): Promise<string> {
  const dest = await firstFreeName((n) => `${path}.schema${from}-${backupStamp(now)}${n > 1 ? `-${n}` : ''}.bak`);
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  try {
    await backupDatabase(reader, dest);
  } finally {
    reader.close();
  }
  return dest;
}

/** What an upgrade did: the versions, and the backup made first (null for a new store). */
export interface Upgrade { from: number; to: number; backup: string | null }

/** Brings the open store from schema `from` to this precrm's, inside the caller's write transaction. */
export async function upgradeSchema(Database: typeof BetterSqlite3, db: Db, path: string, from: number, now: Date): Promise<Upgrade> {
  if (from >= SQLITE_SCHEMA_VERSION) return { from, to: from, backup: null };
  const backup = from > 0 ? await backupBeforeUpgrade(Database, path, from, now) : null;
  if (backup) await upgradeStep('backed-up');
  await applyMigrations(new SqliteMigrationTx(db), SQLITE_MIGRATIONS, from, now, SQLITE_SCHEMA_VERSION);
  // The new foreign keys are checked at COMMIT; a store whose old rows point at missing ones is refused here, by name.
  const [broken] = foreignKeyProblems(db);
  if (broken) throw dataError(`the store ${path} cannot be upgraded to schema ${SQLITE_SCHEMA_VERSION}: ${broken}; it was left as it was`);
  return { from, to: SQLITE_SCHEMA_VERSION, backup };
}

/** A store at an older schema that cannot be upgraded here (73): what was wrong, and the command that upgrades it. */
export function cannotUpgrade(path: string, from: number, err: PrecrmError): PrecrmError {
  const why = err.message.replace(/^cannot write (the store|the backup) \S+ \((.*?)\).*$/s, '$2');
  return new PrecrmError(
    `the store ${path} is at schema ${from} and this precrm needs schema ${SQLITE_SCHEMA_VERSION}, but it cannot be upgraded here (${why}); run \`precrm store upgrade\` as a user who may write the file and its folder`,
    EXIT.cantCreate,
  );
}
