// Opens the JSON-file store without loading it: lowdb, the lock, atomic writes and validation load on first use,
// so commands that never touch the store (--version, --help, store path) start as fast as node allows.
import { emptyDoc, type StoreDoc } from '../domain/types.js';
import type { JsonFileStoreOptions } from './json-file.js';
import type { Store } from './store.js';

export function openJsonFileStore(location: string, options: JsonFileStoreOptions): Store {
  let backend: Promise<Store> | undefined;
  const load = () => (backend ??= import('./json-file.js').then((m) => new m.JsonFileStore(location, options)));
  return {
    location,
    // A read needs only the file and the quick check: not lowdb, the lock or the atomic writer.
    read: async () => (await (await import('./load.js')).loadFile(location))?.doc ?? emptyDoc(),
    update: async <T>(change: (doc: StoreDoc) => T) => (await load()).update(change),
    check: async () => (await load()).check(),
    backup: async (target: string | undefined, now: Date, options?: { replace?: boolean }) => (await load()).backup(target, now, options),
    strays: async () => (await load()).strays(),
    forgetCopies: async (strings: readonly string[]) => (await load()).forgetCopies(strings),
    // Asked before every output file is written: needs only path logic, not lowdb or the lock.
    ownsFile: async (path: string) => (await import('./json/own-files.js')).jsonStoreOwns(location, path),
  };
}
