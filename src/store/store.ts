// The Store interface every backend implements; free of lowdb types so another backend can replace it.
import type { StoreDoc } from '../domain/types.js';

export interface Store {
  /** Where the data lives (a file path for the JSON backend). */
  readonly location: string;
  /** A validated snapshot. A store that does not exist yet reads as empty and nothing is created. */
  read(): Promise<StoreDoc>;
  /**
   * The only way to write: lock, re-read, validate, run `change`, write atomically, unlock.
   * If `change` throws, nothing is written and the error passes through.
   */
  update<T>(change: (doc: StoreDoc) => T): Promise<T>;
  /** Problems found in the stored data (empty when it is sound). */
  check(): Promise<string[]>;
  /**
   * Copies the current data, atomically and mode 0600, to `target` (a real path; an existing file is replaced only
   * with `replace`, else the write fails with EEXIST) or to a new dated file beside the store. Returns the path.
   */
  backup(target: string | undefined, now: Date, options?: { replace?: boolean }): Promise<string>;
  /**
   * After `prospect forget`: removes copies the store made itself that still hold any of `strings` (the JSON
   * store's pre-migration `.bak`), and lists the user's backups that do (they are the user's to delete).
   */
  forgetCopies(strings: readonly string[]): Promise<{ removed: string[]; backups: string[] }>;
  /** Files an interrupted write left behind (temp files): reported by `store check`, removed by the next write. */
  strays(): Promise<string[]>;
  /**
   * True when writing the file at real path `path` would replace the store or one of its own files (its lock, its
   * temp files) — outputs (`export -o`, `--rejects`, `store backup`) are refused there.
   */
  ownsFile(path: string): Promise<boolean>;
}
