// Composition root: the only module that reads process state (argv, env, TTYs) and sets the exit code.
import { homedir, userInfo } from 'node:os';
import { Interruption, type StopSignal } from './interruption.js';
import { runCli } from './run.js';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/**
 * stdout that stops quietly when its reader goes away (`precrm prospect list | head`): the EPIPE is swallowed,
 * later writes are dropped, and the command still finishes (and releases any lock) instead of crashing.
 */
function pipeSafeStdout(): { write(text: string): boolean; isTTY?: boolean; columns?: number; rows?: number } {
  let closed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw err;
  });
  return {
    isTTY: process.stdout.isTTY,
    get columns() { return process.stdout.columns; },
    get rows() { return process.stdout.rows; },
    write: (text: string) => (closed ? false : process.stdout.write(text)),
  };
}

/** The pager owns the terminal while it runs: Ctrl-C belongs to it (less uses it), not to precrm. */
let pagerOpen = false;
async function pager(command: string, text: string, env: Record<string, string | undefined>): Promise<boolean> {
  const { runPager } = await import('./output/pager.js');
  pagerOpen = true;
  try {
    return await runPager(command, text, env);
  } finally {
    pagerOpen = false;
  }
}

/**
 * Ctrl-C / SIGTERM: during a write (store or output file) the write is told and stops before its rename, or
 * finishes it, and the command exits 130/143 saying which. At any other moment nothing is being written: say so
 * and end as the signal would have ended the process.
 */
function watchSignals(interruption: Interruption): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as StopSignal[]) {
    process.on(signal, () => {
      if (signal === 'SIGINT' && pagerOpen) return;
      if (interruption.receive(signal)) return;
      process.stderr.write(`${interruption.outcome}\n`);
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  }
}

const interruption = new Interruption();
watchSignals(interruption);
// Tests kill an upgrade at a named step (test/store/upgrade-safety.test.ts); loaded only when they ask.
if (process.env.PRECRM_TEST_UPGRADE_STOP) {
  (await import('./store/upgrade-steps.js')).stopUpgradesAt(process.env.PRECRM_TEST_UPGRADE_STOP, (text) => process.stderr.write(text));
}
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: pipeSafeStdout(),
  stderr: process.stderr,
  pager,
  stdin: { isTTY: process.stdin.isTTY, stream: process.stdin },
  osUser: osUser(),
  homedir: homedir(),
  cwd: process.cwd(),
  pid: process.pid,
  interruption,
});
process.exitCode = code;
