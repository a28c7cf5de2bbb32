// The contract of the Store interface (src/store/store.ts), as one suite every backend runs:
//   runStoreContract('sqlite', SQLITE_BACKEND)   — one line per backend, in test/store/contract-<name>.test.ts.
// The expected values are written out by hand (never "whatever JSON says"), so passing here means every backend
// gives the same rows, in the same order, with the same ids.
import { describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../src/domain/errors.js';
import type { ProspectFilter } from '../../src/domain/queries.js';
import { parseReference, resolveProspect } from '../../src/domain/references.js';
import { tallyFunnel } from '../../src/domain/reports/funnel.js';
import type { Prospect, SuppressionEntry, Survey, SurveyResponse, Touch } from '../../src/domain/types.js';
import type { Store, StoreTransaction } from '../../src/store/store.js';
import { backupPath, factoryFor, openTestStore, type TestBackend } from '../backends.js';

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

export function P(id: number, over: Partial<Prospect> = {}): Prospect {
  return {
    id, name: `Person ${id}`, description: null, email: null, phone: null, company: null, source: null, stage: 'interested',
    stageHistory: [{ stage: 'interested', at: over.createdAt ?? at(1) }], tags: [], owner: null, referredBy: null,
    doNotContact: false, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {}, conversion: null,
    notes: null, forgottenAt: null, createdAt: at(1), updatedAt: at(1), ...over,
  };
}

export function T(id: number, prospectId: number, when: string, over: Partial<Touch> = {}): Touch {
  return { id, prospectId, type: 'visit', at: when, note: null, outcome: null, direction: null, by: 'mitra', cost: null, currency: null, ...over };
}

const SURVEY: Survey = {
  id: 1, name: 'First Impressions', createdAt: at(2),
  questions: [{ key: 'taste', type: 'scale', text: 'Taste?', choices: null }, { key: 'why', type: 'choice', text: 'Why?', choices: ['price', 'taste'] }],
};
const OTHER: Survey = { id: 2, name: 'Other', createdAt: at(2), questions: [{ key: 'taste', type: 'scale', text: 'Taste?', choices: null }] };
const R = (id: number, survey: string, prospectId: number | null, when: string): SurveyResponse =>
  ({ id, survey, prospectId, segment: prospectId === null ? 'anonymous' : 'prospect', stage: prospectId === null ? null : 'interested', at: when, answers: { taste: 4 } });

/** A small shop: the same store for every read test, written through the interface itself. */
const SHOP: Prospect[] = [
  P(1, { name: 'Ravi Sen', email: 'Ravi@Example.com', phone: '+91 98300 00000', source: 'walk-in', owner: 'Mitra', tags: ['cakes', 'Bread'], createdAt: at(1), stage: 'customer',
    stageHistory: [{ stage: 'interested', at: at(1) }, { stage: 'customer', at: at(10) }], conversion: { at: at(10), value: 250, currency: 'INR', product: 'cake' }, notes: 'loves cardamom' }),
  P(2, { name: 'Anna Berg', email: 'anna@example.com', source: 'Walk-In', owner: 'mitra', tags: ['cakes'], createdAt: at(3), referredBy: 1, followUp: { at: at(20, 9), note: 'call about the wedding' } }),
  P(3, { name: 'Tomás Ortega', phone: '030 1234567', source: 'web', owner: 'jo', createdAt: at(5), stage: 'engaged', cadenceDays: 7, fields: { allergy: 'nuts' } }),
  P(4, { name: 'Tom Baker', source: 'web', createdAt: at(7), stage: 'lost', lostReason: 'moved to Ravi street', followUp: { at: at(8), note: null } }),
  P(5, { name: 'Ravi Kumar', email: 'rk@example.com', createdAt: at(9), doNotContact: true, followUp: { at: at(9), note: null } }),
  P(6, { name: null, email: null, createdAt: at(11), stage: 'aware', forgottenAt: at(12), referredBy: 1 }),
  P(7, { name: 'anna berg', createdAt: at(13), stage: 'aware', company: 'Berg & Co' }),
];
const TOUCHES: Touch[] = [
  T(1, 1, at(2), { type: 'greeting', note: 'said hi to Anna' }),
  T(2, 1, at(10), { type: 'sample', by: 'Jo' }),
  T(3, 2, at(4), { type: 'call' }),
  T(4, 1, at(10), { type: 'visit', note: 'bought the cake' }),
  T(5, 3, at(6), { type: 'website', by: null }),
  T(6, 1, at(15), { type: 'email', by: 'MITRA' }),
];

async function fill(tx: StoreTransaction): Promise<void> {
  await tx.takeId('prospect', SHOP.length);
  await tx.insert('prospect', SHOP);
  await tx.takeId('touch', TOUCHES.length);
  await tx.insert('touch', TOUCHES);
  await tx.insert('survey', [SURVEY, OTHER]);
  // A response names its survey as the survey is named (a SQL store keeps the survey's id and joins its name).
  await tx.insert('response', [R(1, 'First Impressions', 1, at(12)), R(2, 'First Impressions', null, at(11)), R(3, 'Other', 2, at(13))]);
}

const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

async function failsWith(promise: Promise<unknown>, exitCode: number): Promise<void> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(PrecrmError);
  expect((err as PrecrmError).exitCode).toBe(exitCode);
}

export function runStoreContract(backend: TestBackend): void {
  const fresh = factoryFor(backend);
  /** A store holding SHOP; the test closes it. */
  const shop = async () => {
    const opened = await fresh();
    await opened.store.transaction(fill);
    return opened;
  };
  const withStore = (test: (s: Store, location: string) => Promise<void>, make = shop) => async () => {
    const { store, location, cleanup } = await make();
    try {
      await test(store, location);
    } finally {
      await cleanup();
    }
  };

  describe(`Store contract: ${backend.name}`, () => {
    it('reads of a location that holds nothing are empty and create nothing', withStore(async (s, location) => {
      expect(await s.getProspect(1)).toBeNull();
      expect(await s.getProspects([1, 2])).toEqual([]);
      expect(await s.prospectCandidates(parseReference('ravi'))).toEqual([]);
      expect(await s.findDuplicates({ emails: ['a@b.c'], phones: ['123456'], bareNames: ['x'] })).toEqual([]);
      expect(await s.prospectsNamed('Ravi Sen')).toEqual([]);
      expect(await s.listProspects({ filter: { search: 'x' }, sort: { key: 'name' }, limit: 3 })).toEqual([]);
      expect(await s.referralsOf(1)).toEqual([]);
      expect(await s.getTouch(1)).toBeNull();
      expect(await s.listTouches({ latest: 2 })).toEqual([]);
      expect(await s.lastTouches([1])).toEqual(new Map());
      expect(await s.countTouchesUpTo([{ prospectId: 1, at: at(1) }])).toEqual(new Map([[1, 0]]));
      expect(await s.dueCandidates({}, at(30))).toEqual([]);
      expect(await s.staleCandidates({}, at(30))).toEqual([]);
      expect(await s.cohort({})).toEqual([]);
      expect(await s.cohortTouches({})).toEqual([]);
      expect(await s.surveys()).toEqual([]);
      expect(await s.surveyByName('x')).toBeNull();
      expect(await s.listResponses({ survey: 'x' })).toEqual([]);
      expect(await s.countResponses(['X'])).toEqual(new Map([['x', 0]]));
      expect(await s.suppressionSecret()).toBeNull();
      expect(await s.suppressionEntries(['a'.repeat(64)])).toEqual([]);
      expect(await s.counts()).toEqual({ prospects: 0, touches: 0, surveys: 0, responses: 0, purchases: 0, tallies: 0, occasions: 0 });
      expect(await s.counters()).toEqual({ prospect: 1, touch: 1, survey: 1, response: 1, purchase: 1, tally: 1, occasion: 1 });
      expect(await s.check()).toEqual([]);
      const dumped = [];
      for await (const b of s.dump()) dumped.push(b);
      expect(dumped.at(-1)).toEqual({ kind: 'counters', counters: { prospect: 1, touch: 1, survey: 1, response: 1, purchase: 1, tally: 1, occasion: 1 } });
      expect(await s.transaction(async (tx) => (await tx.listProspects()).length)).toBe(0); // a transaction that writes nothing
      expect(await backend.created(location)).toBe(false);
    }, fresh));

    describe('transactions and ids', () => {
      it('hand out ids from counters that only grow; a refused transaction hands out nothing', withStore(async (s) => {
        const add = (name: string) => s.transaction(async (tx) => {
          const id = await tx.takeId('prospect');
          await tx.insert('prospect', [P(id, { name })]);
          return id;
        });
        expect(await add('a')).toBe(1);
        expect(await add('b')).toBe(2);
        const refusal = new PrecrmError('no', EXIT.conflict);
        const thrown = await s.transaction(async (tx) => {
          const id = await tx.takeId('prospect');
          await tx.insert('prospect', [P(id, { name: 'refused' })]);
          await tx.takeId('touch', 5);
          throw refusal;
        }).catch((e: unknown) => e);
        expect(thrown).toBe(refusal); // passes through unchanged
        expect(await add('c')).toBe(3);
        await s.transaction((tx) => tx.delete('prospect', [3]));
        expect(await add('d')).toBe(4); // never reused after a delete
        expect(await s.transaction((tx) => tx.takeId('touch', 3))).toBe(1);
        expect(await s.counters()).toEqual({ prospect: 5, touch: 4, survey: 1, response: 1, purchase: 1, tally: 1, occasion: 1 });
        expect((await s.listProspects()).map((p) => p.name)).toEqual(['a', 'b', 'd']);
      }, fresh));

      it('an insert with an explicit id moves the counter past it; ids below it stay free for import', withStore(async (s) => {
        await s.transaction((tx) => tx.insert('prospect', [P(40), P(12)]));
        expect((await s.counters()).prospect).toBe(41);
        expect(ids(await s.listProspects())).toEqual([12, 40]);
        expect(await s.transaction((tx) => tx.takeId('prospect'))).toBe(41);
      }, fresh));

      it('a batch of explicit ids in any order is stored and read back in id order, each found by id', withStore(async (s) => {
        await s.transaction((tx) => tx.insert('prospect', [P(30), P(7), P(50), P(3), P(41)]));
        await s.transaction((tx) => tx.insert('prospect', [P(20), P(60), P(10)]));
        expect(ids(await s.listProspects())).toEqual([3, 7, 10, 20, 30, 41, 50, 60]);
        for (const id of [3, 7, 10, 20, 30, 41, 50, 60]) expect((await s.getProspect(id))!.id).toBe(id);
        await expect(s.transaction((tx) => tx.insert('prospect', [P(70), P(5), P(70)]))).rejects.toThrow();
        expect(ids(await s.listProspects())).toEqual([3, 7, 10, 20, 30, 41, 50, 60]);
      }, fresh));

      it('roll back every write when the work throws, a non-Precrm error included', withStore(async (s) => {
        const before = await s.counters();
        await expect(s.transaction(async (tx) => {
          await tx.update('prospect', [{ ...SHOP[0]!, name: 'changed' }]);
          await tx.delete('touch', [1, 2, 3]);
          await tx.insert('touch', [T(await tx.takeId('touch'), 2, at(20))]);
          await tx.delete('prospect', [7]);
          throw new TypeError('boom');
        })).rejects.toThrow(TypeError);
        expect((await s.getProspect(1))!.name).toBe('Ravi Sen');
        expect(ids(await s.listTouches())).toEqual([1, 3, 5, 2, 4, 6]);
        expect(await s.counts()).toEqual({ prospects: 7, touches: 6, surveys: 2, responses: 3, purchases: 1, tallies: 0, occasions: 0 });
        expect(await s.counters()).toEqual(before);
      }));

      it('see their own writes; records read inside are copies until written back', withStore(async (s) => {
        await s.transaction(async (tx) => {
          const p = (await tx.getProspect(2))!;
          p.name = 'not written';
          p.tags.push('nor this');
          expect((await tx.getProspect(2))!.name).toBe('Anna Berg');
          await tx.update('prospect', [{ ...p, name: 'Anna B.', tags: ['cakes'] }]);
          expect((await tx.getProspect(2))!.name).toBe('Anna B.');
          await tx.insert('touch', [T(await tx.takeId('touch'), 2, at(21))]);
          expect((await tx.lastTouches([2])).get(2)!.id).toBe(7);
          await tx.delete('prospect', [7]);
          expect(await tx.getProspect(7)).toBeNull();
        });
        const anna = (await s.getProspect(2))!;
        expect([anna.name, anna.tags]).toEqual(['Anna B.', ['cakes']]);
        expect(await s.getProspect(7)).toBeNull();
      }));

      it('refuse to insert a used id or update a missing one (a bug), writing nothing', withStore(async (s) => {
        await expect(s.transaction((tx) => tx.insert('prospect', [P(1)]))).rejects.toThrow();
        await expect(s.transaction((tx) => tx.update('touch', [T(99, 1, at(1))]))).rejects.toThrow();
        expect((await s.getProspect(1))!.name).toBe('Ravi Sen');
        await s.transaction((tx) => tx.delete('touch', [999])); // a missing id is ignored
        expect((await s.counts()).touches).toBe(6);
      }));

      it('keep every field of every record exactly', withStore(async (s) => {
        expect(await s.listProspects()).toEqual(SHOP);
        expect(await s.getTouch(6)).toEqual(TOUCHES[5]);
        expect(await s.surveys()).toEqual([SURVEY, OTHER]);
        expect((await s.listResponses()).map((r) => r.survey)).toEqual(['First Impressions', 'First Impressions', 'Other']);
      }));
    });

    describe('prospect reads', () => {
      it('getProspect(s): by id, missing ones left out, in id order', withStore(async (s) => {
        expect((await s.getProspect(3))!.name).toBe('Tomás Ortega');
        expect(ids(await s.getProspects([5, 99, 2, 5]))).toEqual([2, 5]);
      }));

      it('reference candidates let the domain resolve exactly as over every prospect', withStore(async (s) => {
        const all = await s.listProspects();
        const outcome = (list: Prospect[], ref: string) => {
          try {
            return `ok ${resolveProspect(list, ref).id}`;
          } catch (err) {
            return `${(err as PrecrmError).exitCode} ${(err as PrecrmError).message} ${(err as PrecrmError).details.join('|')}`;
          }
        };
        for (const ref of ['3', '99', 'ravi@example.COM', 'anna@example.com', 'Anna Berg', 'anna', 'ravi', 'Ravi K', 'tomas', 'TOMÁS ORTEGA', 'tom', 'to', 'nobody', ' 2 ', 'berg & co', 'x@y.z',
          'sen', 'ORTEGA', 'ortega x', 'berg', 'b', 'kum', 'en', 'avi', '%', 'r_vi', 'a\\']) {
          const candidates = await s.prospectCandidates(parseReference(ref));
          expect(ids(candidates)).toEqual([...ids(candidates)].sort((a, b) => a - b));
          expect(outcome(candidates, ref), ref).toBe(outcome(all, ref));
        }
        expect(ids(await s.prospectCandidates(parseReference('Ravi@example.com')))).toContain(1);
        expect(ids(await s.prospectCandidates(parseReference('tom')))).toEqual(expect.arrayContaining([3, 4]));
        // The start of any word of the name, when no name starts so: the same one prospect, or the same list, on every backend.
        expect(outcome(await s.prospectCandidates(parseReference('sen')), 'sen')).toBe('ok 1');
        expect(outcome(await s.prospectCandidates(parseReference('ortega')), 'ortega')).toBe('ok 3');
        expect(outcome(await s.prospectCandidates(parseReference('berg')), 'berg')).toMatch(/^2 "berg" matches 2 prospects/);
        expect(outcome(await s.prospectCandidates(parseReference('en')), 'en')).toMatch(/^3 /);
      }));

      it('findDuplicates: email key, phone key, or the name of a prospect without either', withStore(async (s) => {
        expect(ids(await s.findDuplicates({ emails: ['ravi@example.com'] }))).toEqual([1]);
        expect(ids(await s.findDuplicates({ phones: ['919830000000', '0301234567'] }))).toEqual([1, 3]);
        expect(ids(await s.findDuplicates({ bareNames: ['anna berg', 'tom baker', 'ravi sen'] }))).toEqual([4, 7]);
        expect(await s.findDuplicates({})).toEqual([]);
      }));

      it('prospectsNamed: the same name ignoring case and accents, nothing more', withStore(async (s) => {
        expect(ids(await s.prospectsNamed('ANNA BERG'))).toEqual([2, 7]);
        expect(ids(await s.prospectsNamed(' tomas ortega '))).toEqual([3]);
        expect(ids(await s.prospectsNamed('Tom'))).toEqual([]);
        expect(ids(await s.prospectsNamed('Anna Berg & Co'))).toEqual([]);
      }));

      const listed = async (s: Store, filter: ProspectFilter) => ids(await s.listProspects({ filter }));
      it('listProspects: every filter field, case-insensitive where text', withStore(async (s) => {
        expect(await listed(s, {})).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(await listed(s, { stages: ['aware', 'lost'] })).toEqual([4, 6, 7]);
        expect(await listed(s, { source: 'WALK-IN' })).toEqual([1, 2]);
        expect(await listed(s, { owner: 'MITRA' })).toEqual([1, 2]);
        expect(await listed(s, { tags: ['CAKES'] })).toEqual([1, 2]);
        expect(await listed(s, { tags: ['cakes', 'bread'] })).toEqual([1]);
        expect(await listed(s, { search: 'BERG' })).toEqual([2, 7]);
        expect(await listed(s, { search: '98300' })).toEqual([1]);
        expect(await listed(s, { search: 'cardamom' })).toEqual([1]);
        expect(await listed(s, { search: 'bread' })).toEqual([1]);
        expect(await listed(s, { createdSince: at(5), createdUntil: at(9) })).toEqual([3, 4, 5]);
        expect(await listed(s, { contactable: true })).toEqual([1, 2, 3, 4, 7]);
        expect(await listed(s, { converted: {} })).toEqual([1]);
        expect(await listed(s, { converted: { since: at(11) } })).toEqual([]);
        expect(await listed(s, { source: 'web', stages: ['engaged'] })).toEqual([3]);
      }));

      it('listProspects: sorted by each key (ties by id), descending, limited', withStore(async (s) => {
        const sorted = async (key: Parameters<Store['listProspects']>[0] & object) => ids(await s.listProspects(key));
        expect(await sorted({ sort: { key: 'name' } })).toEqual([6, 2, 7, 5, 1, 4, 3]);
        expect(await sorted({ sort: { key: 'name', descending: true } })).toEqual([3, 4, 1, 5, 2, 7, 6]);
        expect(await sorted({ sort: { key: 'id', descending: true }, limit: 2 })).toEqual([7, 6]);
        expect(await sorted({ sort: { key: 'stage' } })).toEqual([6, 7, 2, 5, 3, 1, 4]);
        expect(await sorted({ sort: { key: 'source' } })).toEqual([5, 6, 7, 2, 1, 3, 4]);
        expect(await sorted({ sort: { key: 'follow-up' }, limit: 3 })).toEqual([4, 5, 2]);
        expect(await sorted({ sort: { key: 'created', descending: true }, filter: { stages: ['aware'] } })).toEqual([7, 6]);
        expect(await sorted({ limit: 1 })).toEqual([1]);
      }));

      it('referralsOf and the free-text searches forget relies on', withStore(async (s) => {
        expect(ids(await s.referralsOf(1))).toEqual([2, 6]);
        expect(await s.referralsOf(2)).toEqual([]);
        expect(ids(await s.prospectsMentioning(['RAVI']))).toEqual(expect.arrayContaining([4]));
        expect(ids(await s.prospectsMentioning(['wedding', 'nuts']))).toEqual(expect.arrayContaining([2, 3]));
        expect(ids(await s.touchesMentioning(['anna']))).toEqual(expect.arrayContaining([1]));
        expect(ids(await s.touchesMentioning(['zzz']))).toEqual([]);
      }));
    });

    describe('touch reads', () => {
      it('listTouches: by time then id, every query field, the latest n', withStore(async (s) => {
        expect(ids(await s.listTouches())).toEqual([1, 3, 5, 2, 4, 6]);
        expect(ids(await s.listTouches({ prospectId: 1 }))).toEqual([1, 2, 4, 6]);
        expect(ids(await s.listTouches({ prospectIds: [2, 3, 99] }))).toEqual([3, 5]);
        expect(await s.listTouches({ prospectIds: [] })).toEqual([]);
        expect(ids(await s.listTouches({ types: ['call', 'email'] }))).toEqual([3, 6]);
        expect(ids(await s.listTouches({ since: at(4), until: at(10) }))).toEqual([3, 5, 2, 4]);
        expect(ids(await s.listTouches({ by: 'mitra' }))).toEqual([1, 3, 4, 6]);
        expect(ids(await s.listTouches({ by: ' jo ' }))).toEqual([2]);
        expect(ids(await s.listTouches({ prospects: { source: 'web' } }))).toEqual([5]);
        expect(ids(await s.listTouches({ prospectId: 1, latest: 2 }))).toEqual([4, 6]);
        expect(ids(await s.listTouches({ latest: 100 }))).toEqual([1, 3, 5, 2, 4, 6]);
      }));

      it('lastTouches, countTouchesUpTo', withStore(async (s) => {
        const last = await s.lastTouches([1, 2, 4]);
        expect([...last.entries()].map(([p, t]) => [p, t.id]).sort()).toEqual([[1, 6], [2, 3]]);
        await s.transaction((tx) => tx.delete('touch', [6]));
        expect((await s.lastTouches([1])).get(1)!.id).toBe(4); // same time as touch 2: the higher id is later
        expect(await s.countTouchesUpTo([{ prospectId: 1, at: at(10) }, { prospectId: 3, at: at(5) }, { prospectId: 9, at: at(30) }]))
          .toEqual(new Map([[1, 3], [3, 0], [9, 0]]));
      }));
    });

    describe('the daily lists', () => {
      it('dueCandidates: contactable, not lost, follow-up by the horizon or a cadence; with the last touch', withStore(async (s) => {
        const due = await s.dueCandidates({}, at(20, 10));
        expect(due.map((r) => [r.prospect.id, r.lastTouch?.id ?? null])).toEqual([[2, 3], [3, 5]]);
        expect((await s.dueCandidates({}, at(19))).map((r) => r.prospect.id)).toEqual([3]);
        expect((await s.dueCandidates({ owner: 'JO' }, at(30))).map((r) => r.prospect.id)).toEqual([3]);
      }));

      it('staleCandidates: contactable pre-customers silent (last touch, else creation) before the instant', withStore(async (s) => {
        const stale = await s.staleCandidates({}, at(12));
        expect(stale.map((r) => [r.prospect.id, r.lastTouch?.id ?? null])).toEqual([[2, 3], [3, 5]]);
        expect((await s.staleCandidates({}, at(14))).map((r) => r.prospect.id)).toEqual([2, 3, 7]);
        expect((await s.staleCandidates({ owner: 'mitra' }, at(14))).map((r) => r.prospect.id)).toEqual([2]);
      }));
    });

    describe('report reads', () => {
      it('cohort: the slim rows of the filtered prospects, by id', withStore(async (s) => {
        const rows = await s.cohort({ createdUntil: at(3) });
        expect(ids(rows)).toEqual([1, 2]);
        const { id, source, owner, tags, stage, stageHistory, createdAt, conversion, referredBy } = SHOP[0]!;
        expect(rows[0]).toMatchObject({ id, source, owner, tags, stage, stageHistory, createdAt, conversion, referredBy });
      }));

      it('funnelCounts: the funnel figures of the filtered cohort, counted in the store as tallyFunnel defines them', withStore(async (s) => {
        // By hand: histories are interested-only except Ravi's (customer on day 10), so ranks 2–4 are his 9 days.
        const everyone = { cohort: 7, reached: [7, 7, 1, 1, 1, 0], current: [2, 2, 1, 0, 1, 0], lost: [0, 1, 0, 0, 0, 0], medianDays: [0, 0, 9, 9, 9, null] };
        const firstTwo = { cohort: 2, reached: [2, 2, 1, 1, 1, 0], current: [0, 1, 0, 0, 1, 0], lost: [0, 0, 0, 0, 0, 0], medianDays: [0, 0, 9, 9, 9, null] };
        expect(await s.funnelCounts({})).toEqual(everyone);
        expect(await s.funnelCounts({ createdUntil: at(3) })).toEqual(firstTwo);
        expect(await s.funnelCounts({ source: 'WALK-IN' })).toEqual(firstTwo);
        const none = { cohort: 0, reached: [0, 0, 0, 0, 0, 0], current: [0, 0, 0, 0, 0, 0], lost: [0, 0, 0, 0, 0, 0], medianDays: [null, null, null, null, null, null] };
        expect(await s.funnelCounts({ createdSince: at(30) })).toEqual(none);
        for (const filter of [{ contactable: true }, { stages: ['interested', 'lost'] as Prospect['stage'][] }, { converted: {} }, { tags: ['cakes'] }]) {
          expect(await s.funnelCounts(filter), JSON.stringify(filter)).toEqual(tallyFunnel(await s.cohort(filter)));
        }
      }));

      it('cohortTouches: the touches of the cohort, by time then id', withStore(async (s) => {
        const rows = await s.cohortTouches({ tags: ['cakes'] });
        expect(ids(rows)).toEqual([1, 3, 2, 4, 6]);
        expect(rows[4]).toMatchObject({ id: 6, prospectId: 1, type: 'email', at: at(15), by: 'MITRA' });
      }));
    });

    describe('surveys and responses', () => {
      it('one rule ties a response to its survey: the name, ignoring case', withStore(async (s) => {
        expect((await s.surveyByName('FIRST impressions'))!.id).toBe(1);
        expect(await s.surveyByName('first')).toBeNull();
        expect((await s.getSurvey(1))!.name).toBe('First Impressions');
        expect(ids(await s.listResponses({ survey: 'First Impressions' }))).toEqual([2, 1]);
        expect(ids(await s.listResponses({ prospectId: 2 }))).toEqual([3]);
        expect(ids(await s.listResponses({ survey: 'first impressions', since: at(12) }))).toEqual([1]);
        expect(await s.countResponses(['First Impressions', 'other', 'none'])).toEqual(new Map([['first impressions', 2], ['other', 1], ['none', 0]]));
      }));
    });

    describe('the suppression list', () => {
      const [S1, S2] = ['1'.repeat(64), '2'.repeat(64)];
      const E = (digit: string, reason: SuppressionEntry['reason'] = 'forgotten', day = 3): SuppressionEntry => ({ hash: digit.repeat(64), reason, at: at(day) });
      const list = async (s: Store) => ({ secret: await s.suppressionSecret(), entries: await s.suppressionEntries(['a', 'b', 'c', 'd'].map((d) => d.repeat(64))) });

      it('keeps the first secret it is given; entries are put by hash, read back by hash order, and lifted', withStore(async (s) => {
        expect(await list(s)).toEqual({ secret: null, entries: [] });
        expect(await s.transaction((tx) => tx.keepSuppressionSecret(S1))).toBe(S1);
        expect(await s.transaction((tx) => tx.keepSuppressionSecret(S2))).toBe(S1);
        await s.transaction(async (tx) => {
          await tx.putSuppressions([E('c'), E('a', 'do-not-contact'), E('b', 'removed')]);
          expect((await tx.suppressionEntries(['c'.repeat(64)])).map((e) => e.reason)).toEqual(['forgotten']); // sees its own writes
        });
        expect(await list(s)).toEqual({ secret: S1, entries: [E('a', 'do-not-contact'), E('b', 'removed'), E('c')] });
        await s.transaction(async (tx) => {
          await tx.putSuppressions([E('a', 'forgotten', 5)]);
          await tx.liftSuppressions(['b'.repeat(64), 'd'.repeat(64)]);
        });
        expect(await list(s)).toEqual({ secret: S1, entries: [E('a', 'forgotten', 5), E('c')] });
        await failsWith(s.transaction(async (tx) => {
          await tx.liftSuppressions(['a'.repeat(64)]);
          throw new PrecrmError('changed my mind', EXIT.conflict);
        }), EXIT.conflict);
        expect((await list(s)).entries).toEqual([E('a', 'forgotten', 5), E('c')]);
        expect(await s.check()).toEqual([]);
      }));

      it('goes along with dump → load and backup; a target with a secret of its own is refused (4)', withStore(async (s) => {
        await s.transaction(async (tx) => {
          await tx.keepSuppressionSecret(S1);
          await tx.putSuppressions([E('a'), E('b', 'do-not-contact')]);
        });
        const target = await fresh();
        const other = await fresh();
        try {
          await target.store.load(s.dump());
          expect(await list(target.store)).toEqual(await list(s));
          await other.store.transaction((tx) => tx.keepSuppressionSecret(S2));
          await failsWith(other.store.load(s.dump()), EXIT.conflict);
          expect(await list(other.store)).toEqual({ secret: S2, entries: [] });
        } finally {
          await target.cleanup();
          await other.cleanup();
        }
        const copy = await openTestStore(await s.backup(backupPath(backend, await backend.tempStore()), new Date(at(20))));
        try {
          expect(await list(copy)).toEqual(await list(s));
        } finally {
          await copy.close();
        }
      }));
    });

    describe('the store as a whole', () => {
      it('counts, counters and check on a sound store', withStore(async (s) => {
        expect(await s.counts()).toEqual({ prospects: 7, touches: 6, surveys: 2, responses: 3, purchases: 1, tallies: 0, occasions: 0 });
        expect(await s.counters()).toEqual({ prospect: 8, touch: 7, survey: 3, response: 4, purchase: 2, tally: 1, occasion: 1 });
        expect(await s.check()).toEqual([]);
        expect(typeof s.describe()).toBe('string');
      }));

      it('dump → load into an empty store gives the same records and counters; a non-empty target is refused (4)', withStore(async (s) => {
        await s.transaction(async (tx) => {
          await tx.delete('prospect', [7]);
          await tx.takeId('response', 10);
          const occasion = { prospectId: 1, label: 'birthday', month: 2, day: 29, year: null, remindDays: 7, createdAt: at(9) };
          await tx.insert('occasion', [{ id: await tx.takeId('occasion'), ...occasion }, { id: 5, ...occasion, label: 'wedding', year: 2026, remindDays: 0 }]);
        });
        const target = await fresh();
        try {
          const counts = await target.store.load(s.dump());
          expect(counts).toEqual({ prospects: 6, touches: 6, surveys: 2, responses: 3, purchases: 1, tallies: 0, occasions: 2 });
          expect(await target.store.listProspects()).toEqual(await s.listProspects());
          expect(await target.store.listTouches()).toEqual(await s.listTouches());
          expect(await target.store.listResponses()).toEqual(await s.listResponses());
          expect(await target.store.surveys()).toEqual(await s.surveys());
          expect(await target.store.listOccasions()).toEqual(await s.listOccasions());
          expect((await target.store.listOccasions([1])).map((o) => o.id)).toEqual([1, 5]);
          expect(await target.store.getOccasion(5)).toEqual((await s.listOccasions())[1]);
          expect(await target.store.counters()).toEqual({ prospect: 8, touch: 7, survey: 3, response: 14, purchase: 2, tally: 1, occasion: 6 });
          await failsWith(target.store.load(s.dump()), EXIT.conflict);
          expect(await target.store.counts()).toEqual(counts);
        } finally {
          await target.cleanup();
        }
      }));

      it('backup writes a copy that opens as a store with the same records', withStore(async (s) => {
        const dest = backupPath(backend, await backend.tempStore());
        const written = await s.backup(dest, new Date(at(20)));
        const copy = await openTestStore(written);
        try {
          expect(await copy.listProspects()).toEqual(await s.listProspects());
          expect(await copy.counters()).toEqual(await s.counters());
        } finally {
          await copy.close();
        }
      }));
    });
  });
}
