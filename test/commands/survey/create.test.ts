// `survey create` through its verb: parse checks the name and every question spec, run stores the survey.
import { describe, expect, it } from 'vitest';
import * as create from '../../../src/commands/survey/create.js';
import { run, storedDoc, tempStore, withContext } from '../../helpers.js';

const QUESTIONS = ['recommend:nps:How likely are you to recommend us?', 'reason:choice(taste|price):Why?'];

describe('survey create (verb)', () => {
  it('parses the name and the specs before anything is opened; a bad spec or name is a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(create.parse(['  nps '], { question: QUESTIONS }, ctx)).toEqual({ name: 'nps', questions: QUESTIONS, at: '2026-03-10T12:00:00.000Z' });
      expect(() => create.parse(['nps'], {}, ctx)).toThrow(/at least one --question/);
      expect(() => create.parse(['  '], { question: QUESTIONS }, ctx)).toThrow(/name is empty/);
      expect(() => create.parse(['nps'], { question: ['recommend:stars:How?'] }, ctx)).toThrow(/stars/);
    });
  });

  it('run stores the survey under the next id and returns it; the same name in any case is a conflict (exit 4)', async () => {
    const store = await tempStore();
    const make = (name: string) => withContext(store, async (ctx) => create.run(ctx, create.parse([name], { question: QUESTIONS }, ctx)));
    const nps = await make('NPS');
    expect(nps).toMatchObject({ id: 1, name: 'NPS', questions: [{ key: 'recommend', type: 'nps' }, { key: 'reason', type: 'choice', choices: ['taste', 'price'] }] });
    await expect(make('nps')).rejects.toMatchObject({ exitCode: 4, message: 'a survey named "NPS" already exists (see: precrm survey show "NPS")' });
    expect((await storedDoc(store)).surveys).toEqual([nps]);
  });

  it('prints the id, or the record with --json, and says what it created (argv level)', async () => {
    const store = await tempStore();
    expect(await run(store, ['survey', 'create', 'nps', ...QUESTIONS.flatMap((q) => ['--question', q])]))
      .toEqual({ code: 0, stdout: '1\n', stderr: 'created survey "nps" with 2 question(s)\n' });
    const json = await run(store, ['survey', 'create', 'other', '--question', 'a:text:A?', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 2, name: 'other' });
  });
});
