// `report referrals` through its verb: run returns a row per referrer of the cohort.
import { describe, expect, it } from 'vitest';
import { referrals } from '../../../src/commands/report/referrals.js';
import { conversionFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report referrals (verb)', () => {
  it('run returns per referrer how many they referred, how many bought and what those customers paid (every currency of the report, 0 where none)', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const rows = await withContext(store, async (ctx) => referrals.run(ctx, await referrals.parse([], {}, ctx)));
    expect(rows.map((r) => [r.id, r.name, r.referrals, r.referred_customers, r.referred_revenue])).toEqual([
      [1, 'Ravi', 3, 2, { INR: 50 }], [2, 'Anna', 1, 1, { INR: 0 }],
    ]);
  });

  it('writes -o FILE and says so (argv level)', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const r = await run(store, ['report', 'referrals', '-o', '-', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 1, name: 'Ravi', referrals: 3 });
  });
});
