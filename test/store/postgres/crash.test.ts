// kill -9 while precrm writes a large batch into PostgreSQL (`store migrate` of a 10,000-prospect store, one
// transaction): the database holds everything or nothing — never part — and the next writer is not left waiting.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../../helpers.js';
import { asAdmin, freshDatabase } from '../../pg.js';
import { sleep, startPrecrm, waitUntil, writeLargeStore } from '../fixtures.js';

const SIZE = 10_000;
const ROUNDS = 4;

/**
 * Whether the server still works for a client that is gone: a COMMIT the killed writer had already sent is carried
 * out by its server process, so the count is read only once no session on the database is left.
 */
async function sessionsOn(database: string): Promise<number> {
  return asAdmin(async (c) => (await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database])).rows[0].n as number);
}

async function prospectsIn(database: string): Promise<number> {
  return asAdmin(async (c) => {
    const present = await c.query("SELECT to_regclass('prospects') IS NOT NULL AS t");
    if (!present.rows[0].t) return 0;
    return (await c.query('SELECT count(*)::int AS n FROM prospects')).rows[0].n as number;
  }, database);
}

describe('kill -9 during a large write to PostgreSQL', () => {
  it(`leaves all or nothing, over ${ROUNDS} random kills`, async () => {
    const source = (await tempStore());
    writeLargeStore(source, SIZE);
    const calibration = await freshDatabase();
    const started = Date.now();
    const first = await startPrecrm(source, ['store', 'migrate', calibration.url]).done;
    expect(first.code, first.stderr).toBe(0);
    const span = Date.now() - started;
    expect(await prospectsIn(calibration.name)).toBe(SIZE);

    const outcomes = { nothing: 0, all: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const target = await freshDatabase();
      const writer = startPrecrm(source, ['store', 'migrate', target.url]);
      await sleep(Math.floor(span * (0.2 + Math.random() * 0.9)));
      writer.child.kill('SIGKILL');
      await writer.done;
      await waitUntil('the dead writer\'s session has ended', async () => (await sessionsOn(target.name)) === 0);
      const n = await prospectsIn(target.name);
      expect([0, SIZE]).toContain(n);
      if (n === 0) {
        outcomes.nothing++;
        // The dead writer's transaction and its locks are gone: migrating again succeeds.
        const again = await startPrecrm(source, ['store', 'migrate', target.url], { PRECRM_LOCK_TIMEOUT: '20000' }).done;
        expect(again.code, again.stderr).toBe(0);
        expect(await prospectsIn(target.name)).toBe(SIZE);
      } else outcomes.all++;
    }
    expect(outcomes.nothing + outcomes.all).toBe(ROUNDS);
  }, 240_000);
});
