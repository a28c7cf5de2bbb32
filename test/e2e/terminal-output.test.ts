// bin/precrm printing stored escape sequences into a real pseudo-terminal (python3's pty module), and into a pipe.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, tempStore } from '../helpers.js';

const PTY = fileURLToPath(new URL('./in_terminal.py', import.meta.url));

/** Clipboard write (OSC 52), title (OSC 0), a link (OSC 8), clear screen, a bare CR, a right-to-left override, 8-bit CSI. */
const EVIL = 'Ann \u001b]52;c;cHduZWQ=\u0007 \u001b]0;owned\u0007 \u001b]8;;https://evil.example/\u001b\\here\u001b]8;;\u001b\\ \u001b[2J cr\rover \u202eesrever \u009b31m';

/** Everything the terminal was sent while `args` ran with the pty as stdin, stdout and stderr (no colour). */
function onTerminal(store: string, args: string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    execFile('python3', [PTY, store, '[]', ...args], { timeout: 30_000 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))));
  });
}

describe('stored text printed by bin/precrm', () => {
  it('reaches a real terminal with every escape replaced (csv, json), and a pipe byte for byte', async () => {
    const store = await tempStore();
    expect((await run(store, ['prospect', 'add', EVIL, '--note', EVIL])).code).toBe(0);

    const csv = await onTerminal(store, ['prospect', 'list', '--format', 'csv']);
    expect(csv.code, csv.screen).toBe(0);
    expect(csv.screen).toContain('Ann \ufffd]52;c;cHduZWQ=\ufffd \ufffd]0;owned\ufffd');
    expect(csv.screen).not.toContain('\u001b');
    // The terminal's own line ends are CR LF; no CR may stand alone.
    expect(csv.screen).not.toMatch(/\r(?!\n)/);
    expect(csv.screen).not.toMatch(/[\u009b\u202e]/);

    // --no-pager: the JSON is longer than the (unsized) terminal; the pager path is tested in test/hostile.
    const json = await onTerminal(store, ['prospect', 'list', '--json', '--no-pager']);
    expect(json.code, json.screen).toBe(0);
    expect(json.screen).not.toMatch(/[\u001b\u009b\u202e]|\r(?!\n)/);
    const env = { PRECRM_STORE: store };
    const piped = await spawnPrecrm(['prospect', 'list', '--json'], { env });
    expect(JSON.parse(json.screen)).toEqual(JSON.parse(piped.stdout));

    const pipedCsv = await spawnPrecrm(['prospect', 'list', '--format', 'csv'], { env });
    expect(pipedCsv.stdout).toContain(EVIL);
  });
});
