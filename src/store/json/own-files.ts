// Which files belong to a JSON store: the store itself, its lock and its temp files, all at the store's real path.
import { resolve } from 'node:path';
import { realPathOf } from '../../files/real-path.js';
import { isTempOf } from '../../files/temp-files.js';

/** True when `path` (a real path) is the store at `location`, its lock or one of its temp files. */
export async function jsonStoreOwns(location: string, path: string): Promise<boolean> {
  const real = await realPathOf(location).catch(() => resolve(location));
  return path === real || path === `${real}.lock` || isTempOf(real, path);
}
