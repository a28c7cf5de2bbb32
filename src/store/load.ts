// Reading the store file: read, parse, check the schema version, migrate, validate — never writes. Kept apart
// from json-file.ts (lowdb, the lock, atomic writes) so a command that only reads loads none of that, and
// valibot loads only when the quick check doubts the document.
import { readFileSync } from 'node:fs';
import { dataError } from '../domain/errors.js';
import type { StoreDoc } from '../domain/types.js';
import { quickCheck } from './quick-check.js';
import { migrate, schemaVersionOf } from './versions.js';

export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system',
    ENOSPC: 'no space left on device', ENOTDIR: 'a part of the path is not a folder', EISDIR: 'it is a folder',
    EEXIST: 'a file is in the way', EDQUOT: 'disk quota exceeded', ENOENT: 'no such file or folder',
  };
  return e?.code ? `${e.code}: ${reasons[e.code] ?? 'file system error'}` : String((err as Error)?.message ?? err);
}

/** Reads, parses and validates the file; never writes. `migrated` tells update() to keep a .bak copy. */
export async function loadFile(path: string): Promise<{ doc: StoreDoc; migratedFrom: number | null } | null> {
  let text: string;
  try {
    // Synchronous on purpose: fs.promises reads a 20 MB store in 512 KB turns of the event loop and decodes it
    // chunk by chunk (~40 ms more than one read and one decode); a CLI has nothing to do meanwhile.
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw dataError(`cannot read the store ${path} (${fsReason(err)}); it was left untouched`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const what = text.trim() === '' ? 'it is empty' : text.charCodeAt(0) === 0xfeff ? 'it starts with a byte-order mark' : (err as Error).message;
    throw dataError(`the store ${path} is not valid JSON (${what}); it was left untouched: restore it from a backup or fix it by hand`);
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

