// The command shape holds for every command: each leaf of the program is a verb (register, parse, run, show) wired by
// attach, and nothing in a verb's folder prints but show.ts (boundaries.test.ts keeps the layers; this keeps the shape).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli.js';
import { isVerb } from '../src/commands/verb.js';
import { Context } from '../src/context/context.js';

const COMMANDS = fileURLToPath(new URL('../src/commands', import.meta.url));

const leaves = (command: Command, path: string[] = []): { path: string; command: Command }[] =>
  command.commands.length === 0
    ? [{ path: path.join(' '), command }]
    : command.commands.flatMap((c) => leaves(c, [...path, c.name()]));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });

describe('every command has the verb shape', () => {
  const world = { env: {}, stdout: { write() {} }, stderr: { write() {} }, stdin: {}, osUser: 'u', homedir: '/nonexistent', cwd: '/' };

  it('each leaf command is a verb attached with attach (register, parse, run, show)', () => {
    const program = createProgram(new Context(world));
    const all = leaves(program);
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((l) => !isVerb(l.command)).map((l) => l.path)).toEqual([]);
  });

  it('lives in src/commands/<noun>/<verb>.ts: no file of the old flat layout or its -run/-read/-write suffixes is left', () => {
    const names = filesUnder(COMMANDS).map((f) => relative(COMMANDS, f));
    expect(names.filter((n) => !n.includes('/') && !['verb.ts', 'show.ts'].includes(n))).toEqual([]);
    expect(names.filter((n) => /-(run|read|write|lifecycle)\.ts$/.test(n))).toEqual([]);
  });

  it('prints only through show.ts: no verb writes stdout itself', () => {
    const printing = /\bterm\.(out|page)\(|\b(printRows|printWritten|emitRows)\(/;
    const offenders = filesUnder(COMMANDS)
      .filter((f) => !relative(COMMANDS, f).startsWith('common/') && !f.endsWith('/show.ts'))
      .filter((f) => printing.test(readFileSync(f, 'utf8')))
      .map((f) => relative(COMMANDS, f));
    expect(offenders).toEqual([]);
  });
});
