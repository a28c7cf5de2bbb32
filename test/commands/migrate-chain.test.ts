// SPEC §7: JSON → SQLite → PostgreSQL → JSON gives the same `export` output and the same `prospect show --json`
// for every prospect, and the id counters travel along (the next ids are the ones the original would give).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_BACKEND, SQLITE_BACKEND } from '../backends.js';
import { run, tempDir } from '../helpers.js';

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
      expect(r.stderr).toMatch(/^migrated 42 prospects, 82 touches, 1 survey, 27 responses from /);
    }
    const expected = await everything(json);
    expect(expected).toContain('"name": "Ravi Sen"');
    for (const store of [sqlite, postgres, back]) expect(await everything(store)).toBe(expected);
    const next = (await run(json, ['prospect', 'add', 'New Person'], NOW)).stdout;
    for (const store of [sqlite, postgres, back]) expect((await run(store, ['prospect', 'add', 'New Person'], NOW)).stdout).toBe(next);
  });
});
