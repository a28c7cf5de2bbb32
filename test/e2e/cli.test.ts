// End to end: the built bin/precrm as a script sees it — ids on stdout, messages on stderr, exit codes, pipes.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, spawnPrecrm, tempStore } from '../helpers.js';
import { writeLargeStore } from '../store/fixtures.js';

const precrm = (store: string, args: string[], env: Record<string, string> = {}) =>
  spawnPrecrm(args, { env: { PRECRM_STORE: store, PRECRM_USER: 'mitra', ...env } });

describe('bin/precrm', () => {
  it('add prints only the new id on stdout, so id=$(precrm prospect add …) works', async () => {
    const store = (await tempStore());
    const first = await precrm(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
    expect(first).toEqual({ code: 0, stdout: '1\n', stderr: 'added prospect 1 (Ravi Sen)\n' });
    expect((await precrm(store, ['prospect', 'add', 'Anna', '-q'])).stdout).toBe('2\n');
    const json = await precrm(store, ['prospect', 'add', 'Mira', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 3, name: 'Mira', stage: 'interested' });
    const listed = await precrm(store, ['prospect', 'list', '--format', 'csv']);
    expect(listed.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['1,Ravi Sen', '2,Anna', '3,Mira']);
    expect(listed.stderr).toBe('');
  });

  it('exits with the documented codes, the message on stderr and nothing on stdout', async () => {
    const store = (await tempStore());
    await precrm(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
    await precrm(store, ['prospect', 'add', 'Ravi Kumar']);
    const cases: [string[], number, RegExp][] = [
      [['prospect', 'bogus'], 2, /^error: unknown command 'bogus'/],
      [['prospect', 'list', '--nope'], 2, /^error: unknown option '--nope'/],
      [['prospect', 'show', 'ravi'], 2, /^error: .*ravi.* matches 2 prospects/i],
      [['prospect', 'show', 'nobody'], 3, /^error: no prospect matches "nobody"/],
      [['prospect', 'add', 'R', '--email', 'RAVI@example.com'], 4, /^error: Ravi Sen \(1\) already has this email/],
      [['prospect', 'add', 'X', '--email', 'nope'], 2, /^error: email "nope" is not an email address/],
    ];
    for (const [args, code, message] of cases) {
      const r = await precrm(store, args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
    writeFileSync(store, '{"schema":1,');
    const corrupt = await precrm(store, ['prospect', 'list']);
    expect(corrupt.code).toBe(65);
    expect(corrupt.stderr).toContain(store);
  });

  it('writes the real file even when NODE_ENV=test (lowdb presets would switch to memory)', async () => {
    const store = (await tempStore());
    expect((await precrm(store, ['prospect', 'add', 'Ravi'], { NODE_ENV: 'test' })).stdout).toBe('1\n');
    expect(existsSync(store)).toBe(true);
    expect(JSON.parse(readFileSync(store, 'utf8')).prospects).toHaveLength(1);
  });

  it('--version prints the version', async () => {
    expect(await spawnPrecrm(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('stops quietly with exit 0 when the reader of a pipe goes away (| head -1)', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 20_000);
    for (const format of ['table', 'csv', 'json']) {
      const script = `node "${BIN}" prospect list --format ${format} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
      const r = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        execFile('bash', ['-c', script], { env: { ...process.env, PRECRM_STORE: store, NODE_ENV: 'production' }, maxBuffer: 1 << 26 },
          (err, stdout, stderr) => (err ? reject(err) : resolve({ stdout, stderr })));
      });
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(r.stderr).toContain('status=0');
    }
    // Three 20,000-row renders: on a loaded shared 2-core machine a table alone took ~20 s, past the 30 s default.
  }, 120_000);
});
