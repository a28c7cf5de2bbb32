// `store migrate` through its verb: parse resolves the target and refuses the current store, run copies everything
// into the empty target and returns the counts, show names the target (or, with --json, what was copied).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as migrate from '../../../src/commands/store/migrate.js';
import { run, storedDoc, tempDir, tempStore, withContext } from '../../helpers.js';

async function shop(): Promise<string> {
  const store = await tempStore();
  await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
  await run(store, ['touch', 'log', 'ravi', 'call']);
  await run(store, ['tally', 'log', 'greeting', '40']);
  return store;
}

describe('store migrate (verb)', () => {
  it('parse resolves a file target against the working folder, and refuses the current store (usage)', async () => {
    const store = await tempStore();
    const dir = tempDir();
    await withContext(store, async (ctx) => {
      expect(migrate.parse(['shop.db'], {}, ctx)).toEqual({ target: { kind: 'sqlite', path: join(dir, 'shop.db') }, format: 'table' });
      expect(() => migrate.parse([store], {}, ctx)).toThrow(/is the current store; migrate into another one/);
    }, { cwd: dir });
  });

  it('run copies every record, ids and counters too, into an empty JSON file and returns the counts', async () => {
    const store = await shop();
    const target = join(tempDir(), 'moved.json');
    const moved = await withContext(store, async (ctx) => migrate.run(ctx, migrate.parse([target], {}, ctx)));
    expect(moved.to).toBe(target);
    expect(moved.counts).toMatchObject({ prospects: 1, touches: 1, tallies: 1, surveys: 0 });
    const [from, to] = [await storedDoc(store), await storedDoc(target)];
    expect(to.prospects).toEqual(from.prospects);
    expect(to.nextId).toEqual(from.nextId);
  });

  it('prints the target on stdout, the counts under --json (argv level)', async () => {
    const store = await shop();
    const target = join(tempDir(), 'moved.json');
    const r = await run(store, ['store', 'migrate', target]);
    expect(r).toMatchObject({ code: 0, stdout: `${target}\n` });
    expect(r.stderr).toMatch(/^migrated 1 prospect, 1 touch, 0 surveys, 0 responses, 1 tally from .+ to /);
    const json = await run(store, ['store', 'migrate', join(tempDir(), 'again.json'), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ prospects: 1, touches: 1, tallies: 1 });
  });
});
