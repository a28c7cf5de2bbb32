// The real path of a file that may not exist yet: symlinks resolved all the way, even a dangling one, so two paths
// to one file (a symlink and its target) always compare equal — for the store's lock and for refusing outputs.
import { readlink, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

const MAX_LINKS = 40; // as the kernel's own limit on symlinks followed in one lookup

/** Resolves `path` (absolute) like realpath(3), but also when it, or folders above it, do not exist yet. */
export async function realPathOf(path: string, depth = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (depth > MAX_LINKS) throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
  // A dangling symlink: follow it to where it points.
  const link = await readlink(path).catch(() => null);
  if (link !== null) return realPathOf(resolve(dirname(path), link), depth + 1);
  const parent = dirname(path);
  if (parent === path) return path;
  return join(await realPathOf(parent, depth), basename(path));
}
