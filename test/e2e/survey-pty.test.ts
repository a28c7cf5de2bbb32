// End-to-end: the built bin/precrm in a real pseudo-terminal (python3's pty), as a person at a keyboard.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, spawnPrecrm, tempStore } from '../helpers.js';

const DRIVER = fileURLToPath(new URL('./pty-drive.py', import.meta.url));

/** Runs `precrm survey respond` in a pty, answering each prompt with the keys given; resolves with exit code and screen. */
function inTerminal(store: string, steps: string[], args: string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', PRECRM_STORE: store, PRECRM_NOW: '2026-03-10T12:00:00Z' };
    execFile('python3', [DRIVER, ...steps, '--', process.execPath, BIN, ...args], { env }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, screen: stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '') });
    });
  });
}

async function storeWithSurvey(): Promise<string> {
  const store = (await tempStore());
  const r = await spawnPrecrm(['survey', 'create', 'Brand', '--question', 'expect:text:What do you expect?', '--question', 'price:scale:Prices fair?',
    '--question', 'recommend:nps:Recommend us?', '--question', 'reason:choice(taste|price|location):Why us?'], { env: { PRECRM_STORE: store } });
  expect(r.code).toBe(0);
  return store;
}

describe('survey respond in a real terminal', () => {
  it('asks text, number and select prompts on stderr and records the answers', async () => {
    const store = await storeWithSurvey();
    const r = await inTerminal(store, ['What do you expect?', 'warm bread\r', 'Prices fair?', '4\r', 'Recommend us?', '\r', 'Why us?', '\x1b[B\r'],
      ['survey', 'respond', 'Brand']);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('recorded response 1 to "Brand" (anonymous, 1 question(s) unanswered)');
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.responses[0].answers).toEqual({ expect: 'warm bread', price: 4, reason: 'price' });
  });

  it('Ctrl-C at a prompt exits 130 without a stack and writes nothing', async () => {
    const store = await storeWithSurvey();
    const r = await inTerminal(store, ['What do you expect?', '\x03'], ['survey', 'respond', 'Brand']);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('interrupted');
    expect(r.screen).not.toContain('    at ');
    expect(JSON.parse(readFileSync(store, 'utf8')).responses).toEqual([]);
  });

  it('with stdin not a terminal it never prompts', async () => {
    const store = await storeWithSurvey();
    const r = await spawnPrecrm(['survey', 'respond', 'Brand', '--answer', 'price=2'], { env: { PRECRM_STORE: store } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 question(s) unanswered');
  });
});
