// Real file-system failures for the fault tests: small tmpfs mounts (full, nearly full, read-only) and other users.
// They need Linux and root. Elsewhere the tests that use them skip and say why; under CI (CI=true, which `.ci/run`
// is run with, as root) a missing privilege fails the run instead, so these tests can never silently stop running.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
export const NEEDS_ROOT = 'needs Linux and root to mount a tmpfs or act as another user; CI runs it';

/** True when the root-only tests must run: as root, or under CI where skipping them would hide a failure. */
export const canUseMounts = isRoot || Boolean(process.env.CI);

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts.splice(0).reverse()) {
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  }
});

/** Mounts a fresh tmpfs with these options (e.g. `size=64k`) and unmounts it after the file's tests. */
export function mountTmpfs(options: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'precrm-mount-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Bytes an unprivileged writer may still put on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}
