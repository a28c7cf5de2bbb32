// Shell completion as bash runs it: the printed script sourced into a real bash, COMP_WORDS, COMP_LINE and
// COMP_POINT set as readline sets them, the completion function called, COMPREPLY read back. The same names typed
// into interactive shells: completion-shells.test.ts.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, run, spawnPrecrm, tempDir } from '../helpers.js';
import { itInShell, requireShell } from './shells.js';

const SAMPLE = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));

interface Completed { candidates: string[]; stderr: string }

// What `precrm completion bash` prints, kept in a file the file's bash sessions source: the script is the same
// every time, and printing it once spares each completion a precrm process of its own.
const scripts = mkdtempSync(join(tmpdir(), 'precrm-completion-script-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));
let printed: Promise<string> | undefined;
function bashScript(): Promise<string> {
  printed ??= spawnPrecrm(['completion', 'bash']).then((r) => {
    if (r.code !== 0 || r.stderr !== '') throw new Error(`precrm completion bash: ${r.code} ${r.stderr}`);
    const file = join(scripts, 'precrm.bash');
    writeFileSync(file, r.stdout);
    return file;
  });
  return printed;
}

/**
 * Completes the last of `words` (raw, as typed; '' for a fresh one) in bash with the sourced script: COMP_WORDS,
 * COMP_LINE and COMP_POINT set as readline sets them, and `$2` the text readline replaces (after an opened quote).
 */
async function complete(words: string[], env: Record<string, string> = {}, atCompletion: Record<string, string> = {}, cwd?: string): Promise<Completed> {
  const scriptFile = await bashScript();
  const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  const line = ['precrm', ...words].join(' ');
  const current = words[words.length - 1]!;
  const replaced = /^["']/.test(current) ? current.slice(1) : current;
  const script = [
    `precrm() { "${process.execPath}" "${BIN}" "$@"; }`,
    `source ${quote(scriptFile)}`,
    ...Object.entries(atCompletion).map(([k, v]) => `export ${k}='${v}'`),
    `COMP_WORDS=(${['precrm', ...words].map(quote).join(' ')}); COMP_CWORD=${words.length}`,
    `COMP_LINE=${quote(line)}; COMP_POINT=${line.length}`,
    `_precrm_completion precrm ${quote(replaced)} ${quote(words[words.length - 2] ?? 'precrm')}`,
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile('bash', ['--norc', '--noprofile', '-c', script], { cwd, env: { ...process.env, NODE_ENV: 'production', ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      if (err) reject(err);
      else resolve({ candidates: stdout.split('\n').filter(Boolean), stderr });
    });
  });
}

describe('precrm completion bash, in a real bash', () => {
  // One store for the whole block (helpers' tempDir() is emptied after each test).
  const dir = mkdtempSync(join(tmpdir(), 'precrm-completion-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = join(dir, 'store.json');
  copyFileSync(SAMPLE, store);
  const env = { PRECRM_STORE: store };

  it('completes commands and subcommands', async () => {
    expect(await complete(['pro'], env)).toEqual({ candidates: ['prospect'], stderr: '' });
    expect((await complete(['s'], env)).candidates).toEqual(['store', 'stale', 'survey']);
    expect((await complete(['prospect', 's'], env)).candidates).toEqual(['show', 'stage']);
    expect((await complete([''], env)).candidates).toEqual(expect.arrayContaining(['prospect', 'touch', 'due', 'report', 'completion']));
    expect((await complete([''], env)).candidates).not.toContain('__complete');
  });

  it('completes options and enum values: stages, touch types, formats, --by groups', async () => {
    expect((await complete(['prospect', 'stage', 'ravi', 'en'], env)).candidates).toEqual(['engaged']);
    expect((await complete(['prospect', 'list', '--stage', 'in'], env)).candidates).toEqual(['interested', 'intent']);
    expect((await complete(['touch', 'log', 'ravi', 't'], env)).candidates).toEqual(['tasting']);
    expect((await complete(['report', 'funnel', '--b'], env)).candidates).toEqual(['--by']);
    expect((await complete(['report', 'funnel', '--by', ''], env)).candidates).toEqual(['source', 'owner', 'tag', 'month']);
    expect((await complete(['report', 'activity', '--by', ''], env)).candidates).toEqual(['type', 'staff']);
    expect((await complete(['report', 'loyalty', '--by', ''], env)).candidates).toEqual(['source', 'first-touch', 'sampled', 'referred', 'owner']);
    expect((await complete(['due', '--format', 'c'], env)).candidates).toEqual(['csv']);
  });

  it('completes prospect names from the store by prefix (any case, accents optional), quoted for the command line', async () => {
    expect((await complete(['prospect', 'show', 'ra'], env)).candidates).toEqual(['Ravi\\ Sen']);
    expect((await complete(['touch', 'log', 'tom'], env)).candidates).toEqual(['Tomás\\ Ortega']);
    expect((await complete(['convert', '4'], env)).candidates).toEqual(['4', '40', '41', '42', '43']);
    expect((await complete(['report', 'survey', 'bak'], env)).candidates).toEqual(['bakery\\ perception']);
    expect((await complete(['prospect', 'list', '--source', 'in'], env)).candidates).toEqual(['instagram']);
  });

  it('reads the store named by --store on the line being completed', async () => {
    const other = join(tempDir(), 'other.json');
    const added = await run(other, ['prospect', 'add', 'Rafael Nadal']);
    expect(added.code).toBe(0);
    expect((await complete(['--store', other, 'prospect', 'show', 'ra'], env)).candidates).toEqual(['Rafael\\ Nadal']);
  });

  it('a SQLite store completes the same names, asking it only for the candidates of the typed name', async () => {
    const db = join(tempDir(), 'shop.db');
    expect((await run(store, ['store', 'migrate', db])).code).toBe(0);
    const on = { PRECRM_STORE: db };
    expect((await complete(['prospect', 'show', 'ra'], on)).candidates).toEqual(['Ravi\\ Sen']);
    expect((await complete(['touch', 'log', 'TOMA'], on)).candidates).toEqual(['Tomás\\ Ortega']);
    expect((await complete(['convert', '4'], on)).candidates).toEqual(['4', '40', '41', '42', '43']);
    expect((await complete(['prospect', 'list', '--source', 'in'], on)).candidates).toEqual(['instagram']);
  });

  it('a corrupt store gives no candidates and nothing on stderr', async () => {
    const corrupt = join(tempDir(), 'corrupt.json');
    writeFileSync(corrupt, '{"schema":1,"prospects":[{"name":"Ravi Sen"', { mode: 0o600 });
    expect(await complete(['prospect', 'show', 'ra'], { PRECRM_STORE: corrupt })).toEqual({ candidates: [], stderr: '' });
    expect(await complete(['--store', corrupt, 'touch', 'log', ''], {})).toEqual({ candidates: [], stderr: '' });
    // Settings that make every command fail: still silence while typing.
    expect(await complete(['prospect', 'show', 'ra'], { PRECRM_STORE: store }, { PRECRM_NOW: 'not a date' })).toEqual({ candidates: [], stderr: '' });
  });

  it('the completion request itself prints only candidates, whatever it is given', async () => {
    const requests = [['__complete'], ['__complete', 'bash'], ['__complete', 'tcsh', '--', 'pro'], ['__complete', 'bash', '--', 'precrm --sto'],
      ['__complete', 'bash', '--', 'precrm --sto', 'xyz'], ['__complete', 'bash', '--', 'precrm --sto', '--sto']];
    for (const args of requests) {
      const r = await spawnPrecrm(args, { env });
      expect({ args, ...r }).toEqual({ args, code: 0, stdout: args[4] === '--sto' ? '--store\n' : '', stderr: '' });
    }
    // A file name is the shell's to complete: the script falls back to its own file completion.
    expect(await spawnPrecrm(['__complete', 'bash', '--', 'precrm import prospects ', ''], { env })).toEqual({ code: 0, stdout: '__files__\n', stderr: '' });
    expect(await spawnPrecrm(['__complete', 'zsh', '--', 'import', 'prospects', ''], { env })).toEqual({ code: 0, stdout: '__files__\0__files__\0', stderr: '' });
  });

  it('zsh and fish get the stored values NUL-terminated (a name may hold a line break); fish never one with a tab', async () => {
    const store = join(tempDir(), 'odd.json');
    for (const name of ['New\nLine', 'Tab\tX']) expect((await run(store, ['prospect', 'add', name])).code).toBe(0);
    const on = { PRECRM_STORE: store };
    expect((await spawnPrecrm(['__complete', 'zsh', '--', 'prospect', 'show', 'n'], { env: on })).stdout).toBe('New\nLine\0New ⏎ Line  -- #1 interested\0');
    expect((await spawnPrecrm(['__complete', 'fish', '--', 'prospect', 'show', ''], { env: on })).stdout).toBe('New\nLine\t#1 interested\0');
  });
});

describe('bash completion never lets the shell read a stored name as code or a pattern', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precrm-completion-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = join(dir, 'store.json');
  const env = { PRECRM_STORE: store };
  const names = ['*', '"zq"; touch pwned; echo "ok"', '$(touch x)', 'Laura Smith'];

  it('a name `*` is one candidate, not the names of the files in the folder', async () => {
    for (const name of names) expect((await run(store, ['prospect', 'add', name])).code).toBe(0);
    const cwd = tempDir();
    for (const file of ['afile', 'bfile']) writeFileSync(join(cwd, file), '');
    expect((await complete(['prospect', 'show', ''], env, {}, cwd)).candidates)
      .toEqual(['\\*', '\\"zq\\"\\;\\ touch\\ pwned\\;\\ echo\\ \\"ok\\"', '\\$\\(touch\\ x\\)', 'Laura\\ Smith']);
    expect(readdirSync(cwd)).toEqual(['afile', 'bfile']);
  });

  it('after an opened quote the name completes, written for inside that quote', async () => {
    expect((await complete(['prospect', 'show', '"Lau'], env)).candidates).toEqual(['Laura Smith']);
    expect((await complete(['prospect', 'show', "'Lau"], env)).candidates).toEqual(['Laura Smith']);
    expect((await complete(['prospect', 'show', '"\\$('], env)).candidates).toEqual(['\\$(touch x)']);
    // The store named by a quoted --store on the line (no PRECRM_STORE here).
    expect((await complete(['--store', `"${store}"`, 'prospect', 'show', "'\"z"], {})).candidates).toEqual(['"zq"; touch pwned; echo "ok"']);
  });
});

describe('precrm completion zsh|fish', () => {
  // A missing shell skips these outside CI and fails them in CI (.ci/run installs both).
  for (const shell of ['zsh', 'fish']) {
    itInShell(shell)(`${shell}: the script parses in that shell`, async () => {
      requireShell(shell);
      const script = (await spawnPrecrm(['completion', shell])).stdout;
      expect(script).toContain('precrm __complete');
      const file = join(tempDir(), `precrm.${shell}`);
      writeFileSync(file, script);
      execFileSync(shell, shell === 'zsh' ? ['-n', file] : ['--no-execute', file]);
    });
  }
});
