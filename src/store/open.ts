// Where the data lives (docs/CONTRACT.md §7) and the backend that serves it. Each backend loads only when opened, so start-up
// never loads a database driver, and a JSON store never loads SQLite or PostgreSQL code.
import { resolve } from 'node:path';
import { usageError } from '../domain/errors.js';
import type { JsonFileStoreOptions } from './json-file.js';
import { redactPostgresUrl } from './postgres/settings.js';
import type { Store } from './store.js';
import { refuseOddStoreFile } from './store-file.js';

export { pgLoginRole } from './postgres/settings.js';

export type StoreLocation =
  | { kind: 'json'; path: string }
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

const POSTGRES = /^postgres(?:ql)?:\/\//i;
const SQLITE_PREFIX = /^sqlite:/i;
const SQLITE_FILE = /\.(?:db|sqlite|sqlite3)$/i;

/**
 * docs/CONTRACT.md §7's table: `postgres://`/`postgresql://` → PostgreSQL (the URL as given, never path-resolved);
 * `sqlite:<path>` or a path ending .db/.sqlite/.sqlite3 (any case) → SQLite; any other path → JSON.
 * Paths are resolved against `cwd`.
 */
export function parseLocation(raw: string, cwd: string): StoreLocation {
  if (POSTGRES.test(raw)) return { kind: 'postgres', url: raw };
  if (SQLITE_PREFIX.test(raw)) {
    const path = raw.replace(SQLITE_PREFIX, '');
    if (path.trim() === '') throw usageError('--store sqlite: needs a file path (e.g. sqlite:shop.db)');
    return { kind: 'sqlite', path: resolve(cwd, path) };
  }
  return { kind: SQLITE_FILE.test(raw) ? 'sqlite' : 'json', path: resolve(cwd, raw) };
}

/** A URL with its password replaced by ***, whether or not it parses (postgres/settings.ts). */
const redactUrl = (url: string): string => redactPostgresUrl(url);

/** The location for people: a path, or a PostgreSQL URL without its password. */
export const describeLocation = (loc: StoreLocation): string => (loc.kind === 'postgres' ? redactUrl(loc.url) : loc.path);

export interface OpenOptions extends JsonFileStoreOptions {
  /** How long to wait for a database server (PRECRM_CONNECT_TIMEOUT). */
  connectTimeoutMs: number;
  /** Where a server URL's gaps are filled from, as libpq does (PG* variables, ~/.pgpass, the OS user name). */
  server?: {
    env: Record<string, string | undefined>;
    homedir: string;
    osUser: string;
    /** Asks for a password the server wants, at the terminal (absent when nobody can be asked). */
    askPassword?: (question: string) => Promise<string>;
    /** Shows a warning to the person running the command. */
    warn?: (text: string) => void;
  };
}


/**
 * Opens the backend for a location. Opening connects to nothing and creates nothing; the first write sets up. A
 * store file that is not a regular file with one name is refused here, before either file backend reads it.
 */
export async function openStore(loc: StoreLocation, options: OpenOptions): Promise<Store> {
  if (loc.kind !== 'postgres') await refuseOddStoreFile(loc.path);
  switch (loc.kind) {
    case 'json': {
      const { JsonStore } = await import('./json/store.js');
      return new JsonStore(loc.path, options);
    }
    case 'sqlite': {
      // better-sqlite3 loads with this chunk, so a JSON store never pays for it.
      const { SqliteStore } = await import('./sqlite/store.js');
      return new SqliteStore(loc.path, options);
    }
    case 'postgres': {
      // pg loads with this chunk, so a file store never pays for it.
      const { PostgresStore } = await import('./postgres/store.js');
      return new PostgresStore(loc.url, { ...options, ...(options.server ?? { env: {}, homedir: '', osUser: '' }) });
    }
  }
}
