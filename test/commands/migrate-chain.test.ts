// docs/CONTRACT.md §7: JSON → SQLite → PostgreSQL → JSON gives the same `export` output and the same `prospect show --json`
// for every prospect, and the id counters travel along (the next ids are the ones the original would give).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_BACKEND, SQLITE_BACKEND } from '../backends.js';
import { run, storedDoc, tempDir } from '../helpers.js';

const EMAIL = 'hannah.b@example.de';
const PHONE = '+49 170 5550101';
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const importFile = (store: string, file: string) => run(store, ['import', 'prospects', file], NOW);

const SAMPLE = new URL('../../data/bakery.json', import.meta.url).pathname;
const NOW = { now: '2026-11-23T08:00:00.000Z' };

async function everything(store: string): Promise<string> {
  const parts: string[] = [];
  for (const what of ['prospects', 'touches', 'conversions']) parts.push((await run(store, ['export', what], NOW)).stdout);
  parts.push((await run(store, ['export', 'responses', 'first impressions'], NOW)).stdout);
  parts.push((await run(store, ['report', 'funnel', '--format', 'csv'], NOW)).stdout);
  const ids = JSON.parse((await run(store, ['prospect', 'list', '--json'], NOW)).stdout).map((p: { id: number }) => p.id);
  for (const id of ids) parts.push((await run(store, ['prospect', 'show', String(id), '--json'], NOW)).stdout);
  return parts.join('\n');
}

describe('store migrate JSON → SQLite → PostgreSQL → JSON', () => {
  it('keeps every export, every prospect show and the id counters', async () => {
    const json = join(tempDir(), 'bakery.json');
    copyFileSync(SAMPLE, json);
    const sqlite = await SQLITE_BACKEND.tempStore();
    const postgres = await POSTGRES_BACKEND.tempStore();
    const back = join(tempDir(), 'back.json');
    for (const [from, to] of [[json, sqlite], [sqlite, postgres], [postgres, back]] as const) {
      const r = await run(from, ['store', 'migrate', to], NOW);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^migrated 42 prospects, 82 touches, 1 survey, 27 responses, 7 purchases from /);
    }
    const expected = await everything(json);
    expect(expected).toContain('"name": "Ravi Sen"');
    for (const store of [sqlite, postgres, back]) expect(await everything(store)).toBe(expected);
    const next = (await run(json, ['prospect', 'add', 'New Person'], NOW)).stdout;
    for (const store of [sqlite, postgres, back]) expect((await run(store, ['prospect', 'add', 'New Person'], NOW)).stdout).toBe(next);
  });
});

describe('store migrate JSON → SQLite → PostgreSQL → JSON, with a suppression list', () => {
  it('keeps the list and its secret: every store it reaches still suppresses', async () => {
    const json = join(tempDir(), 'shop.json');
    const older = join(tempDir(), 'older.csv');
    await run(json, ['prospect', 'add', 'Hannah Becker', '--email', EMAIL, '--phone', PHONE]);
    await run(json, ['export', 'prospects', '-o', older]);
    await run(json, ['prospect', 'forget', 'hannah', '--yes']);
    const chain = [json, await SQLITE_BACKEND.tempStore(), await POSTGRES_BACKEND.tempStore(), join(tempDir(), 'back.json')];
    for (let i = 1; i < chain.length; i++) {
      const r = await run(chain[i - 1]!, ['store', 'migrate', chain[i]!]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^migrated 1 prospect, 0 touches, 0 surveys, 0 responses from /);
    }
    const list = (await storedDoc(json)).suppression;
    expect(list.entries).toHaveLength(2);
    for (const store of chain.slice(1)) {
      expect((await storedDoc(store)).suppression).toEqual(list);
      expect(lastLine((await importFile(store, older)).stderr)).toBe('created 0, merged 0, skipped 0, suppressed 1, rejected 0 (nothing to change)');
    }
  });
});
