// The names of precrm's temp files: `.<name>.precrm-<pid>-<random>.tmp` beside the file they will replace, so
// anyone can tell whose they are, precrm can find the ones an interrupted write left behind, and no other file
// is ever mistaken for one.
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (name: string) => new RegExp(`^\\.${escape(name)}\\.precrm-(\\d+)-[0-9a-f]+\\.tmp$`);

/**
 * A fresh temp path for a write of `target` by process `pid`. The random part only keeps two writes of one
 * process apart (the pid keeps processes apart, and the file is created exclusively): Math.random serves, and
 * every command that writes no longer loads node:crypto (~5 ms of start-up) for it.
 */
export function tempPathFor(target: string, pid: number): string {
  const random = Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0');
  return join(dirname(target), `.${basename(target)}.precrm-${pid}-${random}.tmp`);
}

/** True when `path` is (or would be) one of precrm's temp files for `target`. */
export function isTempOf(target: string, path: string): boolean {
  return dirname(path) === dirname(target) && pattern(basename(target)).test(basename(path));
}

/** The temp files of `target` in its folder, as full paths (none when the folder cannot be read). */
export async function tempFilesOf(target: string): Promise<string[]> {
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  const re = pattern(basename(target));
  return names.filter((n) => re.test(n)).sort().map((n) => join(dirname(target), n));
}

/**
 * Removes the temp files of `target`. Only safe under the store's lock: every write makes its temp file while
 * holding the lock, so whatever is found then was left by a write that can no longer finish (a killed process).
 */
export async function removeTempFiles(target: string): Promise<string[]> {
  const found = await tempFilesOf(target);
  for (const path of found) await unlink(path).catch(() => undefined);
  return found;
}
