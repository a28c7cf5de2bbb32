// README's ## Tour is a script a new user pastes line by line: every line must run, in order, on a fresh store.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The words of one shell line as sh would split it: "double" and 'single' quotes, a `#` comment after a blank. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end === -1) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '#' && word === null) {
      break;
    } else if ('|&;<>$`\\'.includes(c)) {
      throw new Error(`not a plain command (${c}): ${line}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The lines of the first ```sh block under ## Tour. */
function tourLines(): string[] {
  const readme = readFileSync(root('README.md'), 'utf8');
  const block = /^## Tour\n[\s\S]*?^```sh\n([\s\S]*?)^```$/m.exec(readme);
  if (!block) throw new Error('README has no ## Tour sh block');
  return block[1]!.split('\n').filter((l) => l.trim() !== '');
}

it('README ## Tour runs as written, top to bottom, on a fresh store: every command exits 0', async () => {
  const store = await tempStore();
  const cwd = tempDir();
  const lines = tourLines();
  expect(lines.length).toBeGreaterThan(10);
  const failed: string[] = [];
  for (const line of lines) {
    const [cmd, ...args] = shellWords(line);
    expect(cmd, line).toBe('precrm');
    const r = await run(store, args, { cwd, env: { NO_COLOR: '1' } });
    if (r.code !== 0) failed.push(`${line}\n  → exit ${r.code}: ${r.stderr.trim()}`);
  }
  expect(failed.join('\n')).toBe('');
});

it('README ## Tour: the word match and the edit report are what the comments promise', async () => {
  const store = await tempStore();
  const cwd = tempDir();
  const results = new Map<string, { code: number; stdout: string; stderr: string }>();
  for (const line of tourLines()) {
    const [, ...args] = shellWords(line);
    results.set(line.split('#')[0]!.trim(), await run(store, args, { cwd, env: { NO_COLOR: '1' } }));
  }
  expect(results.get('precrm prospect show haddad')?.stdout).toContain('Omar Haddad');
  expect(results.get('precrm prospect edit ravi --phone "+91 98300 00000" --tag regular')?.stderr).toContain('phone:');
});

it('README: every code fence is closed, so no section heading is swallowed by a code block', () => {
  const inFence: string[] = [];
  let open = false;
  for (const line of readFileSync(root('README.md'), 'utf8').split('\n')) {
    if (/^```/.test(line)) open = line === '```' ? !open : true;
    else if (open && /^#{2,3} /.test(line)) inFence.push(line);
  }
  expect(open).toBe(false);
  expect(inFence).toEqual([]);
});

it('README crontab: no comment on a variable line (cron keeps it in the value) and pipefail before | mail', () => {
  const readme = readFileSync(root('README.md'), 'utf8');
  const crontabs = [...readme.matchAll(/^```cron\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  expect(crontabs.length).toBeGreaterThan(0);
  const lines = crontabs.flatMap((c) => c.split('\n'));
  expect(lines.filter((l) => /^\s*[A-Z_]+\s*=/.test(l) && l.includes('#'))).toEqual([]);
  expect(lines.filter((l) => !l.startsWith('#') && /precrm .*\| mail/.test(l) && !l.includes('set -o pipefail'))).toEqual([]);
  // pipefail is bash's (Debian's /bin/sh, dash, may lack it): every crontab that uses it says SHELL=/bin/bash.
  for (const c of crontabs) if (c.includes('set -o pipefail;')) expect(c.split('\n')).toContain('SHELL=/bin/bash');
});

it('README crontabs work with Debian\'s cron: no CRON_TZ (it has none); a TZ line says the schedule is in the system\'s zone', () => {
  const readme = readFileSync(root('README.md'), 'utf8');
  const crontabs = [...readme.matchAll(/^```cron\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  for (const c of crontabs) {
    const lines = c.split('\n');
    expect(lines.filter((l) => /^\s*CRON_TZ\s*=/.test(l))).toEqual([]);
    const tz = lines.findIndex((l) => /^\s*TZ\s*=/.test(l));
    if (tz >= 0) expect(lines.slice(0, tz).filter((l) => l.startsWith('#')).join(' ')).toMatch(/system's time zone/);
  }
});
