// Runs a pager (less, more, a user's $PAGER) on the terminal with text on its stdin; loaded only when paging.
import { spawn } from 'node:child_process';

/** Resolves true once the pager has quit, false when it could not be started (then the caller prints directly). */
export function runPager(command: string, text: string, env: Record<string, string | undefined>): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(false));
    // Quitting the pager before the end closes its stdin: the rest of the text is simply not wanted.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
    // 127: the shell found no such command, so nothing was shown.
    child.on('close', (code) => resolve(code !== 127));
  });
}
