// Writes a domain Changes inside a transaction, parents before children on insert and children before parents on
// delete, so a database with foreign keys accepts every step.
import type { Changes } from '../domain/changes.js';
import type { StoreTransaction } from './store.js';

export async function applyChanges(tx: StoreTransaction, c: Changes): Promise<void> {
  if (c.insert.prospects.length) await tx.insert('prospect', c.insert.prospects);
  if (c.insert.surveys.length) await tx.insert('survey', c.insert.surveys);
  // A moved purchase is in place before its prospect's write rewrites the first one (merge).
  if (c.update.purchases.length) await tx.update('purchase', c.update.purchases);
  if (c.update.prospects.length) await tx.update('prospect', c.update.prospects);
  if (c.insert.touches.length) await tx.insert('touch', c.insert.touches);
  if (c.insert.responses.length) await tx.insert('response', c.insert.responses);
  if (c.update.touches.length) await tx.update('touch', c.update.touches);
  if (c.update.responses.length) await tx.update('response', c.update.responses);
  if (c.delete.responses.length) await tx.delete('response', c.delete.responses);
  if (c.delete.touches.length) await tx.delete('touch', c.delete.touches);
  if (c.delete.prospects.length) await tx.delete('prospect', c.delete.prospects);
  if (c.delete.mergedProspects.length) await tx.delete('prospect', c.delete.mergedProspects, { merged: true });
}
