// File-system errors in words a user can act on, the same for the store, its lock and every file precrm writes.
import { EXIT, PrecrmError } from '../domain/errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system',
  ENOSPC: 'no space left on device', ENOTDIR: 'a part of the path is not a folder', EISDIR: 'it is a folder',
  EEXIST: 'a file is in the way', EDQUOT: 'disk quota exceeded', ENOENT: 'no such file or folder',
  EFBIG: 'file too large', ESHORT: 'fewer bytes reached the disk than were written', ELOOP: 'too many symbolic links',
  EPIPE: 'the reader closed it', ENXIO: 'nothing is there to receive it', ECONNREFUSED: 'nothing is listening',
  EBADF: 'it is not open for writing',
};

/** `CODE: reason` for an errno error, else its message. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${REASONS[e.code] ?? 'file system error'}` : String((err as Error)?.message ?? err);
}

const errnoOf = (err: unknown): string | undefined => {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** No room: the disk or the quota is full, or a file-size limit was hit (a short write counts too). */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'ESHORT']);
export const isDiskFull = (err: unknown): boolean => DISK_FULL.has(errnoOf(err) ?? '');

/**
 * A failed write of `what` (e.g. "the store /x/store.json") as exit 73; `kept` says what became of the old
 * content. Anything that is not a file-system error is a bug and passes through unchanged.
 */
export function writeFailure(what: string, err: unknown, kept: string, hint = 'check the path and its permissions'): unknown {
  if (errnoOf(err) === undefined) return err;
  if (isDiskFull(err)) return new PrecrmError(`cannot write ${what}: the disk is full (${fsReason(err)}); ${kept} — free some space and try again`, EXIT.cantCreate);
  return new PrecrmError(`cannot write ${what} (${fsReason(err)}); ${hint}`, EXIT.cantCreate);
}

/** What a file that is not a regular file is, in words: "a named pipe (FIFO)", "a character device" … */
export function kindOfFile(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSymbolicLink(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}
