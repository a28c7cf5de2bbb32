// `survey show` through its verb: run finds the survey (any case) and counts its responses; show prints its questions.
import { describe, expect, it } from 'vitest';
import * as showSurvey from '../../../src/commands/survey/show.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('survey show (verb)', () => {
  it('run returns the survey and its response count; an unknown survey is exit 3', async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'nps', '--question', 'recommend:nps:How likely?']);
    await run(store, ['survey', 'respond', 'nps', '--answer', 'recommend=9', '--no-input']);
    await withContext(store, async (ctx) => {
      expect(await showSurvey.run(ctx, showSurvey.parse(['NPS'], {}, ctx))).toMatchObject({ survey: { id: 1, name: 'nps' }, responses: 1 });
      await expect(showSurvey.run(ctx, showSurvey.parse(['taste'], {}, ctx))).rejects.toMatchObject({ exitCode: 3 });
    });
  });

  it('prints the record with its count under --json, a heading and the questions in a table (argv level)', async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'nps', '--question', 'recommend:nps:How likely?']);
    expect(JSON.parse((await run(store, ['survey', 'show', 'nps', '--json'])).stdout)).toMatchObject({ id: 1, name: 'nps', responses: 0 });
    const table = await run(store, ['survey', 'show', 'nps']);
    expect(table.stdout.split('\n')[0]).toBe('nps  #1  0 response(s)  created 2026-03-10 12:00');
  });
});
