// Test harness: runs precrm in-process through the same argv path as the CLI, with a fixed clock and captured streams.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { releaseStoreDatabase, storeDatabase } from './pg.js';
import { tempDir } from './temp-dirs.js';
import { Context, type GlobalOptions, type Prompter, type World } from '../src/context/context.js';
import { emptyDoc, type StoreDoc } from '../src/domain/types.js';
import { runCli } from '../src/run.js';

export interface RunResult { code: number; stdout: string; stderr: string }

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Fixed "now" (ISO); default 2026-03-10T12:00:00Z. */
  now?: string;
  /** Pretend stdin is a terminal and answer prompts with this prompter. */
  prompter?: Prompter;
  stdoutTTY?: boolean;
  /** Stdout and stderr are one terminal window of this size (as main.ts hands in a real one). */
  terminal?: { columns: number; rows: number };
  stdinStream?: NodeJS.ReadableStream;
  /** The working directory relative paths (`-o FILE`) resolve against; default the process's. */
  cwd?: string;
}

export const DEFAULT_NOW = '2026-03-10T12:00:00.000Z';

export { tempDir };

/**
 * The backend the command tests run on: JSON, or SQLite / PostgreSQL when PRECRM_TEST_BACKEND says so
 * (vitest.config.ts runs test/commands once per backend), so every command-level test holds on each of them.
 */
export const TEST_BACKEND: 'json' | 'sqlite' | 'postgres' =
  process.env.PRECRM_TEST_BACKEND === 'sqlite' ? 'sqlite' : process.env.PRECRM_TEST_BACKEND === 'postgres' ? 'postgres' : 'json';

/**
 * A store location of the backend the tests run on that holds nothing yet: a path in a new temp folder, or a
 * database of this test file's, emptied after each test (test/pg.ts).
 */
export async function tempStore(): Promise<string> {
  if (TEST_BACKEND === 'postgres') return (await storeDatabase()).url;
  return join(tempDir(), TEST_BACKEND === 'sqlite' ? 'store.db' : 'store.json');
}

/**
 * Hands back a store tempStore() gave, before the test ends, for a test that makes many (a property test): on
 * PostgreSQL its database is emptied for the next tempStore() instead of a new one made (CREATE DATABASE costs
 * ~0.1-1 s); a file store's folder goes when the test ends, as always.
 */
export async function releaseTempStore(location: string): Promise<void> {
  if (TEST_BACKEND === 'postgres') await releaseStoreDatabase(location);
}

/** The warning a read of a location that holds no store yet ends with (a --store typo in a crontab must show). */
export function missingStoreWarning(location: string): string {
  const what = /^postgres(ql)?:/.test(location)
    ? `the database ${location.replace(/:[^:@/]*@/, ':***@')} holds no precrm store`
    : `the store ${location} does not exist`;
  return `warning: ${what}, so there was nothing to read (check --store or PRECRM_STORE; it is created by the first write)\n`;
}

const LIST = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses', purchase: 'purchases', tally: 'tallies', occasion: 'occasions' } as const;

/** Everything a store holds, read through its backend (any backend), as one document. */
export async function storedDoc(location: string): Promise<StoreDoc> {
  const { openTestStore } = await import('./backends.js');
  const store = await openTestStore(location);
  const doc = emptyDoc();
  try {
    for await (const batch of store.dump()) {
      if (batch.kind === 'counters') doc.nextId = batch.counters;
      else if (batch.kind === 'suppression') doc.suppression = { secret: batch.secret, entries: batch.entries };
      else (doc[LIST[batch.kind]] as unknown[]).push(...batch.records);
    }
  } finally {
    await store.close();
  }
  return doc;
}

/** Whether anything exists at a store location: the file (for SQLite its -wal/-shm companions too), or tables. */
export async function storeCreated(location: string): Promise<boolean> {
  if (/^postgres(ql)?:/.test(location)) return (await import('./backends.js')).POSTGRES_BACKEND.created(location);
  return [location, `${location}-wal`, `${location}-shm`].some((f) => existsSync(f));
}

/**
 * What a store keeps, for "nothing was written" checks: the file's bytes and, for SQLite, the changes its -wal
 * holds (an empty or missing -wal holds none); for a database, everything it holds, id counters included.
 */
export async function storeBytes(location: string): Promise<Buffer> {
  if (/^postgres(ql)?:/.test(location)) return Buffer.from(JSON.stringify(await storedDoc(location)));
  const wal = `${location}-wal`;
  return Buffer.concat([readFileSync(location), ...(existsSync(wal) ? [readFileSync(wal)] : [])]);
}

export async function run(store: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const { world, output } = testWorld(store, opts);
  const code = await runCli(args, world);
  return { code, ...output() };
}

/**
 * A Context on `store` with the test clock and captured streams, configured as the global options say, for tests
 * that call a verb's `run(ctx, options)` directly; close its store with `ctx.stores.close()` (or use withContext).
 */
export async function testContext(store: string, opts: RunOptions & { global?: GlobalOptions } = {}): Promise<{ ctx: Context; output(): { stdout: string; stderr: string } }> {
  const { world, output } = testWorld(store, opts);
  const ctx = new Context(world);
  await ctx.configure({ ...opts.global });
  return { ctx, output };
}

/** Runs `fn` with a test Context on `store` and closes the store whatever happens. */
export async function withContext<T>(store: string, fn: (ctx: Context) => Promise<T>, opts: RunOptions & { global?: GlobalOptions } = {}): Promise<T> {
  const { ctx } = await testContext(store, opts);
  try {
    return await fn(ctx);
  } finally {
    await ctx.stores.close();
  }
}

function testWorld(store: string, opts: RunOptions): { world: World; output(): { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const world: World = {
    env: { PRECRM_STORE: store, PRECRM_USER: 'tester', ...opts.env },
    stdout: { write: (s: string) => { stdout += s; }, isTTY: opts.stdoutTTY ?? Boolean(opts.terminal), ...opts.terminal },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: Boolean(opts.terminal), ...opts.terminal },
    stdin: { isTTY: Boolean(opts.prompter), stream: opts.stdinStream },
    osUser: 'osuser',
    pid: process.pid,
    homedir: '/nonexistent-home',
    cwd: opts.cwd ?? process.cwd(),
    clock: () => new Date(opts.now ?? DEFAULT_NOW),
    prompter: opts.prompter,
  };
  return { world, output: () => ({ stdout, stderr }) };
}

/**
 * A prompter that replays answers in order and fails the test if asked more than expected. An input answer its
 * `validate` refuses is recorded in `rejected` (the message the prompt would show) and the next answer is typed.
 */
export function scriptedPrompter(answers: (string | boolean | number | undefined)[]): Prompter & { asked: string[]; rejected: string[] } {
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = (q: string) => {
    asked.push(q);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${q}`);
    return answers.shift();
  };
  return {
    asked,
    rejected,
    input: async (q, opts) => {
      for (;;) {
        const answer = String(next(q));
        const verdict = opts?.validate ? await opts.validate(answer) : true;
        if (verdict === true) return answer;
        rejected.push(verdict);
      }
    },
    confirm: async (q) => Boolean(next(q)),
    select: async (q) => next(q) as never,
    number: async (q) => next(q) as number | undefined,
  };
}

export const BIN = fileURLToPath(new URL('../bin/precrm', import.meta.url));

/** Spawns the built bin/precrm (end-to-end), as `user` when given (through runuser); stdin is closed unless `input` is given. */
export function spawnPrecrm(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string; user?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: 'production', ...opts.env };
    delete env.PRECRM_STORE;
    Object.assign(env, opts.env ?? {});
    const [command, argv] = opts.user === undefined ? [process.execPath, [BIN, ...args]] : ['runuser', ['-u', opts.user, '--', process.execPath, BIN, ...args]];
    const child = spawn(command, argv, { env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A fresh store holding one prospect added with `prospect add …addArgs` (default: Ravi Sen, ravi@example.com). */
export async function storeWith(addArgs: string[] = ['Ravi Sen', '--email', 'ravi@example.com'], opts: RunOptions = {}): Promise<string> {
  const store = await tempStore();
  const r = await run(store, ['prospect', 'add', ...addArgs], opts);
  if (r.code !== 0) throw new Error(`fixture prospect add failed: ${r.stderr}`);
  return store;
}
