// `digest` through its verb: parse turns --since into a period ending now, run returns the figures of the period
// against the one before it (the hand-counted week of test/fixtures/digest-week.ts), show renders the chosen format.
import { describe, expect, it } from 'vitest';
import * as digest from '../../../src/commands/digest/digest.js';
import { MONDAY, weekStore } from '../../fixtures/digest-week.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('digest (verb)', () => {
  it('parses --since as the start of its local day, up to now, in the format asked for', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => {
      await ctx.term.configure({ format: 'markdown' }, digest.DIGEST_FORMATS);
      return digest.parse([], { since: '1d', currency: ' eur ' }, ctx);
    }, { now: MONDAY });
    expect(options).toEqual({ since: new Date('2026-03-15T00:00:00.000Z'), until: new Date(MONDAY), format: 'markdown', currency: 'EUR' });
  });

  it('refuses a start that is not in the past and a bad currency as usage errors', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(() => digest.parse([], { since: 'tomorrow' }, ctx)).toThrow(/is not in the past/);
      expect(() => digest.parse([], { since: '7d', currency: 'euros' }, ctx)).toThrow(/three-letter currency code/);
    });
  });

  it('run returns the week against the week before, with what is due and stale at its end', async () => {
    const store = await weekStore();
    const d = await withContext(store, async (ctx) => digest.run(ctx, digest.parse([], { since: '7d' }, ctx)), { now: MONDAY });
    expect(d.period).toEqual({ since: '2026-03-09T00:00:00.000Z', until: MONDAY });
    expect([d.newProspects.now, d.newProspects.before, d.touchesByType.now, d.touchesByType.before]).toEqual([3, 1, 3, 1]);
    expect(d.touchesByPerson.parts.map((p) => [p.name, p.now, p.before])).toEqual([['mitra', 2, 1], ['joel', 1, 0]]);
    // Asha's purchase was recorded without a currency: XXX, the code for none.
    expect([d.conversions.now, d.revenue.now, d.newReferrals.now, d.newAdvocates.now]).toEqual([1, { XXX: 250 }, 1, 1]);
    expect([d.dueNext7Days, d.stale, d.comingUp, d.quiet]).toEqual([0, 0, [], false]);
  });

  it('a week with nothing in it is quiet (argv level: one short text)', async () => {
    const store = await weekStore();
    const quiet = await withContext(store, async (ctx) => digest.run(ctx, digest.parse([], { since: '7d' }, ctx)), { now: '2026-04-20T08:00:00.000Z' });
    expect(quiet.quiet).toBe(true);
    const r = await run(store, ['digest', '--since', '1d', '--format', 'markdown'], { now: '2026-04-20T08:00:00.000Z' });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['# precrm digest: 2026-04-19 to 2026-04-20', '', 'Nothing happened in this day: no new prospects, touches, stage moves or conversions.']);
  });
});
