// The storage backends the tests run on. Tests that pick their backends do `describe.each(BACKENDS)(…)` and take an
// empty store per test from `backend.tempStore()`, so "identical output on every backend" is tested, not hoped; the
// other command tests run once per backend through vitest's projects (helpers.ts tempStore follows the project).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, parseLocation } from '../src/store/open.js';
import type { BackendKind, Store } from '../src/store/store.js';
import { tempDir } from './helpers.js';
import { hasTables, storeDatabase } from './pg.js';

export interface TestBackend {
  name: BackendKind;
  /** A fresh location that holds nothing yet (a path, or a URL of a new database), cleaned up after the test. */
  tempStore(): Promise<string>;
  /** Whether anything was created at the location (a file, or tables): reads must create nothing. */
  created(location: string): Promise<boolean>;
}

export const JSON_BACKEND: TestBackend = {
  name: 'json',
  tempStore: async () => join(tempDir(), 'store.json'),
  created: async (location) => existsSync(location),
};

export const SQLITE_BACKEND: TestBackend = {
  name: 'sqlite',
  tempStore: async () => join(tempDir(), 'store.db'),
  // The file, or its -wal/-shm companions: a read must leave none of them behind.
  created: async (location) => [location, `${location}-wal`, `${location}-shm`].some((f) => existsSync(f)),
};

/** An empty database on the test server (test/pg-server.ts): the file's own, emptied after each test, dropped at its end. */
export const POSTGRES_BACKEND: TestBackend = {
  name: 'postgres',
  tempStore: async () => (await storeDatabase()).url,
  created: (location) => hasTables(decodeURIComponent(new URL(location).pathname.slice(1))),
};

export const BACKENDS: TestBackend[] = [JSON_BACKEND, SQLITE_BACKEND, POSTGRES_BACKEND];

/** A file for a backup or an export of a store of this backend (a server store's backup is a JSON file). */
export const backupPath = (backend: TestBackend, location: string): string =>
  backend.name === 'postgres' ? join(tempDir(), 'backup.json') : `${location.replace(/\.json$/, '')}-backup${backend.name === 'sqlite' ? '.db' : '.json'}`;

/** Test options: short lock waits so a test about contention does not idle for the default 10 s. */
export const TEST_OPEN_OPTIONS = { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000 };

/** Opens a location as precrm would (same parsing of the location). */
export const openTestStore = (location: string): Promise<Store> => openStore(parseLocation(location, process.cwd()), TEST_OPEN_OPTIONS);

export interface OpenedStore { store: Store; location: string; cleanup(): Promise<void> }

/** The factory the contract suite takes: a fresh store of this backend. */
export const factoryFor = (backend: TestBackend) => async (): Promise<OpenedStore> => {
  const location = await backend.tempStore();
  const store = await openTestStore(location);
  return { store, location, cleanup: () => store.close() };
};
