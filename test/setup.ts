// Run before each test file (vitest setupFiles): hooks every file needs. A hook registered when a shared module
// loads would run only in the first file that loads it once files share modules (test:fast runs with isolate off).
import { afterEach } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterEach(removeTempDirs);
