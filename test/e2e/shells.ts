// Which shells the completion tests can run in. Outside CI a missing zsh or fish skips its tests (reported as
// skipped, with the command that installs it); in CI (.ci/run installs both) a missing shell fails them.
import { execFileSync } from 'node:child_process';
import { it } from 'vitest';

export function installed(shell: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';

/** `it`, run when `shell` is installed or in CI (where its absence is a failure), else reported as skipped. */
export function itInShell(shell: string): ReturnType<typeof it.skipIf> {
  const missing = !installed(shell);
  if (missing && !inCI) console.warn(`${shell} is not installed: its completion tests are skipped (apt-get install ${shell})`);
  return it.skipIf(missing && !inCI);
}

/** Throws, in CI, when the shell is missing: called first in each such test. */
export function requireShell(shell: string): void {
  if (!installed(shell)) throw new Error(`${shell} is not installed: CI must install it (.ci/run: apt-get install ${shell})`);
}
