// What a store path may name before anything is read from it: nothing yet, or a regular file with exactly one name.
// A FIFO would block the open (and ignore signals), a device like /dev/zero would be read until memory runs out,
// and a second hard link gives SQLite a second -wal (acknowledged writes lost at the next checkpoint) and the JSON
// store a silent fork at its next atomic rename. Both file backends call this as they are opened.
import { stat } from 'node:fs/promises';
import { EXIT, PrecrmError } from '../domain/errors.js';
import { kindOfFile } from '../files/fs-errors.js';

/** Exit 73 unless `path` (symlinks followed) names nothing yet or one regular file with a single hard link. */
export async function refuseOddStoreFile(path: string): Promise<void> {
  // stat never opens the file, so a FIFO cannot block here; a missing file (or folder) is a store not made yet,
  // and any other failure is left to the read, which reports it in its own words.
  const st = await stat(path).catch(() => null);
  if (st === null) return;
  if (!st.isFile()) {
    throw new PrecrmError(`the store ${path} is ${kindOfFile(st)}, not a regular file; precrm did not read it — point --store (or PRECRM_STORE) at a store file`, EXIT.cantCreate);
  }
  if (st.nlink > 1) {
    throw new PrecrmError(
      `the store ${path} has ${st.nlink} hard links; precrm refuses it, as writes through one name can be lost through another — keep one name (remove the other links; use a symlink for a second path)`,
      EXIT.cantCreate,
    );
  }
}
