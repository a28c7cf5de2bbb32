// import responses / export responses: a Google-Forms-like export, invalid answers, idempotency, segment at answer time.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore, storedDoc, storeBytes } from '../helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const FORM = fixture('survey-form-export.csv');
const INVALID = fixture('survey-form-invalid.csv');
const SURVEY = 'bakery perception';
const doc = (store: string) => storedDoc(store) as Promise<any>;
const csvFile = (text: string) => {
  const path = join(tempDir(), 'form.csv');
  writeFileSync(path, text);
  return path;
};

/** Ravi is engaged from May and buys on June 10; Anita buys on June 15; the survey exists from June 1. */
async function shop(): Promise<string> {
  const store = (await tempStore());
  const at = (now: string, ...args: string[]) => run(store, args, { now });
  await at('2026-05-01T10:00:00Z', 'prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--stage', 'engaged', '--source', 'walk-in');
  await at('2026-05-02T10:00:00Z', 'prospect', 'add', 'Anita Rao', '--email', 'anita@example.com', '--source', 'instagram');
  await at('2026-06-01T09:00:00Z', 'survey', 'create', SURVEY,
    '--question', 'expect:text:What do you expect from a neighbourhood bakery?',
    '--question', 'price:scale:How fair do our prices look?',
    '--question', 'recommend:nps:How likely are you to recommend us to a friend?',
    '--question', 'reason:choice(taste|price|friendliness|location):What would bring you in most?');
  await at('2026-06-10T10:00:00Z', 'convert', 'ravi', '--value', '20');
  await at('2026-06-15T10:00:00Z', 'convert', 'anita', '--value', '30');
  return store;
}

const NOW = { now: '2026-07-01T12:00:00Z' };

describe('import responses', () => {
  it('reads a form export: BOM, CRLF, question texts as headers, form timestamps, quoted multi-line answers, emails', async () => {
    const store = await shop();
    const r = await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toBe([
      'warning: 1 row(s) give an email no prospect has (line 5): recorded as anonymous (import those people as prospects first to link their answers)',
      'created 4, merged 0, skipped 0, rejected 0',
      '',
    ].join('\n'));
    expect((await doc(store)).responses).toEqual([
      // 6:05:12 PM at GMT+1 is 17:05:12 UTC; Ravi was engaged then (he bought a week later): a prospect's answer.
      { id: 1, survey: SURVEY, prospectId: 1, segment: 'prospect', stage: 'engaged', at: '2026-06-03T17:05:12.000Z',
        answers: { expect: 'Fresh bread, still warm,\nin the evening — and "real" butter', price: 4, recommend: 9, reason: 'taste' } },
      // 6/13/2026 can only be June 13; no zone means local time (TZ=UTC in tests); no email means anonymous.
      { id: 2, survey: SURVEY, prospectId: null, segment: 'anonymous', stage: null, at: '2026-06-13T18:05:12.000Z',
        answers: { expect: 'Cakes for birthdays, without ordering a week ahead', price: 3, recommend: 7, reason: 'location' } },
      { id: 3, survey: SURVEY, prospectId: null, segment: 'anonymous', stage: null, at: '2026-06-20T09:00:00.000Z',
        answers: { expect: '=cheap bread', price: 2, recommend: 5, reason: 'price' } },
      // The email matches case-insensitively; Anita had bought on June 15; her empty text answer is unanswered.
      { id: 4, survey: SURVEY, prospectId: 2, segment: 'customer', stage: 'customer', at: '2026-06-21T10:00:00.000Z',
        answers: { price: 5, recommend: 10, reason: 'friendliness' } },
    ]);
  });

  it('re-importing the same file changes nothing, not even the file', async () => {
    const store = await shop();
    await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    const before = (await storeBytes(store));
    const again = await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    expect(again).toMatchObject({ code: 0, stderr: 'created 0, merged 0, skipped 4, rejected 0 (nothing to change)\n' });
    expect((await storeBytes(store))).toEqual(before);
  });

  it('skips a row repeated in the file, but not the same answers at another time or from someone else', async () => {
    const store = await shop();
    const file = csvFile('at,email,price\n2026-06-05T10:00:00Z,,3\n2026-06-05T10:00:00.000Z,,3\n2026-06-05T10:00:01Z,,3\n2026-06-05T10:00:00Z,ravi@example.com,3\n');
    expect((await run(store, ['import', 'responses', SURVEY, file], NOW)).stderr).toBe('created 3, merged 0, skipped 1, rejected 0\n');
  });

  it('lists every invalid row with its physical line and reasons, exits 65 and writes nothing', async () => {
    const store = await shop();
    const before = (await storeBytes(store));
    const r = await run(store, ['import', 'responses', SURVEY, INVALID], NOW);
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n')).toEqual([
      'created 1, merged 0, skipped 0, rejected 5 (nothing written)',
      'error: 5 of 6 row(s) are invalid; nothing was written (fix them, or rerun with --skip-invalid [--rejects FILE])',
      '  line 2: answer "7" to question "price" (How fair do our prices look?) must be a whole number from 1 to 5',
      // "cheese" is none of the choices: a form's "Other" answer, kept as its text.
      '  line 3: answer "11" to question "recommend" (How likely are you to recommend us to a friend?) must be a whole number from 0 to 10',
      // Line 3's text answer spans two lines, so the next row starts on line 5.
      '  line 5: at "6/3/2026" could be June 3 or March 6 (write 2026-06-03 or 2026-03-06, or give the file\'s order: --date-order mdy or dmy)',
      '  line 6: answers no question',
      '  line 7: has no answer time (at)',
      '',
    ]);
    expect((await storeBytes(store))).toEqual(before);
  });

  it('--skip-invalid records the valid rows and the valid answers of a row; --rejects writes the bad rows with a reason column', async () => {
    const store = await shop();
    const rejects = join(tempDir(), 'rejects.csv');
    const r = await run(store, ['import', 'responses', SURVEY, INVALID, '--skip-invalid', '--rejects', rejects], NOW);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: line 2: kept the other answers, left out: answer "7" to question "price"/);
    expect(r.stderr).toMatch(/created 3, merged 0, skipped 0, rejected 3\n$/);
    // A person's NPS is not lost because another of their answers was out of range.
    expect((await doc(store)).responses.map((x: { answers: unknown }) => x.answers)).toEqual([
      { expect: 'Good bread', recommend: 9, reason: 'taste' },
      { expect: '"Lovely, friendly\nstaff"', price: 3, reason: 'cheese' },
      { expect: 'All good', price: 2, recommend: 6, reason: 'price' },
    ]);
    const lines = readFileSync(rejects, 'utf8').split('\n');
    expect(lines[0]).toBe('Timestamp,Email Address,What do you expect from a neighbourhood bakery?,How fair do our prices look?,How likely are you to recommend us to a friend?,What would bring you in most?,reason');
    expect(lines[1]).toBe('6/3/2026 18:05:12,,Fine,3,8,taste,"at ""6/3/2026"" could be June 3 or March 6 (write 2026-06-03 or 2026-03-06, or give the file\'s order: --date-order mdy or dmy)"');
    expect(lines.filter((l) => l !== '')).toHaveLength(4);
  });

  it('a prospect reference that matches nobody rejects the row; --dry-run writes nothing', async () => {
    const store = await shop();
    const before = (await storeBytes(store));
    const file = csvFile('prospect_id,at,price\n1,2026-06-05T10:00:00Z,3\n99,2026-06-05T10:00:00Z,3\n');
    const r = await run(store, ['import', 'responses', SURVEY, file], NOW);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('\n  line 3: prospect "99" matches no prospect (import or add the prospect first)\n');
    const dry = await run(store, ['--json', 'import', 'responses', SURVEY, file, '--skip-invalid', '--dry-run'], NOW);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 1, rejected: 1, written: false, dryRun: true });
    expect((await storeBytes(store))).toEqual(before);
  });

  it('needs an answer-time column and a question column; --map reads an odd header as a question', async () => {
    const store = await shop();
    const noTime = await run(store, ['import', 'responses', SURVEY, csvFile('price\n3\n')], NOW);
    expect(noTime.code).toBe(65);
    expect(noTime.stderr).toMatch(/^error: no column gives at \(columns: "price"\)/);
    const noQuestion = await run(store, ['import', 'responses', SURVEY, csvFile('Timestamp,Fav cake\n2026-06-05,lemon\n')], NOW);
    expect(noQuestion.stderr).toContain('ignoring unknown column(s) "Fav cake" (to keep one: --map "Fav cake=<field>", a field of: expect, price, recommend, reason, prospect, email, at)');
    expect(noQuestion.stderr).toContain('no column gives expect or price or recommend or reason');
    const mapped = await run(store, ['import', 'responses', SURVEY, csvFile('Timestamp;Fav cake\n2026-06-05;lemon\n'), '--map', 'Fav cake=expect'], NOW);
    expect(mapped).toMatchObject({ code: 0, stderr: 'created 1, merged 0, skipped 0, rejected 0\n' });
    expect((await doc(store)).responses[0]).toMatchObject({ at: '2026-06-05T00:00:00.000Z', answers: { expect: 'lemon' } });
  });

  it('reads stdin with -: export piped into import skips every response already there', async () => {
    const store = await shop();
    await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    // CSV, not TSV: a TSV cell cannot hold the line break of the multi-line answer, so it would come back changed.
    const exported = (await run(store, ['export', 'responses', SURVEY, '--format', 'csv'], NOW)).stdout;
    const r = await run(store, ['import', 'responses', SURVEY, '-'], { ...NOW, stdinStream: Readable.from([exported]) });
    expect(r).toMatchObject({ code: 0, stderr: 'created 0, merged 0, skipped 4, rejected 0 (nothing to change)\n' });
  });

  it('an unknown survey is exit 3', async () => {
    const r = await run(await shop(), ['import', 'responses', 'nope', FORM], NOW);
    expect(r).toMatchObject({ code: 3, stderr: 'error: no survey is named "nope" (try: precrm survey list)\n' });
  });
});

describe('export responses', () => {
  it('prints the fixed columns then one per question, oldest first, formula cells guarded', async () => {
    const store = await shop();
    await run(store, ['survey', 'respond', SURVEY, '--answer', 'price=4', '--answer', 'reason=TASTE'], { now: '2026-06-02T08:00:00Z' });
    await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    const r = await run(store, ['export', 'responses', SURVEY], NOW);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/export-responses.csv');
    const json = JSON.parse((await run(store, ['export', 'responses', SURVEY, '--json'], NOW)).stdout);
    expect(json).toEqual((await doc(store)).responses.sort((a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at)));
    const since = await run(store, ['export', 'responses', SURVEY, '--since', '2026-06-14', '--format', 'tsv'], NOW);
    expect(since.stdout.split('\n')[0]).toBe('id\tsurvey\tprospect_id\tsegment\tstage\tat\texpect\tprice\trecommend\treason');
    expect(since.stdout.trim().split('\n')).toHaveLength(3);
    await run(store, ['prospect', 'do-not-contact', 'ravi'], NOW);
    const contactable = await run(store, ['export', 'responses', SURVEY, '--contactable'], NOW);
    expect(contactable.stdout.split('\n').map((l) => l.split(',')[2])).not.toContain('1');
    expect(contactable.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('round-trips: export (--excel too) → import into a store with the same survey and prospects gives the same answers', async () => {
    const store = await shop();
    await run(store, ['import', 'responses', SURVEY, FORM], NOW);
    const original = (await doc(store));
    for (const flags of [[], ['--excel']]) {
      const file = join(tempDir(), 'answers.csv');
      expect((await run(store, ['export', 'responses', SURVEY, '-o', file, ...flags], NOW)).code).toBe(0);
      const other = join(tempDir(), 'other.json');
      writeFileSync(other, JSON.stringify({ ...original, responses: [], nextId: { ...original.nextId, response: 1 } }));
      const r = await run(other, ['import', 'responses', SURVEY, file], NOW);
      expect(r).toMatchObject({ code: 0, stderr: 'created 4, merged 0, skipped 0, rejected 0\n' });
      expect((await doc(other)).responses).toEqual(original.responses);
      // And the original store already has every one of them.
      expect((await run(store, ['import', 'responses', SURVEY, file], NOW)).stderr).toBe('created 0, merged 0, skipped 4, rejected 0 (nothing to change)\n');
    }
  });
});
