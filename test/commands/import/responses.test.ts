// `import responses` through its verb: parse leaves --map to run (it is checked against the survey's questions),
// run returns the counts and the lines whose email no prospect has (recorded as anonymous).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { responses } from '../../../src/commands/import/responses.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storedDoc, storeWith, tempDir, withContext } from '../../helpers.js';

const SURVEY = 'visit';
const csvFile = (text: string) => {
  const path = join(tempDir(), 'form.csv');
  writeFileSync(path, text);
  return path;
};
const FORM = 'Timestamp,Email,How fair are our prices?\n2026-03-01T10:00:00Z,ravi@example.com,4\n2026-03-02T10:00:00Z,stranger@example.com,2\n';

async function surveyStore(): Promise<string> {
  const store = await storeWith();
  const r = await run(store, ['survey', 'create', SURVEY, '--question', 'price:scale:How fair are our prices?']);
  if (r.code !== 0) throw new Error(r.stderr);
  return store;
}

describe('import responses (verb)', () => {
  it('parses the survey and the file; --map is checked in run against the survey\'s questions', async () => {
    const store = await surveyStore();
    const options = await withContext(store, async (ctx) => responses.parse([SURVEY, 'form.csv'], { map: ['Price=nosuch'] }, ctx));
    expect(options).toMatchObject({ survey: SURVEY, file: 'form.csv', map: ['Price=nosuch'] });
    const file = csvFile(FORM);
    await withContext(store, async (ctx) => {
      await expect(responses.run(ctx, { ...options, file })).rejects.toMatchObject({ exitCode: EXIT.usage });
    });
  });

  it('run returns the counts and the lines recorded as anonymous; an unknown survey is not found', async () => {
    const store = await surveyStore();
    const file = csvFile(FORM);
    const result = await withContext(store, async (ctx) => responses.run(ctx, await responses.parse([SURVEY, file], {}, ctx)));
    expect(result).toMatchObject({ created: 2, rejected: [], unknownEmails: [3], written: true, refused: false });
    expect((await storedDoc(store)).responses.map((r) => [r.prospectId, r.answers])).toEqual([[1, { price: 4 }], [null, { price: 2 }]]);
    await withContext(store, async (ctx) => {
      await expect(responses.run(ctx, await responses.parse(['nosuch', file], {}, ctx))).rejects.toMatchObject({ exitCode: EXIT.notFound });
    });
  });

  it('warns about the anonymous lines, then the summary (argv level)', async () => {
    const store = await surveyStore();
    const r = await run(store, ['import', 'responses', SURVEY, csvFile(FORM)]);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: 'warning: 1 row(s) give an email no prospect has (line 3): recorded as anonymous (import those people as prospects first to link their answers)\n'
        + 'created 2, merged 0, skipped 0, rejected 0\n',
    });
  });
});
