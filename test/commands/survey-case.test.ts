// One rule ties a response to its survey — the name, ignoring case — and every command follows it. Before, two of six
// copies compared exactly: export responses left such a response out, and forget erased its choice answers.
import { describe, expect, it } from 'vitest';
import { BACKENDS, openTestStore } from '../backends.js';
import { run } from '../helpers.js';

describe.each(BACKENDS)('a response whose survey name differs in case ($name)', (backend) => {
  async function storeWithOddCaseResponse(): Promise<string> {
    const store = await backend.tempStore();
    const setup = [
      ['survey', 'create', 'First Impressions', '--question', 'taste:scale:Taste?', '--question', 'why:choice(price|taste):Why?', '--question', 'note:text:Anything else?'],
      ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com'],
    ];
    for (const args of setup) expect((await run(store, args)).code).toBe(0);
    // As an older precrm or a hand edit could have stored it: the survey's name in another case.
    const s = await openTestStore(store);
    await s.transaction(async (tx) => {
      await tx.insert('response', [{ id: await tx.takeId('response'), survey: 'FIRST impressions', prospectId: 1, segment: 'prospect', stage: 'interested', at: '2026-03-01T10:00:00.000Z', answers: { taste: 4, why: 'price', note: 'Ravi loves it' } }]);
    });
    await s.close();
    return store;
  }

  it('is counted by report survey, survey list and survey show, and exported by export responses', async () => {
    const store = await storeWithOddCaseResponse();
    const report = JSON.parse((await run(store, ['report', 'survey', 'first impressions', '--json'])).stdout);
    expect(report.map((r: { question: string; responses: number }) => [r.question, r.responses])).toEqual([['taste', 1], ['why', 1], ['note', 1]]);
    expect(JSON.parse((await run(store, ['survey', 'list', '--json'])).stdout)[0]).toMatchObject({ name: 'First Impressions', responses: 1 });
    expect(JSON.parse((await run(store, ['survey', 'show', 'first impressions', '--json'])).stdout)).toMatchObject({ responses: 1 });
    const exported = await run(store, ['export', 'responses', 'First Impressions']);
    // A SQL store keeps the survey's id, not the response's spelling of its name: it names the survey as the survey is named.
    const survey = backend.name === 'json' ? 'FIRST impressions' : 'First Impressions';
    expect(exported.stdout.trim().split('\n')).toEqual([
      'id,survey,prospect_id,segment,stage,at,taste,why,note',
      `1,${survey},1,prospect,interested,2026-03-01T10:00:00.000Z,4,price,Ravi loves it`,
    ]);
  });

  it('keeps its choice and scale answers when the respondent is forgotten; only free text goes', async () => {
    const store = await storeWithOddCaseResponse();
    expect((await run(store, ['prospect', 'forget', 'ravi', '--yes'])).code).toBe(0);
    const s = await openTestStore(store);
    const [response] = await s.listResponses();
    await s.close();
    expect(response!.answers).toEqual({ taste: 4, why: 'price' });
  });
});
