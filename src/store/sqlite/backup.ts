// `store backup` for SQLite: SQLite's online backup API into a new 0600 file, copying every page in one step so
// the copy is one consistent snapshot even while other processes keep writing.
import { closeSync, openSync, realpathSync, rmSync } from 'node:fs';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { fsReason } from '../load.js';
import type { Db } from './db.js';

const cannotWrite = (dest: string, why: string) => new PrecrmError(`cannot write the backup ${dest} (${why})`, EXIT.cantCreate);

/** The real path of a file that may not exist yet (its folder's real path plus its name). */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export async function backupDatabase(db: Db, dest: string): Promise<void> {
  const store = realTarget(db.name);
  const target = realTarget(dest);
  if ([store, `${store}-wal`, `${store}-shm`, `${store}-journal`].includes(target)) {
    throw cannotWrite(dest, 'it is the store itself; choose another file');
  }
  try {
    // A new file with mode 0600 ('wx': an existing file is never overwritten); SQLite then fills it.
    closeSync(openSync(dest, 'wx', 0o600));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw cannotWrite(dest, e.code === 'EEXIST' ? 'it exists already; choose a new name or remove it first' : fsReason(err));
  }
  try {
    // All remaining pages per step: a step reads one snapshot, so no other writer can make the copy inconsistent.
    await db.backup(dest, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(dest, { force: true });
    throw cannotWrite(dest, fsReason(err));
  }
}
