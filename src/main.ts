// Composition root: the only module that reads process state (argv, env, TTYs) and sets the exit code.
import { homedir, userInfo } from 'node:os';
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
function pipeSafeStdout(): { write(text: string): boolean; isTTY?: boolean } {
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
    write: (text: string) => (closed ? false : process.stdout.write(text)),
  };
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: pipeSafeStdout(),
  stderr: process.stderr,
  stdin: { isTTY: process.stdin.isTTY, stream: process.stdin },
  osUser: osUser(),
  homedir: homedir(),
  cwd: process.cwd(),
});
process.exitCode = code;
