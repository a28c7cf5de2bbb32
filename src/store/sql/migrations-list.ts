// The SQL schema's migrations, whatever the dialect: each version's DDL as the backend spells it, followed by the
// steps that compute data in TypeScript. Each backend passes its own DDL (sqlite/, postgres/).
import { ddlMigrations, type Migration } from './migrations.js';

/** The migrations of a backend whose DDL is `ddl` (ddl[n] takes the database from schema n - 1 to n). */
export function schemaMigrations(ddl: Readonly<Record<number, string>>): Migration[] {
  return ddlMigrations(ddl, {});
}
