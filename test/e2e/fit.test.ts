// Tables and help in real pseudo-terminals of 80 and 100 columns: no line wider than the window (wide characters
// count as two cells), the columns left out named on stderr; the same commands piped print every value in full.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { createProgram } from '../../src/cli.js';
import { Context } from '../../src/context/context.js';
import { BIN, run, spawnPrecrm } from '../helpers.js';

// Debian's own python3 when present: a version-manager shim in front of it costs a second per run.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SIZED = fileURLToPath(new URL('./sized_terminal.py', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));
const NOW = '2026-11-23T08:00:00Z';

interface Screen { code: number; screen: string }

/** Runs precrm in a pseudo-terminal `cols` wide; the pager is `cat` here (paging has its own test). */
function inTerminal(cols: number, args: string[], env: Record<string, string | undefined> = {}): Promise<Screen> {
  const base: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', PRECRM_NOW: NOW, PRECRM_PAGER: 'cat', TERM: 'xterm' };
  delete base.COLUMNS;
  delete base.LINES;
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [SIZED, String(cols), '40', process.execPath, BIN, ...args], { env: merged, timeout: 40_000, maxBuffer: 1 << 24 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as Screen);
    });
  });
}

const tooWide = (screen: string, cols: number) => screen.split('\n').filter((line) => stringWidth(line) > cols);

/** Every command path (`touch log`, `report funnel` …), from the program itself so a new command is covered too. */
function commandPaths(): string[][] {
  const ctx = new Context({ env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin: {}, osUser: 'x', homedir: '/', cwd: '/' });
  const walk = (cmd: Command, prefix: string[]): string[][] =>
    cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => [[...prefix, c.name()], ...walk(c, [...prefix, c.name()])]);
  return [[], ...walk(createProgram(ctx), [])];
}

/** Runs jobs a few at a time (two cores are shared by everyone). */
async function inBatches<T, R>(items: T[], size: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...await Promise.all(items.slice(i, i + size).map(job)));
  return out;
}

// One store for the whole file (helpers' tempDir() is emptied after each test).
const dir = mkdtempSync(join(tmpdir(), 'precrm-fit-'));
const store = join(dir, 'store.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  // The sample bakery plus people whose names and notes are wide characters and long text.
  copyFileSync(SAMPLE, store);
  const add = async (args: string[]) => {
    const r = await run(store, args, { now: NOW });
    if (r.code !== 0) throw new Error(r.stderr);
  };
  await add(['prospect', 'add', '田中 美咲 (Misaki Tanaka)', '--email', 'misaki.tanaka.wagashi@example.jp', '--phone', '+81 90 1234 5678',
    '--source', '市場', '--tag', '和菓子', '--tag', 'wholesale', '--owner', 'mitra', '--follow-up', 'today', '--next', '抹茶ロールの試食を届けて、年末の注文について相談する']);
  await add(['prospect', 'add', '김민준', '--email', 'minjun.kim@example.kr', '--source', 'walk-in', '--follow-up', 'today',
    '--next', 'bring the 24-piece assortment box for the office party and ask about recurring Friday deliveries']);
  await add(['touch', 'log', '田中', 'tasting', '抹茶ロールとほうじ茶のシフォンを試食、とても気に入った様子', '--at', 'yesterday', '--direction', 'in']);
}, 240_000);

const TABLES: string[][] = [
  ['due'], ['due', '--within', '7d'], ['stale'], ['prospect', 'list'], ['prospect', 'show', 'ravi'], ['prospect', 'show', '田中'],
  ['touch', 'list'], ['report', 'funnel'], ['report', 'funnel', '--by', 'source'], ['report', 'sources'], ['report', 'touches'],
  ['report', 'velocity'], ['report', 'cohorts'], ['report', 'referrals'], ['report', 'activity', '--by', 'staff'],
  ['report', 'survey', 'bakery perception', '--by', 'segment'], ['survey', 'list'], ['survey', 'show', 'bakery perception'],
  ['help', 'stages'], ['help', 'dates'], ['help', 'formats'], ['help', 'exit-codes'], ['help', 'csv'], ['digest', '--since', '30d'],
];

/**
 * Every command in a window of `cols`, in-process: stdout and stderr are a terminal of that size, handed in as
 * main.ts hands in the real one (a precrm process in a pseudo-terminal: the tests below and inTerminal's).
 */
const inWindow = async (cols: number, args: string[]): Promise<Screen> => {
  const r = await run(store, args, { now: NOW, terminal: { columns: cols, rows: 40 } });
  return { code: r.code, screen: r.stdout + r.stderr };
};

// Deadlines, not measures: a pseudo-terminal session takes ~0.3 s on a quiet machine and ten at a load average of 30.
const LOADED = { timeout: 240_000 };

describe.each([80, 100])('a terminal %i columns wide', LOADED, (cols) => {
  it('every table command prints no line wider than the window', async () => {
    const screens = await inBatches(TABLES, 4, (args) => inWindow(cols, args));
    screens.forEach((s, i) => {
      expect({ args: TABLES[i], code: s.code }).toEqual({ args: TABLES[i], code: 0 });
      expect({ args: TABLES[i], tooWide: tooWide(s.screen, cols) }).toEqual({ args: TABLES[i], tooWide: [] });
    });
  });

  it('every --help wraps to the window', async () => {
    const paths = commandPaths();
    expect(paths.length).toBeGreaterThan(30);
    const screens = await inBatches(paths, 4, (path) => inWindow(cols, [...path, '--help']));
    screens.forEach((s, i) => {
      expect({ help: paths[i], code: s.code, tooWide: tooWide(s.screen, cols) }).toEqual({ help: paths[i], code: 0, tooWide: [] });
      expect(s.screen).toContain('Examples:');
    });
  });

  it('a precrm process measures its pseudo-terminal: a wide report and a long help fit it', async () => {
    for (const args of [['--store', store, 'report', 'funnel', '--by', 'source'], ['prospect', 'add', '--help']]) {
      const s = await inTerminal(cols, args);
      expect({ args, code: s.code, tooWide: tooWide(s.screen, cols) }).toEqual({ args, code: 0, tooWide: [] });
    }
  });
});

describe('fitting the window', LOADED, () => {
  it('due at 80 columns keeps name, reason and contact, leaves out the least important columns, says which on stderr, and cuts long notes with …', async () => {
    const { code, screen } = await inTerminal(80, ['--store', store, 'due'], { NO_COLOR: '1' });
    expect(code).toBe(0);
    const header = screen.split('\n').find((l) => l.startsWith('│ name'))!;
    // Who, why and how to reach them (phone, else email) before any other column.
    expect(header.split('│').map((h) => h.trim()).filter(Boolean)).toEqual(['name', 'reason', 'contact', 'note']);
    expect(screen).toMatch(/│ 김민준 +│ follow-up │ minjun\.kim@example\.kr +│/);
    expect(screen).toMatch(/│ 田中 美咲 \(Misak… │ follow-up │ \+81 90 1234 5678 +│/);
    expect(screen.replace(/\s+/g, ' ')).toContain(
      'left out to fit 80 columns: id, due, overdue, last touch, type, stage, owner, phone, email (to see them: a wider window, --columns to choose, or --format csv)');
    expect(screen).toMatch(/│ bring the 24-pi…\s*│/);
    // Wide characters take two cells each: the cut 田中 note still ends exactly at the border.
    const tanaka = screen.split('\n').find((l) => l.includes('田中'))!;
    expect(stringWidth(tanaka)).toBe(stringWidth(header));
    expect(tanaka).toMatch(/…\s*│$/);
  });

  it('a wider window shows more columns; COLUMNS overrides the window as in git and ls', async () => {
    const wide = await inTerminal(100, ['--store', store, 'prospect', 'list'], { NO_COLOR: '1' });
    const narrow = await inTerminal(100, ['--store', store, 'prospect', 'list'], { NO_COLOR: '1', COLUMNS: '60' });
    const headers = (s: string) => s.split('\n').find((l) => l.startsWith('│ id'))!.split('│').map((h) => h.trim()).filter(Boolean);
    expect(headers(wide.screen).length).toBeGreaterThan(headers(narrow.screen).length);
    expect(tooWide(narrow.screen, 60)).toEqual([]);
  });

  it('piped, the same commands print every column and every value in full', async () => {
    for (const [args, values] of [
      [['due'], (r: any) => [r.name, r.email, r.phone, r.note]],
      [['prospect', 'list'], (r: any) => [r.name, r.email, r.phone, r.source, ...r.tags]],
      [['touch', 'list'], (r: any) => [r.note, r.by]],
    ] as const) {
      const table = await spawnPrecrm(['--store', store, ...args], { env: { PRECRM_NOW: NOW, COLUMNS: '80' } });
      const json = await spawnPrecrm(['--store', store, ...args, '--json'], { env: { PRECRM_NOW: NOW } });
      expect(table.code).toBe(0);
      expect(table.stdout).not.toContain('…');
      expect(table.stderr).not.toContain('left out');
      const expected = (JSON.parse(json.stdout) as unknown[]).flatMap((r) => values(r)).filter((v): v is string => typeof v === 'string');
      expect(expected.length).toBeGreaterThan(5);
      for (const v of expected) expect(table.stdout).toContain(v);
    }
  });

  it('colour: overdue rows of due in red, lost prospects in grey; none with NO_COLOR or in a pipe', async () => {
    const due = await inTerminal(100, ['--store', store, 'due']);
    const priya = due.screen.split('\n').find((l) => l.includes('Priya Nair'))!; // 3 days overdue
    const ravi = due.screen.split('\n').find((l) => l.includes('Ravi Sen'))!; // due today
    expect(priya).toContain('\u001b[31mPriya Nair');
    expect(ravi).not.toContain('\u001b[31m');
    const list = await inTerminal(100, ['--store', store, 'prospect', 'list']);
    expect(list.screen.split('\n').find((l) => l.includes('Tomás Ortega'))).toContain('\u001b[90mTomás Ortega');
    const plain = await inTerminal(100, ['--store', store, 'due'], { NO_COLOR: '1' });
    expect(plain.screen).not.toContain('\u001b[');
    const piped = await spawnPrecrm(['--store', store, 'due'], { env: { PRECRM_NOW: NOW } });
    expect(piped.stdout).not.toContain('\u001b[');
  });
});

describe('pager', LOADED, () => {
  const PAGER = 'echo "paged with LESS=$LESS"; sed "s/^/> /"';
  const list = ['--store', SAMPLE, 'prospect', 'list'];

  it('output longer than the screen goes through PRECRM_PAGER (then PAGER), with LESS=FRX unless set', async () => {
    const paged = await inTerminal(100, list, { NO_COLOR: '1', PRECRM_PAGER: PAGER });
    expect(paged.code).toBe(0);
    expect(paged.screen).toContain('paged with LESS=FRX');
    expect(paged.screen).toMatch(/^> │ {2}1 │ Ravi Sen /m);
    // The count on stderr comes after the pager has quit, not in the middle of the table.
    expect(paged.screen.trimEnd().endsWith('43 prospect(s)')).toBe(true);
    const viaPager = await inTerminal(100, list, { NO_COLOR: '1', PRECRM_PAGER: undefined, PAGER: PAGER, LESS: 'R' });
    expect(viaPager.screen).toContain('paged with LESS=R');
  });

  it('not for short output, not with --no-pager, not when piped, and a missing pager prints directly', async () => {
    const env = { NO_COLOR: '1', PRECRM_PAGER: PAGER };
    const short = await inTerminal(100, ['--store', SAMPLE, 'survey', 'list'], env);
    expect(short.screen).not.toContain('paged with');
    const noPager = await inTerminal(100, ['--no-pager', ...list], env);
    expect(noPager.screen).not.toContain('paged with');
    expect(noPager.screen).toMatch(/^│ {2}1 │ Ravi Sen /m);
    const piped = await spawnPrecrm(list, { env });
    expect(piped.stdout).not.toContain('paged with');
    const missing = await inTerminal(100, list, { NO_COLOR: '1', PRECRM_PAGER: 'no-such-pager-here' });
    expect(missing.code).toBe(0);
    expect(missing.screen).toMatch(/^│ {2}1 │ Ravi Sen /m);
  });
});
