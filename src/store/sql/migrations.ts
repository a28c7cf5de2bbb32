// Migrations as code: each is a module that takes a SQL database from one schema version to the next, running SQL
// and, where the data needs it, computing in TypeScript with the domain's own functions. The runner applies the
// missing ones inside the caller's write transaction, so an upgrade is whole or not at all.
import { upgradeStep } from '../upgrade-steps.js';
import type { SqlRunner } from './runner.js';

/** What a migration runs on: the write transaction's statements, plus scripts of several statements (DDL). */
export interface MigrationTx extends SqlRunner {
  /** Runs a script of statements without parameters (CREATE/ALTER …). */
  exec(script: string): Promise<void>;
}

export interface Migration {
  /** The schema version this migration makes (it runs on a database at version - 1). */
  readonly version: number;
  up(tx: MigrationTx): Promise<void> | void;
}

/** Migrations from a dialect's DDL (DDL[n] takes the database from n - 1 to n), with the steps that follow a version's DDL. */
export function ddlMigrations(ddl: Readonly<Record<number, string>>, after: Readonly<Record<number, (tx: MigrationTx) => Promise<void>>> = {}): Migration[] {
  return Object.keys(ddl).map(Number).sort((a, b) => a - b).map((version) => ({
    version,
    up: async (tx: MigrationTx) => {
      await tx.exec(ddl[version]!);
      await after[version]?.(tx);
    },
  }));
}

/** The newest version a list of migrations makes. */
const latestVersion = (migrations: readonly Migration[]): number => Math.max(0, ...migrations.map((m) => m.version));

/**
 * Applies, in order, each migration newer than `from` (up to `to`), recording each in schema_version with `now`.
 * Between migrations it passes `upgradeStep`, where a test may stop the process (store/upgrade-steps.ts).
 */
export async function applyMigrations(tx: MigrationTx, migrations: readonly Migration[], from: number, now: Date, to = latestVersion(migrations)): Promise<void> {
  const due = migrations.filter((m) => m.version > from && m.version <= to).sort((a, b) => a.version - b.version);
  for (const m of due) {
    await m.up(tx);
    await tx.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [m.version, now.toISOString()]);
    if (from > 0) await upgradeStep(`migrated-${m.version}`);
  }
}
