// The SQL schema's migrations, whatever the dialect: each version's DDL as the backend spells it, followed by the
// data steps written in TypeScript that its DDL leaves to them. Each backend passes its own DDL (sqlite/, postgres/).
import { ddlMigrations, type Migration, type MigrationTx } from './migrations.js';
import { fillSchema3 } from './schema3-data.js';

type DataSteps = Readonly<Record<number, (tx: MigrationTx) => Promise<void>>>;

/**
 * Schema 3's data step: for a DDL that renames schema 2's prospects, stage_history and consent to v2_* and
 * creates the new tables, the prospects are rebuilt from the domain's records (tags, purchases, funnel reach).
 */
export const SCHEMA3_DATA: DataSteps = { 3: fillSchema3 };

/** The migrations of a backend whose DDL is `ddl` (ddl[n] takes the database from schema n - 1 to n). */
export function schemaMigrations(ddl: Readonly<Record<number, string>>, steps: DataSteps): Migration[] {
  return ddlMigrations(ddl, steps);
}
