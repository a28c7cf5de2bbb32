import { describe, expect, it } from 'vitest';
import { conversionFixture, funnelFixture, prospect, storeDoc, writeStore } from '../fixtures/store-builder.js';
import { missingStoreWarning, run, tempStore, TEST_BACKEND } from '../helpers.js';

const funnelStore = async () => writeStore((await tempStore()), funnelFixture());
const conversionStore = async () => writeStore((await tempStore()), conversionFixture());
/** A store that exists and holds nothing (a missing one also warns that it does not exist): one prospect added and removed. */
async function emptyStore(): Promise<string> {
  const store = await tempStore();
  for (const args of [['prospect', 'add', 'Nobody'], ['prospect', 'remove', '1', '--yes']]) {
    const r = await run(store, args);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return store;
}

describe('report csv headers (docs/CONTRACT.md §3 column names, fixed order)', () => {
  it.each([
    [['funnel'], 'stage,reached,current,lost,step_rate,overall_rate,median_days'],
    [['funnel', '--by', 'source'], 'source,stage,reached,current,lost,step_rate,overall_rate,median_days'],
    [['funnel', '--by', 'owner'], 'owner,stage,reached,current,lost,step_rate,overall_rate,median_days'],
    [['funnel', '--by', 'tag'], 'tag,stage,reached,current,lost,step_rate,overall_rate,median_days'],
    [['funnel', '--by', 'month'], 'month,stage,reached,current,lost,step_rate,overall_rate,median_days'],
    [['sources'], 'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue'],
    [['touches'], 'type,touches,prospects,conversion_rate,first_touch_conversions,last_touch_conversions'],
    [['velocity'], 'from,to,count,median_days,p90_days'],
    [['cohorts'], 'cohort,prospects,customers,conversion_rate,median_days_to_convert'],
    [['cohorts', '--period', 'week'], 'cohort,prospects,customers,conversion_rate,median_days_to_convert'],
    [['referrals'], 'id,name,referrals,referred_customers,referred_revenue'],
    [['activity'], 'period,touches,prospects'],
    [['activity', '--by', 'type'], 'type,period,touches,prospects'],
    [['activity', '--by', 'staff', '--period', 'day'], 'staff,period,touches,prospects'],
  ])('report %j', async (args, header) => {
    for (const store of [await conversionStore(), await emptyStore()]) {
      const r = await run(store, ['report', ...args, '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(header);
      expect(r.stderr).toBe('');
    }
  });
});

describe('report funnel', () => {
  it('golden table (not a terminal: no bars)', async () => {
    const r = await run(await funnelStore(), ['report', 'funnel']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('█');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report-funnel.txt');
  });

  it('in a terminal each stage gets a bar proportional to reached / cohort', async () => {
    // A terminal wide enough for every column and the whole 24-cell bar (narrower ones: test/e2e/fit.test.ts).
    const r = await run(await funnelStore(), ['report', 'funnel'], { stdoutTTY: true, env: { NO_COLOR: '1', COLUMNS: '120' } });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report-funnel-tty.txt');
    const bars = r.stdout.split('\n').filter((l) => /^│ (aware|interested|engaged|intent|customer|advocate) /.test(l)).map((l) => (l.match(/[█▏▎▍▌▋▊▉]+/) ?? [''])[0]);
    expect(bars[0]).toBe('█'.repeat(24));
    expect(bars[5]).toBe('██▋'); // 1/9 of 24 cells = 21.3 eighths → 21
  });

  it('csv has decimal rates, full-precision days, empty cells for undefined values, and no bars even on a terminal', async () => {
    const r = await run(await funnelStore(), ['report', 'funnel', '--format', 'csv'], { stdoutTTY: true });
    expect(r.stdout).toBe([
      'stage,reached,current,lost,step_rate,overall_rate,median_days',
      'aware,9,0,1,1,1,0',
      'interested,8,2,1,0.888889,0.888889,0',
      'engaged,6,0,1,0.75,0.666667,4',
      'intent,4,1,1,0.666667,0.444444,4.5',
      'customer,2,0,1,0.5,0.222222,7.5',
      'advocate,1,1,0,0.5,0.111111,20',
      '',
    ].join('\n'));
  });

  it('json: numbers as numbers, null for rates over an empty stage; an empty store is six rows of zeros', async () => {
    const r = await run((await tempStore()), ['report', 'funnel', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(6);
    expect(rows[4]).toEqual({ stage: 'customer', reached: 0, current: 0, lost: 0, step_rate: null, overall_rate: null, median_days: null });
    const full = JSON.parse((await run(await funnelStore(), ['report', 'funnel', '--json'])).stdout);
    expect(full[2]).toEqual({ stage: 'engaged', reached: 6, current: 0, lost: 1, step_rate: 0.75, overall_rate: 6 / 9, median_days: 4 });
  });

  it('--since/--until take whole local days and select prospects by creation', async () => {
    const store = await funnelStore();
    const reached = async (...args: string[]) => JSON.parse((await run(store, ['report', 'funnel', '--json', ...args])).stdout)[0].reached;
    expect(await reached('--since', '2026-02-01')).toBe(1);
    expect(await reached('--until', '2026-01-01')).toBe(8);
    expect(await reached('--since', '2026-01-01', '--until', '2026-01-01')).toBe(8);
    expect(await reached('--since', '2027-01-01')).toBe(0);
    expect(await reached('--source', 'instagram', '--owner', 'mitra')).toBe(2);
    expect(await reached('--tag', 'cakes', '--tag', 'bread')).toBe(1);
  });

  it('--by groups show "(none)" in a table and an empty cell in csv', async () => {
    const store = await funnelStore();
    const table = await run(store, ['report', 'funnel', '--by', 'source']);
    expect(table.stdout).toMatch(/│ \(none\)\s+│ aware/);
    const csv = await run(store, ['report', 'funnel', '--by', 'source', '--format', 'csv']);
    expect(csv.stdout).toContain('\n,aware,1,0,0,1,1,0\n');
  });
});

describe('report output formats', () => {
  it('csv is RFC 4180 and guards formulas; tsv uses tabs', async () => {
    const store = await writeStore((await tempStore()), storeDoc([
      prospect({ id: 1, source: 'fair, "spring"', path: [['interested', 0]] }),
      prospect({ id: 2, source: '=HYPERLINK("x")', path: [['interested', 1]] }),
    ]));
    const csv = await run(store, ['report', 'sources', '--format', 'csv']);
    expect(csv.stdout.split('\n').slice(1, 3)).toEqual([
      '"'.concat("'=HYPERLINK(\"\"x\"\")", '",1,0,0,,,0'),
      '"fair, ""spring""",1,0,0,,,0',
    ]);
    const tsv = await run(store, ['report', 'cohorts', '--format', 'tsv']);
    expect(tsv.stdout).toBe('cohort\tprospects\tcustomers\tconversion_rate\tmedian_days_to_convert\n2026-01\t2\t0\t0\t\n');
  });

  it('tsv has no quoting (IANA): a tab or line break inside a value is a space, quotes stay as they are', async () => {
    const store = await writeStore((await tempStore()), storeDoc([
      prospect({ id: 1, source: 'fair\t"spring"\r\nstall', path: [['interested', 0]] }),
      prospect({ id: 2, source: '\tmarket', path: [['interested', 1]] }),
    ]));
    const tsv = await run(store, ['report', 'sources', '--format', 'tsv']);
    expect(tsv.stdout.split('\n').slice(1, 3)).toEqual([' market\t1\t0\t0\t\t\t0', 'fair "spring" stall\t1\t0\t0\t\t\t0']);
    // Every line splits into the header's field count, as awk -F'\t' sees it.
    for (const line of tsv.stdout.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(7);
  });

  it('golden tables of the other reports', async () => {
    const store = await conversionStore();
    let out = '';
    for (const args of [['sources'], ['touches'], ['velocity'], ['cohorts', '--period', 'week'], ['referrals'], ['activity', '--by', 'staff']]) {
      const r = await run(store, ['report', ...args]);
      expect(r.code).toBe(0);
      out += `$ precrm report ${args.join(' ')}\n${r.stdout}\n`;
    }
    await expect(out).toMatchFileSnapshot('__snapshots__/report-tables.txt');
  });
});

describe('report errors', () => {
  it.each([
    [['funnel', '--by', 'colour'], /^error: unknown --by group "colour" \(use one of: source, owner, tag, month\)/],
    [['activity', '--by', 'month'], /^error: unknown --by group "month" \(use one of: type, staff\)/],
    [['cohorts', '--period', 'day'], /^error: unknown --period "day" \(use one of: week, month\)/],
    [['activity', '--period', 'year'], /^error: unknown --period "year" \(use one of: day, week, month\)/],
    [['funnel', '--since', '03/04'], /^error: invalid --since date "03\/04"/],
    [['sources', '--since', '2026-03-01', '--until', '2026-02-01'], /^error: --since 2026-03-01 is after --until 2026-02-01/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('report %j exits 2 with one clear line', async (args, message) => {
    const r = await run((await tempStore()), ['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('an empty report is a success: header only, a note on stderr for people, nothing extra for pipes', async () => {
    const table = await run(await emptyStore(), ['report', 'velocity']);
    expect(table).toMatchObject({ code: 0, stderr: 'no data for this cohort yet (try a wider --since/--until or fewer filters)\n' });
    expect(table.stdout).toContain('p90_days');
    expect(await run(await emptyStore(), ['report', 'referrals', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('a store that does not exist: the same empty output and exit 0, and a warning (a typo in a crontab must show)', async () => {
    const store = (await tempStore());
    const r = await run(store, ['report', 'referrals', '--json', '-q']);
    expect(r).toEqual({ code: 0, stdout: '[]\n', stderr: missingStoreWarning(store) });
  });

  // A file store's bytes broken by hand; a database's damage has tests of its own (test/store/postgres).
  it.skipIf(TEST_BACKEND === 'postgres')('a corrupt store exits 65 and is left alone', async () => {
    const store = await writeStore((await tempStore()), storeDoc([]));
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(store, '{"schema":1,');
    const r = await run(store, ['report', 'funnel']);
    expect(r.code).toBe(65);
    expect(readFileSync(store, 'utf8')).toBe('{"schema":1,');
  });

  it('help ends with examples', async () => {
    const r = await run((await tempStore()), ['report', 'funnel', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ precrm report funnel --format csv > funnel.csv');
  });
});

describe('README', () => {
  it('shows the funnel the sample store really gives (rerun the command in the README and paste its output)', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
    const r = await run(root('data/bakery.json'), ['report', 'funnel'], { stdoutTTY: true, env: { NO_COLOR: '1', COLUMNS: '120' } });
    expect(r.code).toBe(0);
    const readme = readFileSync(root('README.md'), 'utf8');
    expect(readme).toContain(`$ node bin/precrm --store data/bakery.json report funnel\n${r.stdout}\`\`\``);
  });
});
