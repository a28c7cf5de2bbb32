// `survey respond` through its verb: parse keeps the references and answers, run checks them against the stored
// survey, asks for the missing ones in a terminal and stores the response.
import { describe, expect, it } from 'vitest';
import * as respond from '../../../src/commands/survey/respond.js';
import { run, scriptedPrompter, storedDoc, tempStore, withContext } from '../../helpers.js';

async function storeWithSurvey(): Promise<string> {
  const store = await tempStore();
  await run(store, ['prospect', 'add', 'Ravi Sen']);
  await run(store, ['survey', 'create', 'nps', '--question', 'recommend:nps:How likely?', '--question', 'why:choice(taste|price):Why?', '--question', 'note:text:Anything else?']);
  return store;
}

describe('survey respond (verb)', () => {
  it('parse keeps the references and the answers as typed (they are checked against the stored survey)', () => {
    expect(respond.parse(['nps'], { prospect: 'ravi', answer: ['recommend=9'] })).toEqual({ survey: 'nps', prospect: 'ravi', answers: ['recommend=9'] });
    expect(respond.parse(['nps'], {})).toEqual({ survey: 'nps', answers: [] });
  });

  it('run stores the response with the respondent\'s segment and says how many questions are unanswered', async () => {
    const store = await storeWithSurvey();
    const r = await withContext(store, async (ctx) => respond.run(ctx, respond.parse(['NPS'], { prospect: 'ravi', answer: ['recommend=9', 'why=taste'] })));
    expect(r).toEqual({
      response: { id: 1, survey: 'nps', prospectId: 1, segment: 'prospect', stage: 'interested', at: '2026-03-10T12:00:00.000Z', answers: { recommend: 9, why: 'taste' } },
      unanswered: 1,
    });
    expect((await storedDoc(store)).responses).toEqual([r.response]);
  });

  it('run asks the missing questions in a terminal; a bad answer or none at all is refused', async () => {
    const store = await storeWithSurvey();
    const prompter = scriptedPrompter(['price', ' fresh bread ']);
    const asked = await withContext(store, async (ctx) => respond.run(ctx, respond.parse(['nps'], { answer: ['recommend=7'] })), { prompter });
    expect(prompter.asked).toEqual(['Why?', 'Anything else? (empty to skip)']);
    expect(asked).toMatchObject({ response: { segment: 'anonymous', answers: { recommend: 7, why: 'price', note: 'fresh bread' } }, unanswered: 0 });
    await withContext(store, async (ctx) => {
      await expect(respond.run(ctx, respond.parse(['nps'], { answer: ['recommend=11'] }))).rejects.toMatchObject({ exitCode: 2 });
      await expect(respond.run(ctx, respond.parse(['nps'], {}))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^no answers given/) });
      await expect(respond.run(ctx, respond.parse(['nps'], { prospect: 'nobody', answer: ['recommend=1'] }))).rejects.toMatchObject({ exitCode: 3 });
    });
    expect((await storedDoc(store)).responses).toHaveLength(1);
  });

  it('prints the response id and what was recorded (argv level)', async () => {
    const store = await storeWithSurvey();
    expect(await run(store, ['survey', 'respond', 'nps', '--answer', 'recommend=9', '--no-input']))
      .toEqual({ code: 0, stdout: '1\n', stderr: 'recorded response 1 to "nps" (anonymous, 2 question(s) unanswered)\n' });
  });
});
