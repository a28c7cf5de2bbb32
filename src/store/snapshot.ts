// A JSON snapshot of any store as one text, read in one consistent pass: what `store backup` sends to a device, a
// FIFO or stdout, where no file can be renamed into place. Loadable with `store migrate`, as a JSON store is.
import { EXIT, PrecrmError } from '../domain/errors.js';
import { emptyDoc } from '../domain/types.js';
import { loadDump } from './dump.js';
import type { Store } from './store.js';

export async function snapshotText(store: Store): Promise<string> {
  if (await store.absent()) throw new PrecrmError(`there is no store at ${store.describe()} yet; nothing to back up`, EXIT.noInput);
  const { DocTransaction } = await import('./json/doc-transaction.js');
  const doc = emptyDoc();
  await loadDump(new DocTransaction(doc), store.dump(), store.describe());
  return JSON.stringify(doc);
}
