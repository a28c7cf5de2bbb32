// docs/CONTRACT.md §2 global behaviour, in-process: global options anywhere, formats, colour, -q, usage errors, internal errors.
import { describe, expect, it } from 'vitest';
import { run, scriptedPrompter, tempDir, tempStore, storeWith } from '../helpers.js';
import type { Prompter } from '../../src/context/context.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ESC = '\u001b[';

describe('global options', () => {
  it('work after a nested subcommand as well as before it', async () => {
    const store = await storeWith();
    const elsewhere = join(tempDir(), 'other.json');
    const after = await run(elsewhere, ['prospect', 'list', '--store', store, '--json']);
    const before = await run(elsewhere, ['--store', store, '--json', 'prospect', 'list']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)[0]).toMatchObject({ id: 1, name: 'Ravi Sen' });
    expect(after.stdout).toBe(before.stdout);
    expect((await run(elsewhere, ['prospect', 'list', '--store', store, '--format', 'csv'])).stdout).toMatch(/^id,name,email,/);
    expect((await run(elsewhere, ['prospect', 'show', 'ravi', '--store', store, '--format=tsv'])).stdout).toMatch(/^id\tname\temail\t/);
  });

  it('--format takes its value from PRECRM_FORMAT, and the flag wins', async () => {
    const store = await storeWith();
    expect((await run(store, ['prospect', 'list'], { env: { PRECRM_FORMAT: 'csv' } })).stdout).toMatch(/^id,name,/);
    expect((await run(store, ['prospect', 'list', '--json'], { env: { PRECRM_FORMAT: 'csv' } })).stdout).toMatch(/^\[/);
  });

  it.each([
    // Formats are checked per command (digest has its own): the same message as for PRECRM_FORMAT.
    [['prospect', 'list', '--format', 'xml'], /^error: unknown format "xml" \(use one of: table, csv, tsv, json, xlsx\)/],
    [['digest', '--format', 'csv'], /^error: unknown format "csv" \(use one of: text, markdown, html, json\)/],
    [['prospect', 'list', '--bogus'], /^error: unknown option '--bogus'/],
    [['prospect', 'bogus'], /^error: unknown command 'bogus'/],
    [['bogus'], /^error: unknown command 'bogus'/],
    [['prospect', 'show'], /^error: missing required argument 'prospect'/],
    [['prospect', 'stage', '1', 'engaged', 'extra'], /^error: too many arguments/],
  ])('%j is a usage error: exit 2, message on stderr, nothing on stdout', async (args, message) => {
    const r = await run(await storeWith(), args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it.each([
    [{ PRECRM_FORMAT: 'xml' }, /^error: unknown format "xml" \(use one of: table, csv, tsv, json, xlsx\)/],
    [{ PRECRM_LOCK_TIMEOUT: 'soon' }, /^error: PRECRM_LOCK_TIMEOUT "soon" is not a number of milliseconds/],
  ])('a bad environment value %j is a usage error (2)', async (env, message) => {
    const store = (await tempStore());
    const r = await run(store, ['prospect', 'add', 'Ravi'], { env, now: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  /** Runs without the harness's fixed clock, as the real binary does. */
  async function runUnclocked(env: Record<string, string>, args: string[]) {
    const { runCli } = await import('../../src/run.js');
    let stdout = '';
    let stderr = '';
    const world = {
      env, stdin: {}, osUser: 'os', homedir: '/h', cwd: '/',
      stdout: { write: (s: string) => { stdout += s; } }, stderr: { write: (s: string) => { stderr += s; } },
    };
    return { code: await runCli(args, world), stdout, stderr };
  }

  it('PRECRM_NOW sets the clock; a value that is not a date-time is a usage error (2)', async () => {
    const env = { PRECRM_STORE: (await tempStore()), PRECRM_NOW: '2026-02-01T09:30:00Z', PRECRM_USER: 'mitra' };
    expect((await runUnclocked(env, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    expect(JSON.parse((await runUnclocked(env, ['prospect', 'show', '1', '--json'])).stdout).createdAt).toBe('2026-02-01T09:30:00.000Z');
    const bad = await runUnclocked({ ...env, PRECRM_NOW: 'next week' }, ['prospect', 'add', 'Anna']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: PRECRM_NOW "next week" is not an ISO date-time/);
  });

  it.each(['2026-02-30T10:00:00Z', '03/04', 'March 5', '1', 'yesterday', '+275760-09-13T00:00:00Z', '99999-01-01T00:00:00Z'])(
    'PRECRM_NOW %j, which Date() alone would take (or roll over), is a usage error (2) and writes nothing', async (now) => {
      const env = { PRECRM_STORE: (await tempStore()), PRECRM_NOW: now, PRECRM_USER: 'mitra' };
      const r = await runUnclocked(env, ['prospect', 'add', 'Ravi']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: PRECRM_NOW "${now}" is not an ISO date-time (e.g. 2026-03-05T18:30:00Z)\n`);
      expect(existsSync(env.PRECRM_STORE)).toBe(false);
    });

  it('PRECRM_NOW takes a local day or date-time as --at does', async () => {
    const env = { PRECRM_STORE: (await tempStore()), PRECRM_NOW: '2026-03-05 18:30', PRECRM_USER: 'mitra' };
    expect((await runUnclocked(env, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    expect(JSON.parse((await runUnclocked(env, ['prospect', 'show', '1', '--json'])).stdout).createdAt).toBe('2026-03-05T18:30:00.000Z');
  });

  it('--version and --help print to stdout and exit 0', async () => {
    expect(await run((await tempStore()), ['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await run((await tempStore()), ['prospect', 'add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});

describe('messages and -q', () => {
  it('data goes to stdout, messages to stderr, and -q (anywhere) silences the messages', async () => {
    const store = (await tempStore());
    const loud = await run(store, ['prospect', 'add', 'Ravi']);
    expect(loud).toEqual({ code: 0, stdout: '1\n', stderr: 'added prospect 1 (Ravi)\n' });
    expect(await run(store, ['prospect', 'add', 'Anna', '-q'])).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    expect(await run(store, ['-q', 'prospect', 'add', 'Mira'])).toEqual({ code: 0, stdout: '3\n', stderr: '' });
    expect((await run(store, ['prospect', 'list', '--quiet'])).stderr).toBe('');
  });

  it('-q does not silence errors', async () => {
    const r = await run((await tempStore()), ['prospect', 'show', 'nobody', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: no prospect matches "nobody"/);
  });
});

describe('colour', () => {
  const list = async (opts: { tty: boolean; env?: Record<string, string>; args?: string[] }) =>
    (await run(await storeWith(), ['prospect', 'list', ...(opts.args ?? [])], { stdoutTTY: opts.tty, env: opts.env })).stdout;

  it('is on for a terminal and off for a pipe', async () => {
    expect(await list({ tty: true })).toContain(ESC);
    expect(await list({ tty: false })).not.toContain(ESC);
  });

  it('is off with NO_COLOR (non-empty) or --no-color, even on a terminal', async () => {
    expect(await list({ tty: true, env: { NO_COLOR: '1' } })).not.toContain(ESC);
    expect(await list({ tty: true, args: ['--no-color'] })).not.toContain(ESC);
    expect(await list({ tty: true, env: { NO_COLOR: '' } })).toContain(ESC);
  });

  it('follows FORCE_COLOR both ways', async () => {
    expect(await list({ tty: false, env: { FORCE_COLOR: '1' } })).toContain(ESC);
    expect(await list({ tty: true, env: { FORCE_COLOR: '0' } })).not.toContain(ESC);
    expect(await list({ tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).not.toContain(ESC);
  });

  it('never reaches csv, tsv or json output', async () => {
    for (const format of ['csv', 'tsv', 'json']) expect(await list({ tty: true, args: ['--format', format] })).not.toContain(ESC);
  });
});

describe('errors that are not the user\'s', () => {
  const throwing = (err: Error): Prompter => ({
    input: async () => { throw err; },
    confirm: async () => { throw err; },
    select: async () => { throw err; },
    number: async () => { throw err; },
  });

  it('an unexpected error exits 1 with one line and the PRECRM_DEBUG hint, without the data in its message', async () => {
    const r = await run((await tempStore()), ['prospect', 'add'], { prompter: throwing(new TypeError('cannot read Ravi Sen <ravi@example.com>')) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: unexpected internal error (TypeError)\n  (this is a bug; rerun with PRECRM_DEBUG=1 to see the details and stack trace, and report it)\n');
  });

  it('with PRECRM_DEBUG=1 the message and stack are shown', async () => {
    const r = await run((await tempStore()), ['prospect', 'add'], { env: { PRECRM_DEBUG: '1' }, prompter: throwing(new TypeError('boom here')) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TypeError: boom here\n\s+at /);
  });

  it('Ctrl-C at a prompt exits 130 quietly and writes nothing', async () => {
    const store = (await tempStore());
    const ctrlC = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    const r = await run(store, ['prospect', 'add'], { prompter: throwing(ctrlC) });
    expect(r).toEqual({ code: 130, stdout: '', stderr: 'interrupted\n' });
    const asked = scriptedPrompter([]);
    expect((await run(store, ['prospect', 'list', '--json'], { prompter: asked })).stdout).toBe('[]\n');
  });
});
