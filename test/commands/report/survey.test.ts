// `report survey` through its verb: parse picks the per-question report or (--outcome) the per-answer one, run
// returns its rows with the survey's name and how many responses were read.
import { describe, expect, it } from 'vitest';
import { survey } from '../../../src/commands/report/survey.js';
import { run, tempStore, withContext } from '../../helpers.js';

/** One anonymous answer, one from Ravi (walk-in), who then buys four days later. */
async function answered(): Promise<string> {
  const store = await tempStore();
  for (const [args, now] of [
    [['survey', 'create', 'Brand', '--question', 'recommend:nps:Recommend us?', '--question', 'reason:choice(taste|price):Why us?'], '2026-03-01T09:00:00Z'],
    [['prospect', 'add', 'Ravi', '--source', 'walk-in'], '2026-03-01T09:00:00Z'],
    [['survey', 'respond', 'Brand', '--answer', 'recommend=10', '--answer', 'reason=taste'], '2026-03-01T10:00:00Z'],
    [['survey', 'respond', 'Brand', '--prospect', 'ravi', '--answer', 'recommend=6', '--answer', 'reason=price'], '2026-03-01T11:00:00Z'],
    [['purchase', 'log', 'ravi', '--value', '12', '--currency', 'EUR', '--at', '2026-03-05T12:00'], '2026-03-06T09:00:00Z'],
  ] as const) expect((await run(store, [...args], { now })).code).toBe(0);
  return store;
}

describe('report survey (verb)', () => {
  it('parses the per-question or the per-answer report; --within and --by each go with one of them only', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await survey.parse(['Brand'], { by: 'segment' }, ctx)).toEqual({ kind: 'answers', by: 'segment', ref: 'Brand', window: { since: undefined, until: undefined }, out: { format: 'table' } });
      expect(await survey.parse(['Brand'], { outcome: true }, ctx)).toMatchObject({ kind: 'outcome', withinDays: 90 });
      expect(await survey.parse(['Brand'], { outcome: true, within: '8w' }, ctx)).toMatchObject({ kind: 'outcome', withinDays: 56 });
      await expect(survey.parse(['Brand'], { within: '30d' }, ctx)).rejects.toThrow(/--within goes with --outcome/);
      await expect(survey.parse(['Brand'], { outcome: true, by: 'segment' }, ctx)).rejects.toThrow(/--by does not go with --outcome/);
    });
  });

  it('run returns per question the responses and NPS, per segment with --by', async () => {
    const store = await answered();
    const result = await withContext(store, async (ctx) => survey.run(ctx, await survey.parse(['brand'], {}, ctx)));
    expect(result).toMatchObject({ kind: 'answers', survey: 'Brand', responses: 2 });
    if (result.kind !== 'answers') throw new Error('not the per-question report');
    expect(result.rows.map((r) => [r.question, r.responses, r.nps])).toEqual([['recommend', 2, 0], ['reason', 2, null]]);
    const bySegment = await withContext(store, async (ctx) => survey.run(ctx, await survey.parse(['brand'], { by: 'segment' }, ctx)));
    if (bySegment.kind !== 'answers') throw new Error('not the per-question report');
    expect(bySegment.rows.filter((r) => r.question === 'recommend').map((r) => [r.group, r.nps])).toEqual([['anonymous', 100], ['prospect', -100]]);
  });

  it('run with --outcome returns per answer who bought within the window', async () => {
    const store = await answered();
    const result = await withContext(store, async (ctx) => survey.run(ctx, await survey.parse(['Brand'], { outcome: true }, ctx)));
    expect(result).toMatchObject({ kind: 'outcome', survey: 'Brand', responses: 2, withinDays: 90 });
    if (result.kind !== 'outcome') throw new Error('not the per-answer report');
    const reasons = result.rows.filter((r) => r.question === 'reason' && r.linked + r.not_linked > 0);
    expect(reasons.map((r) => [r.answer, r.not_linked, r.linked, r.first_purchases])).toEqual([['taste', 1, 0, 0], ['price', 0, 1, 1]]);
  });

  it('a table is followed by what was read, on stderr (argv level)', async () => {
    const r = await run(await answered(), ['report', 'survey', 'Brand', '--outcome', '--within', '30d']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('survey "Brand": 2 response(s), purchases within 30 days of each answer\n');
  });
});
