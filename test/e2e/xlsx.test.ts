// --format xlsx read back by a real spreadsheet engine: gnumeric's ssconvert (Debian package gnumeric; .ci/run
// installs it). A CSV opened there loses the + of +49…, the leading zero of 07700… and 01067, and turns the cohort
// 2026-01 into a date; the workbook must keep them as text, and counts, rates and money as numbers.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, tempDir, tempStore } from '../helpers.js';

const HAVE_SSCONVERT = spawnSync('ssconvert', ['--version']).status === 0;
const WHY = 'skipped: gnumeric\'s ssconvert is not installed (apt-get install gnumeric; .ci/run installs it)';

/** A cell as gnumeric read it: its text and whether it is a number (40), text (60) or boolean (20). */
interface ReadCell { value: string; type: 'number' | 'text' | 'bool' }

/** Opens an .xlsx in gnumeric: the first sheet as rows of typed cells, plus whether the header is frozen and filtered. */
function openInGnumeric(xlsx: string): { rows: (ReadCell | undefined)[][]; frozen: boolean; filter: string | null; csv: string } {
  const dir = tempDir();
  execFileSync('ssconvert', [xlsx, join(dir, 'out.gnumeric')], { stdio: 'ignore' });
  execFileSync('ssconvert', [xlsx, join(dir, 'out.csv')], { stdio: 'ignore' });
  const xml = gunzipSync(readFileSync(join(dir, 'out.gnumeric'))).toString('utf8');
  const rows: (ReadCell | undefined)[][] = [];
  const types: Record<string, ReadCell['type']> = { 40: 'number', 60: 'text', 20: 'bool' };
  for (const m of xml.matchAll(/<gnm:Cell Row="(\d+)" Col="(\d+)" ValueType="(\d+)"[^>]*>([^<]*)<\/gnm:Cell>/g)) {
    const [r, c] = [Number(m[1]), Number(m[2])];
    (rows[r] ??= [])[c] = { value: m[4]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), type: types[m[3]!] ?? 'text' };
  }
  return {
    rows,
    frozen: /<gnm:FreezePanes FrozenTopLeft="A1" UnfrozenTopLeft="A2"\/>/.test(xml),
    filter: /<gnm:Filter Area="([A-Z]+\d+:[A-Z]+\d+)"/.exec(xml)?.[1] ?? null,
    csv: readFileSync(join(dir, 'out.csv'), 'utf8'),
  };
}

/** The cell under a header, in data row `row` (1 = first record). */
const cellOf = (sheet: ReturnType<typeof openInGnumeric>, header: string, row = 1): ReadCell | undefined => {
  const col = sheet.rows[0]!.findIndex((c) => c?.value === header);
  return sheet.rows[row]?.[col];
};

async function shopStore(): Promise<string> {
  const store = (await tempStore());
  const add = async (args: string[], now = '2026-01-05T17:10:00.000Z') => expect((await run(store, args, { now })).code).toBe(0);
  await add(['prospect', 'add', 'Jürgen Weiß', '--email', 'juergen@example.de', '--phone', '+4915112345678', '--source', 'walk-in', '--field', 'zip=01067', '--tag', 'bread']);
  await add(['prospect', 'add', 'Siobhán O\'Neill', '--phone', '07700900123', '--source', 'instagram', '--note', '=HYPERLINK("http://evil.example")'], '2026-02-20T09:00:00.000Z');
  await add(['convert', '1', '--value', '1800.5', '--currency', 'INR', '--at', '2026-02-14T11:30'], '2026-03-10T12:00:00.000Z');
  return store;
}

describe.skipIf(!HAVE_SSCONVERT)(`--format xlsx, read back by gnumeric${HAVE_SSCONVERT ? '' : ` (${WHY})`}`, () => {
  it('export prospects: phones, zips and ids stay text, numbers are numbers, dates are dates; header frozen and filtered', async () => {
    const store = await shopStore();
    const file = join(tempDir(), 'prospects.xlsx');
    const r = await run(store, ['export', 'prospects', '--format', 'xlsx', '-o', file]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `wrote 2 prospect(s) to ${file}\n` });
    const sheet = openInGnumeric(file);
    expect(sheet.rows[0]!.map((c) => c?.value).slice(0, 4)).toEqual(['id', 'name', 'email', 'phone']);
    expect(cellOf(sheet, 'phone', 1)).toEqual({ value: '+4915112345678', type: 'text' });
    expect(cellOf(sheet, 'phone', 2)).toEqual({ value: '07700900123', type: 'text' });
    expect(cellOf(sheet, 'field.zip', 1)).toEqual({ value: '01067', type: 'text' });
    expect(cellOf(sheet, 'id', 1)).toEqual({ value: '1', type: 'text' });
    expect(cellOf(sheet, 'conversion_value', 1)).toEqual({ value: '1800.5', type: 'number' });
    expect(cellOf(sheet, 'do_not_contact', 1)).toEqual({ value: 'FALSE', type: 'bool' });
    expect(cellOf(sheet, 'converted_at', 1)?.type).toBe('number');
    // A text cell is never a formula, so no ' guard is needed (or wanted) in a workbook.
    expect(cellOf(sheet, 'notes', 2)).toEqual({ value: '=HYPERLINK("http://evil.example")', type: 'text' });
    expect(sheet.csv.split('\n')[1]).toContain(',+4915112345678,');
    expect(sheet.csv).toContain('2026/02/14 11:30:00');
    expect(sheet.frozen).toBe(true);
    expect(sheet.filter).toBe('A1:X3'); // the fixed columns end with description
  });

  it('the same data as CSV loses what the workbook keeps (why xlsx exists)', async () => {
    const store = await shopStore();
    const dir = tempDir();
    const csv = await run(store, ['export', 'prospects', '-o', join(dir, 'p.csv')]);
    expect(csv.code).toBe(0);
    execFileSync('ssconvert', [join(dir, 'p.csv'), join(dir, 'back.csv')], { stdio: 'ignore' });
    const back = readFileSync(join(dir, 'back.csv'), 'utf8');
    expect(back).not.toContain('07700900123');
    expect(back).not.toContain('01067');
  });

  it('report cohorts: the cohort 2026-01 stays text, counts and rates are numbers', async () => {
    const store = await shopStore();
    const file = join(tempDir(), 'cohorts.xlsx');
    // The extension is enough to choose the format.
    const r = await run(store, ['report', 'cohorts', '-o', file], { now: '2026-03-10T12:00:00.000Z' });
    expect(r).toMatchObject({ code: 0, stderr: `wrote 2 row(s) to ${file}\n` });
    const sheet = openInGnumeric(file);
    expect(sheet.rows[0]!.map((c) => c?.value)).toEqual(['cohort', 'prospects', 'customers', 'conversion_rate', 'median_days_to_convert']);
    expect(sheet.rows[1]).toEqual([
      { value: '2026-01', type: 'text' }, { value: '1', type: 'number' }, { value: '1', type: 'number' },
      { value: '1', type: 'number' }, { value: '39.7638888888888860015', type: 'number' },
    ]);
    // An undefined rate is an empty cell, not 0 and not NaN.
    expect(sheet.rows[2]).toEqual([{ value: '2026-02', type: 'text' }, { value: '1', type: 'number' }, { value: '0', type: 'number' }, { value: '0', type: 'number' }]);
    expect(sheet.frozen).toBe(true);
    expect(sheet.filter).toBe('A1:E3');
  });

  it.each(['funnel', 'sources', 'touches', 'velocity', 'cohorts', 'referrals', 'activity'])('report %s -o x.xlsx has the csv header and rows', async (name) => {
    const store = await shopStore();
    const file = join(tempDir(), `${name}.xlsx`);
    const csv = await run(store, ['report', name, '--format', 'csv'], { now: '2026-03-10T12:00:00.000Z' });
    expect((await run(store, ['report', name, '--format', 'xlsx', '-o', file], { now: '2026-03-10T12:00:00.000Z' })).code).toBe(0);
    const sheet = openInGnumeric(file);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(sheet.rows[0]!.map((c) => c?.value).join(',')).toBe(lines[0]);
    expect(sheet.rows.length).toBe(lines.length);
  });

  it('export conversions and report survey write workbooks too', async () => {
    const store = await shopStore();
    const dir = tempDir();
    expect((await run(store, ['export', 'conversions', '-o', join(dir, 'c.xlsx')])).code).toBe(0);
    const conv = openInGnumeric(join(dir, 'c.xlsx'));
    expect(cellOf(conv, 'days_to_convert')).toEqual({ value: '40', type: 'number' });
    expect(cellOf(conv, 'value')).toEqual({ value: '1800.5', type: 'number' });
    expect(cellOf(conv, 'prospect_id')).toEqual({ value: '1', type: 'text' });
    await run(store, ['survey', 'create', 'taste', '--question', 'price:scale:Prices?', '--question', 'why:choice(taste|price):Why?']);
    await run(store, ['survey', 'respond', 'taste', '--answer', 'price=4', '--answer', 'why=taste', '--no-input']);
    expect((await run(store, ['report', 'survey', 'taste', '-o', join(dir, 's.xlsx')])).code).toBe(0);
    const survey = openInGnumeric(join(dir, 's.xlsx'));
    expect(cellOf(survey, 'distribution', 1)).toEqual({ value: '1:0;2:0;3:0;4:1;5:0', type: 'text' });
    expect(cellOf(survey, 'mean', 1)).toEqual({ value: '4', type: 'number' });
  });

  it('instants are shown in local time, as the tables show them (a spreadsheet cell has no time zone)', async () => {
    const store = await shopStore();
    const file = join(tempDir(), 'p.xlsx');
    const r = await spawnPrecrm(['--store', store, 'export', 'prospects', '-o', file], { env: { TZ: 'Asia/Kolkata' } });
    expect(r.code).toBe(0);
    // created 2026-01-05T17:10Z is 22:40 in Kolkata.
    expect(openInGnumeric(file).csv).toContain('2026/01/05 22:40:00');
  });
});

describe('--format xlsx outside a file', () => {
  it('without -o is exit 2 (a workbook is not text for a terminal or a pipe)', async () => {
    const store = await shopStore();
    expect(await run(store, ['report', 'funnel', '--format', 'xlsx'])).toMatchObject({ code: 2, stdout: '', stderr: 'error: --format xlsx writes a spreadsheet file, not text: add -o FILE.xlsx\n' });
    expect(await run(store, ['export', 'prospects', '--format', 'xlsx'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('on a command that prints records to the terminal is exit 2', async () => {
    const r = await run(await shopStore(), ['prospect', 'list', '--format', 'xlsx']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'error: --format xlsx writes a spreadsheet file: use it with export or report and -o FILE.xlsx\n' });
  });

  it('writes a zip (an xlsx) whatever the spreadsheet engine, mode 0600', async () => {
    const store = await shopStore();
    const file = join(tempDir(), 'r.xlsx');
    expect((await run(store, ['report', 'funnel', '-o', file])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
