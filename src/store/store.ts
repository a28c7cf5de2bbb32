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
  /** Copies the current data to `target` (or a dated file beside the store); returns the path written. */
  backup(target: string | undefined, now: Date): Promise<string>;
}
