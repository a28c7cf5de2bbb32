// A store's dump written as a new JSON store file: how a server store is backed up, so the backup opens as a store
// of its own (`--store backup.json`) and `store migrate` can load it anywhere.
import type { DumpBatch } from './store.js';

/** Loads `dump` into a new JSON store at `path` (which must hold nothing), under that file's own lock. */
export async function writeJsonCopy(path: string, dump: AsyncIterable<DumpBatch>, lockTimeoutMs: number): Promise<void> {
  const { JsonStore } = await import('./json/store.js');
  const copy = new JsonStore(path, { lockTimeoutMs });
  try {
    await copy.load(dump);
  } finally {
    await copy.close();
  }
}
