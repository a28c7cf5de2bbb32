// Reading the store file: read, parse, check the schema version, migrate, validate — never writes. Kept apart
// from json-file.ts (lowdb, the lock, atomic writes) so a command that only reads loads none of that, and
// valibot loads only when the quick check doubts the document.
import { readFileSync } from 'node:fs';
import { EXIT, PrecrmError, dataError } from '../domain/errors.js';
import type { StoreDoc } from '../domain/types.js';
import { fsReason } from '../files/fs-errors.js';
import { quickCheck } from './quick-check.js';
import { migrate, schemaVersionOf } from './versions.js';

export { fsReason } from '../files/fs-errors.js';

interface Loaded { doc: StoreDoc; migratedFrom: number | null }

/** Reads, parses and validates the file; never writes. `migratedFrom` tells update() to keep a .bak copy. */
export async function loadFile(path: string): Promise<Loaded | null> {
  const text = readStoreText(path);
  return text === null ? null : parseStoreText(path, text);
}

/** The file's text, or null when there is no store yet. One that exists but cannot be read is exit 66, not 65. */
export function readStoreText(path: string): string | null {
  try {
    // Synchronous on purpose: fs.promises reads a 20 MB store in 512 KB turns of the event loop and decodes it
    // chunk by chunk (~40 ms more than one read and one decode); a CLI has nothing to do meanwhile.
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new PrecrmError(`cannot read the store ${path} (${fsReason(err)}); it was left untouched — check its permissions, or use --store`, EXIT.noInput);
  }
}

/** Why the text is not JSON, by position only: the bytes around the error may be a customer's phone number. */
async function notJson(text: string): Promise<string> {
  if (text.trim() === '') return 'it is empty';
  if (text.charCodeAt(0) === 0xfeff) return 'it starts with a byte-order mark';
  return (await import('./json/json-position.js')).jsonErrorAt(text);
}

/** Parses, version-checks, migrates and validates the text of the store at `path` (named in messages). */
export async function parseStoreText(path: string, text: string): Promise<Loaded> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw dataError(`the store ${path} is not valid JSON (${await notJson(text)}); it was left untouched: restore it from a backup or fix it by hand`);
  }
  const version = schemaVersionOf(raw);
  if (version.kind === 'bad') throw dataError(`the store ${path} is not a precrm store (${version.problem}); it was left untouched`);
  if (version.kind === 'newer') {
    throw dataError(`the store ${path} was written by a newer precrm (schema ${version.version}); upgrade precrm to use it — it was left untouched`);
  }
  const migratedFrom = version.kind === 'older' ? version.version : null;
  const current = migratedFrom === null ? raw : migrate(raw as Record<string, unknown>, migratedFrom);
  // The fast check accepts a sound store as parsed; only a doubtful one pays for valibot (and gets its messages).
  const result = migratedFrom === null && quickCheck(current) ? { ok: true as const, doc: current } : (await import('./schema.js')).validateDoc(current);
  if (!result.ok) {
    throw dataError(`the store ${path} fails validation; it was left untouched (run: precrm store check)`, result.problems);
  }
  return { doc: result.doc, migratedFrom };
}
