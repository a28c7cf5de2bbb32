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

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: { isTTY: process.stdin.isTTY, stream: process.stdin },
  osUser: osUser(),
  homedir: homedir(),
  cwd: process.cwd(),
});
process.exitCode = code;
