// `export responses` through its verb: run returns the survey and its responses (--contactable leaves out those of
// people who may not be contacted); the survey's questions are the columns.
import { describe, expect, it } from 'vitest';
import { responses } from '../../../src/commands/export/responses.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function answered(): Promise<string> {
  const store = await storeWith();
  await run(store, ['prospect', 'add', 'Asha', '--email', 'asha@example.com']);
  await run(store, ['survey', 'create', 'visit', '--question', 'price:scale:How fair are our prices?']);
  await run(store, ['survey', 'respond', 'visit', '--prospect', 'ravi', '--answer', 'price=4']);
  await run(store, ['survey', 'respond', 'visit', '--prospect', 'asha', '--answer', 'price=2']);
  await run(store, ['prospect', 'do-not-contact', 'asha', '--yes']);
  return store;
}

describe('export responses (verb)', () => {
  it('run returns the survey and its responses; --contactable leaves out a do-not-contact respondent\'s', async () => {
    const store = await answered();
    const all = await withContext(store, async (ctx) => responses.run(ctx, await responses.parse(['visit'], {}, ctx)));
    expect(all.survey.name).toBe('visit');
    expect(all.columns.map((c) => c.key)).toEqual(['id', 'survey', 'prospect_id', 'segment', 'stage', 'at', 'price']);
    expect(all.responses.map((r) => [r.prospectId, r.answers])).toEqual([[1, { price: 4 }], [2, { price: 2 }]]);
    const contactable = await withContext(store, async (ctx) => responses.run(ctx, await responses.parse(['visit'], { contactable: true }, ctx)));
    expect(contactable.responses.map((r) => r.prospectId)).toEqual([1]);
  });

  it('an unknown survey is not found', async () => {
    const store = await answered();
    await withContext(store, async (ctx) => {
      await expect(responses.run(ctx, await responses.parse(['nosuch'], {}, ctx))).rejects.toMatchObject({ exitCode: EXIT.notFound });
    });
  });

  it('prints one column per question (argv level)', async () => {
    const store = await answered();
    const r = await run(store, ['export', 'responses', 'visit', '--contactable']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('id,survey,prospect_id,segment,stage,at,price');
    expect(r.stdout.split('\n').slice(1, -1).map((line) => line.split(',').at(-1))).toEqual(['4']);
  });
});
