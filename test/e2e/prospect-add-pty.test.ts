// End-to-end: interactive `prospect add` in a real pseudo-terminal (python3's pty), as a person at a keyboard: a
// bad answer is refused at its own question, with the message shown there, and the answers before it are kept.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { BIN, spawnPrecrm, storedDoc, tempStore } from '../helpers.js';

const DRIVER = fileURLToPath(new URL('./pty-drive.py', import.meta.url));
const CLEAR_LINE = '\x15'; // Ctrl-U: the refused answer stays on the line to be corrected; start it afresh

/** Runs precrm in a pty, typing each answer once its prompt text shows; resolves with the exit code and the screen. */
function inTerminal(store: string, steps: string[], args: string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', PRECRM_STORE: store, PRECRM_USER: 'tester', PRECRM_NOW: '2026-03-10T12:00:00Z' };
    execFile('python3', [DRIVER, ...steps, '--', process.execPath, BIN, ...args], { env }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, screen: stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '') });
    });
  });
}

it('prospect add asks again at the email prompt after a bad or a known email, then stores the record (0)', async () => {
  const store = await tempStore();
  expect((await spawnPrecrm(['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com'], { env: { PRECRM_STORE: store } })).code).toBe(0);
  const r = await inTerminal(store, [
    'Name:', 'Mira Das\r',
    'Email (optional):', 'not-an-email\r',
    'is not an email address', `${CLEAR_LINE}RAVI@example.com\r`,
    'Ravi Sen (1) already has this email', `${CLEAR_LINE}mira@example.com\r`,
    'Phone (optional):', '\r',
    'Source', 'walk-in\r',
    'Stage:', '\r',
    'Follow up when', 'friday\r',
    'next action', 'bring a cake\r',
  ], ['prospect', 'add']);
  expect(r.screen).toContain('email "not-an-email" is not an email address');
  expect(r.code).toBe(0);
  expect(r.screen).toContain('added prospect 2 (Mira Das)');
  const doc = await storedDoc(store);
  expect(doc.prospects.map((p) => [p.name, p.email, p.source, p.stage, p.followUp?.note])).toEqual([
    ['Ravi Sen', 'ravi@example.com', null, 'interested', undefined],
    ['Mira Das', 'mira@example.com', 'walk-in', 'interested', 'bring a cake'],
  ]);
});
