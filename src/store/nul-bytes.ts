// Where a record holds a NUL byte (U+0000): PostgreSQL cannot store one in text, so a store written before imports
// refused them is checked record by record on its way to another backend, and the record and field are named.
import type { DumpBatch } from './store.js';

/** The path of the first string holding a NUL (`notes`, `fields.allergy`, `stageHistory[1].note`), or null. */
function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const keyHasNul = key.includes('\0');
    const found = keyHasNul ? (path ? `${path}.` : '') + JSON.stringify(key) : nulPath(v, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** The first record of a batch holding a NUL: "prospect #3, notes". */
export function nulInBatch(batch: DumpBatch): string | null {
  if (batch.kind === 'counters' || batch.kind === 'suppression') return null;
  for (const record of batch.records as { id: number }[]) {
    const path = nulPath(record);
    if (path !== null) return `${batch.kind} #${record.id}, ${path}`;
  }
  return null;
}
