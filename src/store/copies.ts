// Copies of the store precrm keeps beside it — the pre-migration `.schemaN.bak` — and the dated backups of
// `store backup`, as seen by `prospect forget`: precrm's own copies must not keep a forgotten person, and the user
// must be told which of their backups still do.
import { readFile, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function filesMatching(store: string, suffix: string): Promise<string[]> {
  const re = new RegExp(`^${escape(basename(store))}\\.${suffix}$`);
  const names = await readdir(dirname(store)).catch(() => [] as string[]);
  return names.filter((n) => re.test(n)).sort().map((n) => join(dirname(store), n));
}

/** The pre-migration copies of the store at real path `store` (`store.json.schema0.bak`, `….schema0-2.bak`). */
const migrationCopies = (store: string) => filesMatching(store, 'schema\\d+(-\\d+)?\\.bak');

/**
 * The dated backups beside the store: `store backup`'s (`store.json.20260310-123456.bak`, `…-2.bak`) and the copy a
 * SQLite store's upgrade keeps (`shop.db.schema2-20260310-123456.bak`), which is the user's to delete.
 */
const datedBackups = (store: string) => filesMatching(store, '(schema\\d+-)?\\d{8}-\\d{6}(-\\d+)?\\.bak');

/** Every string value in a parsed JSON document. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/**
 * True when the file holds any of `needles` (case-insensitively) in one of its strings. A file that is not JSON
 * is searched as text; one that cannot be read counts as holding them, since nobody can say it does not.
 */
async function holdsAny(path: string, needles: readonly string[]): Promise<boolean> {
  const lower = needles.map((n) => n.toLowerCase());
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return true;
  const has = (s: string) => lower.some((n) => s.toLowerCase().includes(n));
  try {
    for (const s of strings(JSON.parse(text))) if (has(s)) return true;
    return false;
  } catch {
    return has(text);
  }
}

/**
 * After a forget: removes precrm's own copies (beside the real path `real`) holding the person, and lists the
 * dated backups (beside the real path or the path as given, `shown`) that still do.
 */
export async function forgetInCopies(real: string, shown: string, needles: readonly string[]): Promise<{ removed: string[]; backups: string[] }> {
  const removed: string[] = [];
  for (const copy of await migrationCopies(real)) {
    if (!(await holdsAny(copy, needles))) continue;
    await unlink(copy);
    removed.push(copy);
  }
  const candidates = new Set([...(await datedBackups(shown)), ...(await datedBackups(real))]);
  return { removed, backups: await holding([...candidates], needles) };
}

async function holding(files: readonly string[], needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (await holdsAny(file, needles)) found.push(file);
  return found;
}

/** The dated backups beside the store at `store` (any backend: a SQLite copy is searched as text) holding a needle. */
export const backupsHolding = async (store: string, needles: readonly string[]): Promise<string[]> => holding(await datedBackups(store), needles);
