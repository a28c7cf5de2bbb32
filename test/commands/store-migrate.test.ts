// `store migrate|check|path` through the CLI, on every backend: the sample bakery goes in and comes back out with
// the same export and the same `prospect show --json` for every prospect; a target that holds anything is refused.
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKENDS, JSON_BACKEND } from '../backends.js';
import { run, tempDir } from '../helpers.js';

const SAMPLE = new URL('../../data/bakery.json', import.meta.url).pathname;
const NOW = { now: '2026-11-23T08:00:00.000Z' };

function sampleCopy(): string {
  const path = join(tempDir(), 'bakery.json');
  copyFileSync(SAMPLE, path);
  return path;
}

async function everything(store: string): Promise<string> {
  const parts: string[] = [];
  for (const what of ['prospects', 'touches', 'conversions']) parts.push((await run(store, ['export', what], NOW)).stdout);
  parts.push((await run(store, ['export', 'responses', 'first impressions'], NOW)).stdout);
  const ids = JSON.parse((await run(store, ['prospect', 'list', '--json'], NOW)).stdout).map((p: { id: number }) => p.id);
  for (const id of ids) parts.push((await run(store, ['prospect', 'show', String(id), '--json'], NOW)).stdout);
  return parts.join('\n');
}

describe.each(BACKENDS)('store migrate on $name', (backend) => {
  it('JSON → here → JSON keeps every record, id and counter: same exports, same prospect show', async () => {
    const source = sampleCopy();
    const here = await backend.tempStore();
    const back = join(tempDir(), 'back.json');
    const there = await run(source, ['store', 'migrate', here], NOW);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stderr).toMatch(/^migrated 42 prospects, 82 touches, 1 survey, 27 responses, 7 purchases from .*bakery\.json to /);
    expect((await run(here, ['store', 'check'])).code).toBe(0);
    expect((await run(here, ['store', 'migrate', back], NOW)).code).toBe(0);
    const expected = await everything(source);
    expect(await everything(here)).toBe(expected);
    expect(await everything(back)).toBe(expected);
    // The counters came along: the next prospect gets the id the sample would have given.
    const next = await run(source, ['prospect', 'add', 'New Person'], NOW);
    expect((await run(here, ['prospect', 'add', 'New Person'], NOW)).stdout).toBe(next.stdout);
  });

  it('a target that holds anything is refused with 4, and left as it was', async () => {
    const here = await backend.tempStore();
    expect((await run(here, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    const r = await run(sampleCopy(), ['store', 'migrate', here], NOW);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is not empty \(1 prospect, 0 touches, 0 surveys, 0 responses\); migrate into an empty one/);
    expect(JSON.parse((await run(here, ['prospect', 'list', '--json'])).stdout).map((p: { name: string }) => p.name)).toEqual(['Ravi']);
  });

  it('--json prints the summary as an object', async () => {
    const here = await backend.tempStore();
    const r = await run(sampleCopy(), ['store', 'migrate', here, '--json'], NOW);
    expect(JSON.parse(r.stdout)).toEqual({ from: expect.any(String), to: expect.any(String), prospects: 42, touches: 82, surveys: 1, responses: 27, purchases: 7, tallies: 0, occasions: 0 });
  });
});

describe('store migrate (JSON specifics)', () => {
  it('refuses to migrate a store onto itself (2)', async () => {
    const source = sampleCopy();
    const r = await run(source, ['store', 'migrate', source]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the current store/);
  });

  it('an empty source migrates to an empty target without creating a store file there', async () => {
    const empty = await JSON_BACKEND.tempStore();
    const target = await JSON_BACKEND.tempStore();
    const r = await run(empty, ['store', 'migrate', target]);
    expect(r.code).toBe(0);
    expect(await JSON_BACKEND.created(target)).toBe(false);
  });
});

describe('store migrate checks every kind of record on both sides', () => {
  /** An empty SQLite store whose purchases table silently drops the row with this id (a target that loses a row). */
  async function targetLosingPurchase(id: number): Promise<string> {
    const target = join(tempDir(), 'lossy.db');
    expect((await run(target, ['prospect', 'add', 'Placeholder'])).code).toBe(0);
    expect((await run(target, ['prospect', 'remove', '1', '--yes'])).code).toBe(0);
    const db = new Database(target);
    db.exec(`CREATE TRIGGER lose_one AFTER INSERT ON purchases WHEN NEW.id = ${id} BEGIN DELETE FROM purchases WHERE id = NEW.id; END`);
    db.close();
    return target;
  }

  it('a purchase the target lost fails the migration (65) with both counts; nothing is left in the target', async () => {
    const source = sampleCopy();
    const ids = (JSON.parse((await run(source, ['export', 'purchases', '--format', 'json'], NOW)).stdout) as { id: number }[]).map((u) => u.id);
    const target = await targetLosingPurchase(ids.at(-1)!);
    const r = await run(source, ['store', 'migrate', target], NOW);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: .*lossy\.db holds 42 prospects, 82 touches, 1 survey, 27 responses, 6 purchases after the migration, but .*bakery\.json holds 42 prospects, 82 touches, 1 survey, 27 responses, 7 purchases; nothing was migrated/);
    expect(JSON.parse((await run(target, ['prospect', 'list', '--json'])).stdout)).toEqual([]);
  });
});
