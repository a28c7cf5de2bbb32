// Error messages about a broken store say where it is broken, never what is stored there: they end up in cron
// mails and logs, and a store holds phone numbers and names.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, storeWith } from '../helpers.js';

describe('a corrupt store', () => {
  it('with a phone number next to the error: the message gives the line and column, not the number', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--phone', '+91 98300 00000']);
    // Someone edits the file by hand and drops the quotes around the phone number.
    const pretty = JSON.stringify(JSON.parse(readFileSync(store, 'utf8')), null, 2).replace('"+91 98300 00000"', '+91 98300 00000');
    writeFileSync(store, pretty);
    const line = pretty.split('\n').findIndex((l) => l.includes('+91')) + 1;
    const column = pretty.split('\n')[line - 1]!.indexOf('+91') + 1;
    for (const r of [await run(store, ['prospect', 'list']), await spawnPrecrm(['store', 'check'], { env: { PRECRM_STORE: store } })]) {
      expect(r.code).toBe(65);
      expect(r.stderr).toBe(`error: the store ${store} is not valid JSON (line ${line}, column ${column}: a character that cannot start a JSON value); it was left untouched: restore it from a backup or fix it by hand\n`);
      for (const secret of ['98300', 'Ravi', 'ravi@']) expect(r.stderr).not.toContain(secret);
    }
  });

  it.each([
    ['a missing comma', (t: string) => t.replace(',"phone"', ' "phone"')],
    ['a cut-off file', (t: string) => t.slice(0, t.indexOf('98300') + 3)],
    ['a stray character after the document', (t: string) => `${t}x98300`],
  ])('%s: no stored bytes in the message', async (_what, breakIt) => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--phone', '+91 98300 00000']);
    writeFileSync(store, breakIt(readFileSync(store, 'utf8')));
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/is not valid JSON \(line 1, column \d+: [a-zA-Z ,()]+\)/);
    for (const secret of ['98300', 'Ravi', 'ravi@']) expect(r.stderr).not.toContain(secret);
  });

  it('failing validation: the problems name the field and the kind of value, not the value', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com']);
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    Object.assign(doc.prospects[0], { phone: 919830000000, email: ['ravi@example.com'], stage: 'ravi-sen' });
    writeFileSync(store, JSON.stringify(doc));
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  prospects[0].phone: expected string, found a number\n');
    expect(r.stderr).toContain('  prospects[0].email: expected string, found a list\n');
    expect(r.stderr).toMatch(/ {2}prospects\[0\]\.stage: expected \("aware" \| .*\), found other text\n/);
    for (const secret of ['98300', 'ravi@', 'ravi-sen']) expect(r.stderr).not.toContain(secret);
  });
});
