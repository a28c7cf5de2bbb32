// Completion typed into real interactive bash, zsh and fish (on a pseudo-terminal, shell-drive.py): stored names that
// are shell code, globs, quotes and line breaks, completed after TAB in every quoting context and run with Enter.
// What a user would notice is checked: no file appears, and the command gets exactly the stored name as one argument.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { BIN, run } from '../helpers.js';
import { itInShell, requireShell } from './shells.js';

const DRIVER = fileURLToPath(new URL('./shell-drive.py', import.meta.url));

const NAMES = {
  command: '"zq"; touch pwned; echo "ok"',
  substitution: '$(touch x)',
  backticks: '`touch y`',
  star: '*',
  space: 'Laura Smith',
  apostrophe: "O'Brien",
  newline: 'New\nLine',
  bang: 'bang!x',
  tab: 'Tab\tX',
  bidi: 'Evil\u202eRLO',
  tilde: '~root',
  backslash: 'a\\b',
};

type Shell = 'bash' | 'zsh' | 'fish';
/** What is typed after `precrm prospect show ` (TAB and Enter follow), and the name the command must receive. */
type Case = [typed: string, name: string | null, shells?: Shell[]];

const CASES: Case[] = [
  // The reported attack: `"` opens a quote, so nothing completes and the shell asks for the rest; fish is told below.
  ['"zq', null, ['bash', 'zsh']],
  ['"zq\t"', 'zq', ['fish']],
  ['\'"zq', NAMES.command],
  ['\\"zq', NAMES.command],
  ['"\\"zq', NAMES.command],
  ['\\$\\(', NAMES.substitution],
  ['"\\$(', NAMES.substitution],
  ['\\`', NAMES.backticks],
  ['"\\`', NAMES.backticks, ['bash', 'zsh']],
  ['\\*', NAMES.star],
  ['Lau', NAMES.space],
  ['"Lau', NAMES.space],
  ['O', NAMES.apostrophe],
  ["'O", NAMES.apostrophe],
  ['New', NAMES.newline],
  ['"New', NAMES.newline],
  ["$'New", NAMES.newline, ['bash', 'zsh']],
  ['"ba', NAMES.bang],
  ['Ta', NAMES.tab, ['bash', 'zsh']],
  // Fish reads a tab in a candidate as the start of its description: that name is not offered there.
  ['Ta', 'Ta', ['fish']],
  ['"Ev', NAMES.bidi],
  ['\\~', NAMES.tilde],
  ['a\\\\', NAMES.backslash],
];

interface Outcome { keys: string; args: string[] | null; created: string[]; timedOut: boolean }

/**
 * The rc of each shell: `precrm` records its arguments (only `precrm __complete` runs precrm), `sentinel N` says a
 * line ended. `wrap` goes before the shell's argv (a tracer that slows it down).
 */
function rc(shell: Shell, state: string, wrap: string[] = []): string[] {
  const node = process.execPath;
  if (shell === 'fish') {
    return ['fish', '--no-config', '-i', '-C', [
      "function fish_prompt; printf 'READY> '; end",
      `function precrm; if test "$argv[1]" = __complete; '${node}' '${BIN}' $argv; else; printf '%s\\0' $argv > '${state}/args'; end; end`,
      `function sentinel; touch '${state}/sentinel-'$argv[1]; end`,
      `'${node}' '${BIN}' completion fish | source`,
    ].join('\n')];
  }
  const lines = [
    "PS1='READY> '; PS2='<more>'",
    `precrm() { if [[ $1 == __complete ]]; then '${node}' '${BIN}' "$@"; else printf '%s\\0' "$@" > '${state}/args'; fi; }`,
    `sentinel() { : > '${state}/sentinel-'$1; }`,
    `source <('${node}' '${BIN}' completion ${shell})`,
  ];
  if (shell === 'bash') {
    writeFileSync(join(state, 'bashrc'), lines.join('\n'));
    return [...wrap, 'bash', '--noprofile', '--rcfile', join(state, 'bashrc'), '-i'];
  }
  writeFileSync(join(state, '.zshrc'), [`autoload -Uz compinit; compinit -u -d '${state}/zcompdump'`, ...lines].join('\n'));
  return ['zsh', '-i'];
}

/** Types each case into one interactive shell session and reports what each line did. */
function drive(shell: Shell, root: string, store: string, keys: string[], wrap: string[] = []): Promise<Outcome[]> {
  const [state, work] = [join(root, 'state'), join(root, 'work')];
  mkdirSync(state);
  mkdirSync(work);
  const env = {
    ...process.env, NODE_ENV: 'production', PRECRM_STORE: store, HOME: state, ZDOTDIR: state, TERM: 'xterm',
    XDG_CONFIG_HOME: state, XDG_DATA_HOME: state, XDG_CACHE_HOME: state, HISTFILE: join(state, 'history'),
  };
  return new Promise((resolve, reject) => {
    const child = execFile('python3', [DRIVER, state, work, '--', ...rc(shell, state, wrap)], { env, timeout: 600_000 }, (err, stdout) => {
      if (err) return reject(err);
      const { results, screen } = JSON.parse(stdout) as { results: Outcome[]; screen: string };
      if (screen) console.warn(`${shell} session (a line timed out):\n${screen}`);
      resolve(results);
    });
    child.stdin!.end(JSON.stringify(keys));
  });
}

// The three sessions run side by side, each in its own folders: most of their time is spent waiting for a prompt.
describe.concurrent('completion in an interactive shell', () => {
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    itInShell(shell)(`${shell}: each stored name is inserted quoted; after TAB and Enter no file appears and the command gets the name`, async ({ expect, onTestFinished }) => {
      requireShell(shell);
      // Its own folder, removed here: helpers' tempDir() is emptied when any test ends, and these run together.
      const root = mkdtempSync(join(tmpdir(), `precrm-${shell}-`));
      onTestFinished(() => rmSync(root, { recursive: true, force: true }));
      const store = join(root, 'store.json');
      for (const name of Object.values(NAMES)) expect((await run(store, ['prospect', 'add', name])).code).toBe(0);
      const cases = CASES.filter(([, , shells]) => !shells || shells.includes(shell));
      const keys = cases.map(([typed]) => `precrm prospect show ${typed}\t\r`);
      const outcomes = await drive(shell, root, store, keys);
      expect(outcomes).toEqual(cases.map(([, name], i) => ({
        keys: keys[i], args: name === null ? null : ['prospect', 'show', name], created: [], timedOut: false,
      })));
    }, 600_000);
  }
});

// A Ctrl-C that reaches bash after it drew the `<more>` prompt but before it sleeps reading the terminal is acted on
// only at the next key, which bash swallows: on a loaded machine the session then timed out. The driver sends it
// once the shell waits for keys; here every write of bash's returns 0.3 s late (strace), so that gap is always there.
describe('the driver, with a shell slow to get back to the keyboard', () => {
  itInShell('strace')('bash: Ctrl-C at the `<more>` prompt ends the line each time, and the next line runs', async ({ expect }) => {
    requireShell('strace');
    const root = mkdtempSync(join(tmpdir(), 'precrm-slow-bash-'));
    try {
      const store = join(root, 'store.json');
      expect((await run(store, ['prospect', 'add', NAMES.command])).code).toBe(0);
      const keys = Array.from({ length: 3 }, () => 'precrm prospect show "zq\t\r');
      const slow = ['strace', '-qq', '-o', '/dev/null', '-e', 'trace=write', '-e', 'inject=write:delay_exit=300000'];
      const outcomes = await drive('bash', root, store, keys, slow);
      expect(outcomes).toEqual(keys.map((k) => ({ keys: k, args: null, created: [], timedOut: false })));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
