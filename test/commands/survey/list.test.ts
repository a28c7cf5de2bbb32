// `survey list` through its verb: run returns each survey with its response count; a table is counted on stderr.
import { describe, expect, it } from 'vitest';
import * as list from '../../../src/commands/survey/list.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('survey list (verb)', () => {
  it('run returns the surveys in id order with how many responses each has', async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'nps', '--question', 'recommend:nps:How likely?']);
    await run(store, ['survey', 'create', 'Taste', '--question', 'best:text:Best?']);
    for (const answer of ['recommend=9', 'recommend=4']) await run(store, ['survey', 'respond', 'NPS', '--answer', answer, '--no-input']);
    const rows = await withContext(store, async (ctx) => {
      expect(list.parse([], {}, ctx)).toEqual({ format: 'table' });
      return list.run(ctx);
    });
    expect(rows.map((s) => [s.id, s.name, s.questions.length, s.responses])).toEqual([[1, 'nps', 1, 2], [2, 'Taste', 1, 0]]);
  });

  it('counts the surveys under a table only (argv level)', async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'nps', '--question', 'recommend:nps:How likely?']);
    expect((await run(store, ['survey', 'list'])).stderr).toBe('1 survey(s)\n');
    expect(await run(store, ['survey', 'ls', '--format', 'csv', '--columns', 'id,name,responses'])).toEqual({ code: 0, stdout: 'id,name,responses\n1,nps,0\n', stderr: '' });
  });
});
