// kill -9 at random moments while precrm rewrites a large store: the file always parses, passes `store check`,
// and holds either the state before that write or the state after it — never a torn or mixed file.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';
import { sleep, startPrecrm, writeLargeStore } from './fixtures.js';

const SIZE = 30_000;
const ROUNDS = 12;

describe('kill -9 during writes to a large store', () => {
  it(`leaves the old or the new state, over ${ROUNDS} random kills`, async () => {
    const store = (await tempStore());
    writeLargeStore(store, SIZE);
    // One undisturbed write measures how long a write takes here, so the kills land before, during and after it.
    const started = Date.now();
    const first = await startPrecrm(store, ['prospect', 'add', 'Calibration']).done;
    expect(first.code, first.stderr).toBe(0);
    const span = Date.now() - started;
    let expected = [...Array.from({ length: SIZE }, (_, i) => `Prospect ${i + 1}`), 'Calibration'];
    const outcomes = { old: 0, new: 0 };
    let checked = Buffer.alloc(0);

    for (let round = 0; round < ROUNDS; round++) {
      const name = `Round ${round}`;
      const writer = startPrecrm(store, ['prospect', 'add', name]);
      await sleep(Math.floor(span * (0.3 + Math.random() * 0.9)));
      writer.child.kill('SIGKILL');
      await writer.done;
      // Its lock died with it (the kernel releases an flock): nothing to clear before the next write.

      const bytes = readFileSync(store);
      const doc = JSON.parse(bytes.toString('utf8'));
      const got: string[] = doc.prospects.map((p: { name: string }) => p.name);
      if (got.length === expected.length + 1) {
        expect(got).toEqual([...expected, name]);
        expected = got;
        outcomes.new++;
      } else {
        expect(got).toEqual(expected);
        outcomes.old++;
      }
      // The same bytes as at the last check pass it again: only a file this round changed is checked (each check
      // reads all 30,000 prospects, the better part of a round).
      if (!bytes.equals(checked)) {
        const check = await run(store, ['store', 'check']);
        expect(check.code, check.stderr).toBe(0);
        checked = bytes;
      }
    }
    expect(outcomes.old + outcomes.new).toBe(ROUNDS);
    // Ids stay unique and below nextId after all of that, and the write removed what the killed ones left.
    const after = await run(store, ['prospect', 'add', 'After']);
    expect(after.stdout).toBe(`${expected.length + 1}\n`);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
    expect(await run(store, ['store', 'check'])).toMatchObject({ code: 0, stderr: expect.not.stringContaining('warning') });
  }, 300_000); // a deadline for a hung run, not a measure: each round waits on its writer, which a loaded machine slows
});
