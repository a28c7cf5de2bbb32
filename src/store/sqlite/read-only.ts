// Reading a SQLite store where SQLite cannot make or grow its -shm file: read-only media, a folder the user may
// read but not write, a full disk. better-sqlite3 is built without URI file names, so SQLite's `immutable=1` open
// is out of reach; instead the database file, when no -wal holds changes not yet copied into it, is read into
// memory as a rollback-journal database — exact, as nothing else can be writing it there either.
import { readFileSync, statSync, type Stats } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { EXIT, PrecrmError } from '../../domain/errors.js';

type Db = BetterSqlite3.Database;

/**
 * What SQLite answers when a reader needs a -shm it cannot create, map or grow: the folder or file system is
 * read-only (CANTOPEN, READONLY_DIRECTORY, READONLY_CANTINIT…) or the disk is full (IOERR_SHMSIZE…).
 */
const NEEDS_SHM = /^SQLITE_(CANTOPEN|READONLY_(DIRECTORY|CANTINIT|CANTLOCK|RECOVERY)|IOERR_SHM[A-Z]*)$/;

export const needsShm = (code: string): boolean => NEEDS_SHM.test(code);

/** True when the -wal file holds frames: changes SQLite has not copied into the database file yet. */
export function walHoldsChanges(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

const sameFile = (a: Stats, b: Stats): boolean =>
  a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/** The database file's bytes from one moment: read again while a writer elsewhere changes it (a checkpoint). */
function steadyBytes(path: string): Buffer {
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = statSync(path);
    const bytes = readFileSync(path);
    if (sameFile(before, statSync(path))) return bytes;
  }
  throw new PrecrmError(`cannot read the store ${path}: another process kept changing it while it was read; try again`, EXIT.tempFail);
}

/**
 * The store as an in-memory, read-only database, when SQLite could not open it in place for `reason` (its error
 * code). Refused (66) when the -wal holds changes: reading those needs the -shm that cannot be made here.
 */
export function openInMemory(Database: typeof BetterSqlite3, path: string, reason: string): Db {
  if (walHoldsChanges(path)) {
    const full = /SHMSIZE|SHMMAP/.test(reason);
    const why = full ? 'the disk is full' : 'the folder or file system is read-only';
    const then = full ? 'free some space' : 'run any precrm command on it once as a user who may write its folder (that copies them in)';
    throw new PrecrmError(
      `cannot read the store ${path}: ${path}-wal holds changes not yet copied into it, and SQLite reads them only through ${path}-shm, which cannot be made here (${why}: ${reason}); ${then}, then try again`,
      EXIT.noInput,
    );
  }
  const bytes = steadyBytes(path);
  // Bytes 18 and 19 of the header: file format write/read versions, 2 = WAL, 1 = rollback journal.
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}
