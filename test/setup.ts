// Run before each test file (vitest setupFiles): the hooks every file needs. A hook registered as a shared module
// loads would run only in the first file that loads it once files share their modules (isolate off, as in
// test:fast and the SQLite and PostgreSQL command projects).
import { afterAll, afterEach, beforeAll } from 'vitest';
import { keepConnections } from '../src/store/postgres/kept.js';
import { dropStoreDatabases, emptyUsedStoreDatabases } from './pg.js';
import { removeTempDirs } from './temp-dirs.js';

// The command tests on PostgreSQL run hundreds of commands in one process: each reuses the connection the last
// one closed (the same statements, without a new server session each); tests of connecting itself run elsewhere.
beforeAll(() => keepConnections(process.env.PRECRM_TEST_BACKEND === 'postgres'));
afterEach(removeTempDirs);
afterEach(emptyUsedStoreDatabases);
afterAll(dropStoreDatabases);
