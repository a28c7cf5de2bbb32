// Shell completion as bash runs it: the printed script sourced into a real bash, COMP_WORDS/COMP_CWORD set as
// readline sets them, the completion function called, COMPREPLY read back.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, spawnPrecrm, tempDir } from '../helpers.js';

const SAMPLE = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));

interface Completed { candidates: string[]; stderr: string }

/** Completes the last of `words` (the word under the cursor, '' for a fresh one) in bash with the sourced script. */
function complete(words: string[], env: Record<string, string> = {}, atCompletion: Record<string, string> = {}): Promise<Completed> {
  const quoted = ['precrm', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = [
    `precrm() { "${process.execPath}" "${BIN}" "$@"; }`,
    'source <(precrm completion bash)',
    ...Object.entries(atCompletion).map(([k, v]) => `export ${k}='${v}'`),
    `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}`,
    '_precrm_completion',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile('bash', ['--norc', '--noprofile', '-c', script], { env: { ...process.env, NODE_ENV: 'production', ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
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
    expect((await complete(['due', '--format', 'c'], env)).candidates).toEqual(['csv']);
  });

  it('completes prospect names from the store by prefix (any case, accents optional), quoted for the command line', async () => {
    expect((await complete(['prospect', 'show', 'ra'], env)).candidates).toEqual(['Ravi\\ Sen']);
    expect((await complete(['touch', 'log', 'tom'], env)).candidates).toEqual(['Tomás\\ Ortega']);
    expect((await complete(['convert', '4'], env)).candidates).toEqual(['4', '40', '41', '42']);
    expect((await complete(['report', 'survey', 'bak'], env)).candidates).toEqual(['bakery\\ perception']);
    expect((await complete(['prospect', 'list', '--source', 'in'], env)).candidates).toEqual(['instagram']);
  });

  it('reads the store named by --store on the line being completed', async () => {
    const other = join(tempDir(), 'other.json');
    const added = await spawnPrecrm(['--store', other, 'prospect', 'add', 'Rafael Nadal']);
    expect(added.code).toBe(0);
    expect((await complete(['--store', other, 'prospect', 'show', 'ra'], env)).candidates).toEqual(['Rafael\\ Nadal']);
  });

  it('a SQLite store completes the same names, asking it only for the candidates of the typed name', async () => {
    const db = join(tempDir(), 'shop.db');
    expect((await spawnPrecrm(['--store', store, 'store', 'migrate', db])).code).toBe(0);
    const on = { PRECRM_STORE: db };
    expect((await complete(['prospect', 'show', 'ra'], on)).candidates).toEqual(['Ravi\\ Sen']);
    expect((await complete(['touch', 'log', 'TOMA'], on)).candidates).toEqual(['Tomás\\ Ortega']);
    expect((await complete(['convert', '4'], on)).candidates).toEqual(['4', '40', '41', '42']);
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
    for (const args of [['__complete'], ['__complete', 'bash'], ['__complete', 'tcsh', '--', 'pro'], ['__complete', 'bash', '--', '--sto']]) {
      const r = await spawnPrecrm(args, { env });
      expect({ args, ...r }).toEqual({ args, code: 0, stdout: args[3] === '--sto' ? '--store\n' : '', stderr: '' });
    }
    // A file name is the shell's to complete: the script falls back to its own file completion.
    expect(await spawnPrecrm(['__complete', 'bash', '--', 'import', 'prospects', ''], { env })).toEqual({ code: 0, stdout: '__files__\n', stderr: '' });
  });
});

describe('precrm completion zsh|fish', () => {
  const has = (shell: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${shell}`]);
      return true;
    } catch {
      return false;
    }
  };

  it.each(['zsh', 'fish'])('%s: the script parses in that shell (skipped with a note where it is not installed)', async (shell) => {
    const script = (await spawnPrecrm(['completion', shell])).stdout;
    expect(script).toContain('precrm __complete');
    if (!has(shell)) {
      console.warn(`${shell} is not installed: its completion script was printed but not parsed (apt-get install ${shell})`);
      return;
    }
    const file = join(tempDir(), `precrm.${shell}`);
    writeFileSync(file, script);
    execFileSync(shell, shell === 'zsh' ? ['-n', file] : ['--no-execute', file]);
  });
});
