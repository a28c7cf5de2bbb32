import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore, storedDoc, storeBytes } from '../helpers.js';

const csvFile = (text: string) => {
  const path = join(tempDir(), 'touches.csv');
  writeFileSync(path, text);
  return path;
};
const doc = (store: string) => storedDoc(store) as Promise<any>;

async function seeded(): Promise<string> {
  const store = (await tempStore());
  await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware']);
  await run(store, ['prospect', 'add', 'Anna']);
  return store;
}

describe('import touches', () => {
  it('logs touches by prospect id or email; an inbound touch makes an aware prospect interested', async () => {
    const store = await seeded();
    const file = csvFile('Prospect,Type,Date,Note,Outcome,Direction\nravi@example.com,website,2026-03-01T20:15:00Z,/menu,,in\n2,greeting,2026-03-02,"said hello, smiled",positive,out\n');
    const r = await run(store, ['import', 'touches', file]);
    expect(r).toMatchObject({ code: 0, stderr: 'created 2, merged 0, skipped 0, rejected 0\n' });
    const d = (await doc(store));
    expect(d.touches).toEqual([
      { id: 1, prospectId: 1, type: 'website', at: '2026-03-01T20:15:00.000Z', note: '/menu', outcome: null, direction: 'in', by: null, cost: null, currency: null },
      { id: 2, prospectId: 2, type: 'greeting', at: '2026-03-02T00:00:00.000Z', note: 'said hello, smiled', outcome: 'positive', direction: 'out', by: null, cost: null, currency: null },
    ]);
    expect(d.prospects[0].stage).toBe('interested');
  });

  it('skips a touch identical in prospect, type and time, so nightly re-imports are no-ops', async () => {
    const store = await seeded();
    const file = csvFile('email,type,at\nravi@example.com,website,2026-03-01T20:15:00Z\nravi@example.com,website,2026-03-01T20:15:00.000Z\n');
    expect((await run(store, ['import', 'touches', file])).stderr).toBe('created 1, merged 0, skipped 1, rejected 0\n');
    const before = (await storeBytes(store));
    const again = await run(store, ['import', 'touches', file]);
    expect(again.stderr).toBe('created 0, merged 0, skipped 2, rejected 0 (nothing to change)\n');
    expect((await storeBytes(store))).toEqual(before);
  });

  it.each([
    ['type,at\nwebsite,2026-03-01', /no column gives prospect or email/],
    ['email,at\nravi@example.com,2026-03-01', /no column gives type/],
  ])('refuses a file without the needed columns: %j', async (text, message) => {
    const r = await run(await seeded(), ['import', 'touches', csvFile(`${text}\n`)]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(message);
  });

  it('rejects bad rows with every reason, and writes nothing', async () => {
    const store = await seeded();
    const before = (await storeBytes(store));
    const file = csvFile([
      'prospect,type,at,outcome,direction',
      '1,fax,2026-03-01,,',
      '1,call,,great,sideways',
      ',call,2026-03-01,,',
      'zed@example.com,call,2026-03-01,,',
      '99,,yesterday-ish,,',
    ].join('\n'));
    const r = await run(store, ['import', 'touches', file]);
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  line'))).toEqual([
      '  line 2: type "fax" is not one of: greeting, visit, sample, tasting, call, email, message, meeting, event, website, social, referral, other',
      '  line 3: has no date (at); outcome "great" is not one of: positive, neutral, negative; direction "sideways" is not one of: in, out',
      '  line 4: has no prospect (give a prospect id or email)',
      '  line 5: prospect "zed@example.com" matches no prospect (import or add the prospect first)',
      '  line 6: has no type; at "yesterday-ish" is not a date (use 2026-03-05, 2026-03-05T18:30 or 2026-03-05T18:30:00Z)',
    ]);
    expect((await storeBytes(store))).toEqual(before);
  });
});
