import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversionFixture, writeStore } from '../fixtures/store-builder.js';
import { spawnPrecrm, tempDir } from '../helpers.js';

describe('report through the built binary', () => {
  it('pipes CSV to stdout with nothing on stderr, and honours PRECRM_FORMAT', async () => {
    const store = await writeStore(join(tempDir(), 'store.json'), conversionFixture());
    const csv = await spawnPrecrm(['--store', store, 'report', 'sources', '--format', 'csv']);
    expect(csv).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue',
        'instagram,2,1,0.5,8,2,20',
        'referral,1,1,1,12,0,0',
        'walk-in,3,2,0.666667,9.5,3,130',
        ',1,0,0,,,0',
        '',
      ].join('\n'),
    });
    const json = await spawnPrecrm(['--store', store, 'report', 'referrals'], { env: { PRECRM_FORMAT: 'json' } });
    expect(JSON.parse(json.stdout)).toEqual([
      { id: 1, name: 'Ravi', referrals: 3, referred_customers: 2, referred_revenue: 50 },
      { id: 2, name: 'Anna', referrals: 1, referred_customers: 1, referred_revenue: 0 },
    ]);
  });
});
