// `export touches` through its verb: parse takes the touch type and the window on the touch's date, run returns
// each touch with its prospect.
import { describe, expect, it } from 'vitest';
import { touches } from '../../../src/commands/export/touches.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function touched(): Promise<string> {
  const store = await storeWith();
  await run(store, ['touch', 'log', '1', 'greeting', 'waved', '--at', '2026-03-08T10:00:00Z']);
  await run(store, ['touch', 'log', '1', 'tasting', 'buns', '--at', '2026-03-09T10:00:00Z', '--by', 'mitra']);
  return store;
}

describe('export touches (verb)', () => {
  it('parses --type, --by and the window; an unknown type is a usage error', async () => {
    const store = await touched();
    await withContext(store, async (ctx) => {
      expect(await touches.parse([], { type: 'Tasting', by: 'mitra', since: '2026-03-09' }, ctx)).toMatchObject({ type: 'tasting', by: 'mitra', since: expect.stringMatching(/^2026-03-0[89]T/), prospects: {} });
      expect(() => touches.parse([], { type: 'hug' }, ctx)).toThrow(expect.objectContaining({ exitCode: EXIT.usage }));
    });
  });

  it('run returns the touches, oldest first, each with its prospect', async () => {
    const store = await touched();
    const rows = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([], {}, ctx)));
    expect(rows.map((r) => [r.t.type, r.t.note, r.p.name])).toEqual([['greeting', 'waved', 'Ravi Sen'], ['tasting', 'buns', 'Ravi Sen']]);
    const mitra = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([], { by: 'mitra' }, ctx)));
    expect(mitra.map((r) => r.t.type)).toEqual(['tasting']);
  });

  it('prints CSV with the prospect\'s email and name (argv level)', async () => {
    const store = await touched();
    const r = await run(store, ['export', 'touches', '--type', 'tasting']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,prospect_id,email,name,type,at,direction,outcome,by,note,cost,currency\n2,1,ravi@example.com,Ravi Sen,tasting,2026-03-09T10:00:00.000Z,,,mitra,buns,,\n');
  });
});
