// `report velocity` through its verb: run returns a row per stage transition the cohort made.
import { describe, expect, it } from 'vitest';
import { velocity } from '../../../src/commands/report/velocity.js';
import { funnelFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report velocity (verb)', () => {
  it('run returns each transition with how many made it and the median days', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const rows = await withContext(store, async (ctx) => velocity.run(ctx, await velocity.parse([], {}, ctx)));
    expect(rows.find((r) => r.from === 'customer' && r.to === 'advocate')).toMatchObject({ count: 1, median_days: 10 });
    const walkIn = await withContext(store, async (ctx) => velocity.run(ctx, await velocity.parse([], { source: 'walk-in' }, ctx)));
    expect(walkIn.reduce((n, r) => n + r.count, 0)).toBe(8);
  });

  it('an empty cohort prints the header and says why on stderr (argv level)', async () => {
    const r = await run(await tempStore(), ['report', 'velocity']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no data for this cohort yet (try a wider --since/--until or fewer filters)\n');
  });
});
