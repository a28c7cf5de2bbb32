// Large inserts go through COPY: every value comes back exactly (tabs, line breaks, backslashes, nulls, accents),
// and a used id is still refused with nothing written.
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { P, T } from '../contract.js';
import { freshDatabase } from '../../pg.js';

const OPTIONS = { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000, env: {}, homedir: '/nonexistent', osUser: 'tester' };
const stores: PostgresStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

const NASTY = ['tab\there', 'line\nbreak', 'cr\r\nlf', 'back\\slash \\N', 'Tomás Ñandú 🍰', '', '\\.', 'end\\'];

describe('bulk inserts through COPY', () => {
  it('keep every field of 300 prospects, their history and consent, touches and responses', async () => {
    const store = new PostgresStore((await freshDatabase()).url, OPTIONS);
    stores.push(store);
    const prospects = Array.from({ length: 300 }, (_, i) => P(i + 1, {
      name: NASTY[i % NASTY.length]! + i,
      email: i % 3 ? `p${i}@example.com` : null,
      notes: i % 2 ? NASTY[(i + 3) % NASTY.length]! : null,
      tags: [NASTY[i % NASTY.length]!, 'cakes'],
      fields: { 'allergy\t': NASTY[(i + 1) % NASTY.length]! },
      consent: [{ at: '2026-01-02T00:00:00.000Z', granted: false, note: NASTY[(i + 5) % NASTY.length]! }],
      stageHistory: [{ stage: 'interested', at: '2026-01-01T12:00:00.000Z' }, { stage: 'engaged', at: '2026-01-05T12:00:00.000Z' }],
      stage: 'engaged',
      conversion: i % 7 ? null : { at: '2026-01-09T00:00:00.000Z', value: 12.5 + i, currency: 'INR', product: 'cake\nslice' },
    }));
    const touches = prospects.map((p, i) => T(i + 1, p.id, '2026-01-03T10:00:00.000Z', { note: NASTY[i % NASTY.length]!, by: null }));
    await store.transaction(async (tx) => {
      await tx.insert('prospect', prospects);
      await tx.insert('touch', touches);
      await tx.insert('survey', [{ id: 1, name: 'S', createdAt: '2026-01-01T00:00:00.000Z', questions: [{ key: 'why', type: 'text', text: 'Why?', choices: null }] }]);
      await tx.insert('response', prospects.map((p, i) => ({ id: i + 1, survey: 'S', prospectId: p.id, segment: 'prospect' as const, stage: 'engaged' as const, at: '2026-01-04T00:00:00.000Z', answers: { why: NASTY[i % NASTY.length]! } })));
    });
    expect(await store.listProspects()).toEqual(prospects);
    expect((await store.listTouches()).sort((a, b) => a.id - b.id)).toEqual(touches);
    expect((await store.listResponses()).map((r) => r.answers.why)).toEqual(prospects.map((_, i) => NASTY[i % NASTY.length]));
    expect(await store.counters()).toEqual({ prospect: 301, touch: 301, survey: 2, response: 301, purchase: 44, tally: 1, occasion: 1 });
    expect(await store.check()).toEqual([]);

    const clash = await store.transaction((tx) => tx.insert('prospect', Array.from({ length: 100 }, (_, i) => P(250 + i)))).catch((e: unknown) => e);
    expect(String((clash as Error).message)).toMatch(/^internal: prospect id exists already/);
    expect((await store.counts()).prospects).toBe(300);
  });
});
