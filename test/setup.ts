// Run before each test file (vitest setupFiles): the hooks every file needs. A hook registered as a shared module
// loads would run only in the first file that loads it once files share their modules (isolate off, as in
// test:fast and the SQLite and PostgreSQL command projects).
import { afterAll, afterEach } from 'vitest';
import { dropStoreDatabases, emptyUsedStoreDatabases } from './pg.js';
import { removeTempDirs } from './temp-dirs.js';

afterEach(removeTempDirs);
afterEach(emptyUsedStoreDatabases);
afterAll(dropStoreDatabases);
