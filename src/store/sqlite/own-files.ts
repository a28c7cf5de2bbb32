// The files of a SQLite store, for the outputs rule (commands/common/output-file.ts: nothing precrm writes may replace
// them) and for `store backup`'s new dated names. SQLite recovers an interrupted write from its own journal, so
// unlike the JSON store it leaves no temp files of precrm's behind.
import { lstat } from 'node:fs/promises';
import { realPathOf } from '../../files/real-path.js';

/** True when `path` (a real path) is the database at `location` or one of SQLite's files beside it. */
export async function sqliteStoreOwns(location: string, path: string): Promise<boolean> {
  const real = await realPathOf(location).catch(() => location);
  return [real, `${real}-wal`, `${real}-shm`, `${real}-journal`].includes(path);
}

/** The first of `nameFor(1)`, `nameFor(2)` … that names no file yet. */
export async function firstFreeName(nameFor: (n: number) => string): Promise<string> {
  for (let n = 1; ; n++) {
    const taken = await lstat(nameFor(n)).then(() => true, () => false);
    if (!taken) return nameFor(n);
  }
}
