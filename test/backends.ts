// The storage backends the tests run on. Command tests do `describe.each(BACKENDS)(…)` and take one fresh store per
// test from `backend.tempStore()`, so "identical output on every backend" is tested, not hoped.
// The SQLite and PostgreSQL engineers add one entry each here (and nothing else is needed for the command tests).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, parseLocation } from '../src/store/open.js';
import type { BackendKind, Store } from '../src/store/store.js';
import { tempDir } from './helpers.js';

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

// SQLite joins the list once the commands these tests drive (export, prospect show …) run on the Store interface.
export const BACKENDS: TestBackend[] = [JSON_BACKEND];

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
