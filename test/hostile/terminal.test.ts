// Stored escape sequences on stdout: replaced in every format when stdout is a terminal, byte-exact through a pipe.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../src/context/context.js';
import { runCli } from '../../src/run.js';
import { DEFAULT_NOW, run } from '../helpers.js';
import { TERMINAL_UNSAFE } from './fixtures.js';

/** Each part is something a terminal acts on when it is printed raw. */
export const EVIL = [
  'Ann',
  '\u001b]52;c;cHduZWQ=\u0007', // OSC 52: writes the clipboard
  '\u001b]8;;https://evil.example/\u001b\\here\u001b]8;;\u001b\\', // OSC 8: a link that reads as something else
  '\u001b]0;owned\u0007', // OSC 0: the window title
  '\u001b[2J', // clears the screen
  '\u001b[8mhidden\u001b[0m', // colour that conceals
  'cr\rover', // a bare CR: the rest overwrites the line
  '\u202eesrever', // right-to-left override
  '\u009b31m', // 8-bit CSI
  'del\u007f',
  '\u2066iso\u2069',
  'rlm\u200f',
].join(' ');

const ALL_UNSAFE = new RegExp(TERMINAL_UNSAFE.source, 'g');

/**
 * A store where every text a command can print holds EVIL, and an import file that echoes it in its reasons; in a
 * folder of this file's own, since the helpers' temp folders go after each test and the views share one store.
 */
async function hostileStore(dir: string): Promise<{ store: string; file: string }> {
  const store = join(dir, 'store.json');
  const steps = [
    ['prospect', 'add', EVIL, '--email', 'ann@example.com', '--source', EVIL, '--tag', EVIL, '--note', EVIL, '--field', `k=${EVIL}`],
    ['touch', 'log', '1', 'greeting', EVIL, '--by', EVIL],
    ['prospect', 'follow-up', '1', 'today', EVIL],
    ['survey', 'create', 'feel', '--question', `why:text:${EVIL}`],
    ['survey', 'respond', 'feel', '--prospect', '1', '--answer', `why=${EVIL}`, '--no-input'],
    ['survey', 'create', 'Hide \u001b[8mit\u001b]0;owned\u0007 \u202e2', '--question', `why:text:${EVIL}`],
  ];
  for (const args of steps) {
    const r = await run(store, args);
    expect(r.code, `${args.slice(0, 2).join(' ')}: ${r.stderr}`).toBe(0);
  }
  const quoted = `"${EVIL.replace(/"/g, '""')}"`;
  const file = join(dir, 'in.csv');
  writeFileSync(file, `name,email,stage\n${quoted},bad${EVIL}@x,\nOk,ok@example.com,${quoted}\n`);
  return { store, file };
}

const TEXT_VIEWS = [
  ['prospect', 'list', '--format', 'csv'],
  ['prospect', 'list', '--format', 'tsv'],
  ['export', 'prospects'],
  ['export', 'touches'],
  ['export', 'touches', '--format', 'tsv'],
  ['due', '--format', 'csv'],
  ['touch', 'list', '--format', 'tsv'],
  ['import', 'prospects', 'FILE', '--dry-run', '--skip-invalid', '--format', 'csv'],
  ['prospect', 'show', '1', '--format', 'csv'],
  ['prospect', 'show', '1', '--format', 'tsv'],
  ['report', 'survey', 'feel', '--by', 'source', '--format', 'csv'],
  ['report', 'sources', '--format', 'csv'],
];

const JSON_VIEWS = [
  ['prospect', 'list', '--json'],
  ['export', 'prospects', '--format', 'json'],
  ['due', '--json'],
  ['touch', 'list', '--json'],
  ['import', 'prospects', 'FILE', '--dry-run', '--skip-invalid', '--json'],
  ['prospect', 'show', '1', '--json'],
  ['survey', 'show', 'feel', '--json'],
  ['report', 'survey', 'feel', '--by', 'source', '--json'],
  ['digest', '--format', 'json'],
];

/** The same command through a pipe and on a terminal (no colour, so the only difference is what is replaced). */
async function bothSides(store: string, args: string[]) {
  const piped = await run(store, args, { env: { NO_COLOR: '1' } });
  const tty = await run(store, args, { env: { NO_COLOR: '1' }, stdoutTTY: true });
  expect(piped.code, `${args.join(' ')}: ${piped.stderr}`).toBe(0);
  expect(tty.code, `${args.join(' ')}: ${tty.stderr}`).toBe(0);
  return { piped: piped.stdout, tty: tty.stdout };
}

describe('stored escape sequences on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precrm-terminal-'));
  let store = '';
  let file = '';
  beforeAll(async () => {
    ({ store, file } = await hostileStore(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withFile = (args: string[]) => args.map((a) => (a === 'FILE' ? file : a));
  const named = (views: string[][]) => views.map((args) => [args.join(' '), args] as const);

  it.each(named(TEXT_VIEWS))('%s: replaced on a terminal, the bytes as stored through a pipe', async (_name, args) => {
    const { piped, tty } = await bothSides(store, withFile(args));
    // The pipe carries what was stored (the test would prove nothing otherwise), unchanged.
    expect(piped).toMatch(/\u001b\]52;c;chduzwq=\u0007/i); // sources and tags are kept lower-cased
    expect(tty).not.toMatch(TERMINAL_UNSAFE);
    // Nothing else differs: each dangerous character became U+FFFD, tabs and line ends stayed.
    expect(tty).toBe(piped.replace(ALL_UNSAFE, '\ufffd'));
  });

  it.each(named(JSON_VIEWS))('%s: valid JSON on a terminal, the same data, C1, DEL and bidi characters \\u-escaped', async (_name, args) => {
    const { piped, tty } = await bothSides(store, withFile(args));
    // JSON.stringify escapes C0 itself; C1, DEL and the bidi controls reach a pipe raw.
    expect(piped).toMatch(/\\u001b\]52;c;chduzwq=/i);
    expect(piped).toMatch(/\u202e/);
    expect(tty).not.toMatch(TERMINAL_UNSAFE);
    expect(tty).toContain('\\u202eesrever');
    expect(JSON.parse(tty)).toEqual(JSON.parse(piped));
  });

  it('a table on a terminal keeps its own colour and replaces every stored control', async () => {
    for (const args of [['prospect', 'list'], ['due'], ['prospect', 'show', '1'], ['touch', 'list'], ['survey', 'show', '2'], ['report', 'sources']]) {
      const r = await run(store, args, { env: { FORCE_COLOR: '1' }, stdoutTTY: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).toContain('\u001b[1m'); // bold, from precrm itself
      expect(r.stdout, args.join(' ')).not.toContain('\u001b[8m'); // the stored one
      // Colour (SGR) is the only escape sequence left.
      expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, ''), args.join(' ')).not.toMatch(TERMINAL_UNSAFE);
    }
  });

  it('digests, help and other text never pass a stored control to a terminal', async () => {
    for (const args of [['digest'], ['digest', '--format', 'markdown'], ['digest', '--format', 'html'], ['survey', 'list', '--format', 'csv'], ['help', 'stages'], ['--help']]) {
      const r = await run(store, args, { env: { NO_COLOR: '1' }, stdoutTTY: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(TERMINAL_UNSAFE);
    }
  });

  it('long output handed to the pager is replaced too, since the pager prints it on the terminal', async () => {
    let paged = '';
    let stdout = '';
    const world: World = {
      env: { PRECRM_STORE: store, PRECRM_USER: 'tester', NO_COLOR: '1', LINES: '2', PRECRM_PAGER: 'less' },
      stdout: { write: (s: string) => { stdout += s; }, isTTY: true },
      stderr: { write: () => undefined, isTTY: false },
      stdin: { isTTY: false },
      osUser: 'osuser',
      homedir: '/nonexistent-home',
      cwd: process.cwd(),
      clock: () => new Date(DEFAULT_NOW),
      pager: async (_command, text) => { paged += text; return true; },
    };
    expect(await runCli(['prospect', 'list', '--format', 'csv'], world)).toBe(0);
    expect(paged).toContain('\ufffd]52;c;');
    expect(paged).not.toMatch(TERMINAL_UNSAFE);
    expect(stdout).toBe('');
  });
});
