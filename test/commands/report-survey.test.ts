import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

/** Two anonymous passers-by, two prospects (one walk-in, one from instagram), hand-countable answers. */
async function fixture(): Promise<string> {
  const store = (await tempStore());
  const steps: string[][] = [
    ['survey', 'create', 'Brand',
      '--question', 'expect:text:What do you expect?', '--question', 'price:scale:Prices fair?',
      '--question', 'recommend:nps:Recommend us?', '--question', 'reason:choice(taste|price|location):Why us?'],
    ['prospect', 'add', 'Ravi', '--source', 'walk-in', '--stage', 'aware'],
    ['prospect', 'add', 'Anna', '--source', 'instagram', '--stage', 'engaged'],
    ['survey', 'respond', 'Brand', '--answer', 'expect=Fresh bread, every morning', '--answer', 'price=4', '--answer', 'recommend=10', '--answer', 'reason=taste'],
    ['survey', 'respond', 'Brand', '--answer', 'expect=a smile and fresh bread', '--answer', 'price=5', '--answer', 'recommend=9', '--answer', 'reason=location'],
    ['survey', 'respond', 'Brand', '--prospect', 'ravi', '--answer', 'expect=fair prices', '--answer', 'price=2', '--answer', 'recommend=6', '--answer', 'reason=price'],
    ['survey', 'respond', 'Brand', '--prospect', 'anna', '--answer', 'price=3', '--answer', 'recommend=8', '--answer', 'reason=taste'],
  ];
  for (const s of steps) expect((await run(store, s)).code).toBe(0);
  return store;
}

describe('report survey', () => {
  it('csv: the columns of docs/CONTRACT.md §5 with flat distributions and top values', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'brand', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'question,type,responses,mean,nps,distribution,top',
      'expect,text,3,,,,bread:2;fresh:2;fair:1;morning:1;prices:1',
      'price,scale,4,3.5,,1:0;2:1;3:1;4:1;5:1,',
      // 2 promoters (10, 9), 1 passive (8), 1 detractor (6) of 4: 50 − 25 = 25
      'recommend,nps,4,8.25,25,0:0;1:0;2:0;3:0;4:0;5:0;6:1;7:0;8:1;9:1;10:1,promoters:2;passives:1;detractors:1',
      'reason,choice,4,,,taste:2;price:1;location:1,taste:2;price:1;location:1',
      '',
    ].join('\n'));
  });

  it('json: distribution as an object and top as value/count pairs, null where not applicable', async () => {
    const rows = JSON.parse((await run(await fixture(), ['report', 'survey', 'Brand', '--json'])).stdout);
    expect(rows[1]).toEqual({ question: 'price', type: 'scale', responses: 4, mean: 3.5, nps: null, distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 }, top: null });
    expect(rows[3].top).toEqual([{ value: 'taste', count: 2 }, { value: 'price', count: 1 }, { value: 'location', count: 1 }]);
    expect(rows[0]).toMatchObject({ mean: null, nps: null, distribution: null });
  });

  it('--by segment puts the group column first and splits every figure', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'Brand', '--by', 'segment', '--format', 'tsv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('segment\tquestion\ttype\tresponses\tmean\tnps\tdistribution\ttop');
    expect(lines.filter((l) => l.includes('\trecommend\t')).map((l) => l.split('\t').slice(0, 6).join(' '))).toEqual([
      'anonymous recommend nps 2 9.5 100',
      'prospect recommend nps 2 7 -50',
    ]);
  });

  it('--by source groups prospects by their source, anonymous last', async () => {
    const rows = JSON.parse((await run(await fixture(), ['report', 'survey', 'Brand', '--by', 'source', '--json'])).stdout);
    expect(rows.filter((r: { question: string }) => r.question === 'price').map((r: { source: string; mean: number }) => [r.source, r.mean]))
      .toEqual([['instagram', 3], ['walk-in', 2], ['anonymous', 4.5]]);
  });

  it('the table shows a scale as small bars between its ends, and a choice with its counts', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'Brand', '--by', 'segment'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/report-survey-by-segment.txt');
    expect(r.stderr).toBe('survey "Brand": 4 response(s)\n');
  });

  it('at 80 columns a choice question\'s distribution names its choices (bars alone said nothing)', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'Brand', '--no-pager'], { stdoutTTY: true, env: { COLUMNS: '80', NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.find((l) => l.startsWith('│ reason'))).toContain('taste 2, price 1, location 1');
    expect(lines.find((l) => l.startsWith('│ price'))).toMatch(/1 \S+ 5/);
  });

  it('--since/--until filter on the answer date', async () => {
    const store = await fixture();
    await run(store, ['survey', 'respond', 'Brand', '--answer', 'price=1'], { now: '2026-04-02T09:00:00Z' });
    const rows = JSON.parse((await run(store, ['report', 'survey', 'Brand', '--since', '2026-04-01', '--json'])).stdout);
    expect(rows.map((x: { responses: number }) => x.responses)).toEqual([0, 1, 0, 0]);
    const until = JSON.parse((await run(store, ['report', 'survey', 'Brand', '--until', '2026-03-31', '--json'])).stdout);
    expect(until[1]).toMatchObject({ responses: 4, mean: 3.5 });
  });

  it('an unknown grouping is 2, an unknown survey is 3, an empty survey is an empty-figures success', async () => {
    const store = await fixture();
    const bad = await run(store, ['report', 'survey', 'Brand', '--by', 'owner']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: unknown --by grouping "owner" (use one of: segment, stage, source)\n');
    expect((await run(store, ['report', 'survey', 'Nope'])).code).toBe(3);
    await run(store, ['survey', 'create', 'Empty', '--question', 'a:scale']);
    const empty = await run(store, ['report', 'survey', 'Empty', '--format', 'csv']);
    expect(empty).toMatchObject({ code: 0, stdout: 'question,type,responses,mean,nps,distribution,top\na,scale,0,,,1:0;2:0;3:0;4:0;5:0,\n' });
  });
});
