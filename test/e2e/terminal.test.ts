// Prompting as a person meets it: bin/precrm in a real pseudo-terminal (python3's pty module), and the same
// commands without a terminal, where precrm must never prompt — even when stdin is an open pipe.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempStore } from '../helpers.js';

const PTY = fileURLToPath(new URL('./in_terminal.py', import.meta.url));

interface PtyResult { code: number; screen: string; unanswered: number }

function inTerminal(store: string, answers: [string, string][], args: string[]): Promise<PtyResult> {
  return new Promise((resolve, reject) => {
    execFile('python3', [PTY, store, JSON.stringify(answers), ...args], { timeout: 120_000 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as PtyResult);
    });
  });
}

// Deadlines, not measures: two terminal sessions of one test took over 30 s at a load average of 44.
describe('in a terminal', { timeout: 240_000 }, () => {
  it('prospect add without a name prompts for the fields and prints the new id', async () => {
    const store = (await tempStore());
    const r = await inTerminal(store, [
      ['Name:', 'Mira Das\r'],
      ['Email (optional):', 'mira@example.com\r'],
      ['Phone (optional):', '\r'],
      ['Source, e.g. walk-in (optional):', 'instagram\r'],
      ['Stage:', '\u001b[B\r'], // one down from the default "interested": engaged
      ['Follow up when', '\r'],
    ], ['prospect', 'add']);
    expect(r.unanswered).toBe(0);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/(^|\n)1\r?\n/);
    const shown = await run(store, ['prospect', 'show', '1', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'Mira Das', email: 'mira@example.com', phone: null, source: 'instagram', stage: 'engaged' });
  });

  it('Ctrl-C at a prompt exits 130 quietly and creates nothing', async () => {
    const store = (await tempStore());
    const r = await inTerminal(store, [['Name:', 'Mi'], ['Mi', '\u0003']], ['prospect', 'add']);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('interrupted');
    expect(r.screen).not.toMatch(/\n\s+at |Error/);
    expect(existsSync(store)).toBe(false);
  });

  it('prospect remove asks first, and "no" keeps the prospect', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const no = await inTerminal(store, [['Remove Ravi', 'n\r']], ['prospect', 'remove', 'ravi']);
    expect(no.unanswered).toBe(0);
    expect((await run(store, ['prospect', 'list', '--json'])).stdout).toContain('Ravi');
    const yes = await inTerminal(store, [['Remove Ravi', 'y\r']], ['prospect', 'remove', 'ravi']);
    expect(yes.code).toBe(0);
    expect((await run(store, ['prospect', 'list', '--json'])).stdout).toBe('[]\n');
  });

  it('--no-input in a terminal never prompts', async () => {
    const r = await inTerminal((await tempStore()), [], ['prospect', 'add', '--no-input']);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('error: missing name (usage: precrm prospect add <name>');
    expect(r.screen).not.toContain('Name:');
  });
});

describe('without a terminal', () => {
  /** stdin is a pipe that stays open (as under cron with a parent holding it): a prompt would hang forever. */
  function withOpenStdin(store: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...(process.env as Record<string, string>), NODE_ENV: 'production', PRECRM_STORE: store },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('prospect add without a name exits 2 with the usage line, even with stdin open', async () => {
    const r = await withOpenStdin((await tempStore()), ['prospect', 'add']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: missing name (usage: precrm prospect add <name> [--email …]; it prompts only in a terminal)\n',
    });
  });

  it('prospect remove without --yes exits 2 and removes nothing', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const r = await withOpenStdin(store, ['prospect', 'remove', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: prospect remove needs --yes when it cannot ask/);
    expect((await run(store, ['prospect', 'list', '--json'])).stdout).toContain('Ravi');
  });
});
