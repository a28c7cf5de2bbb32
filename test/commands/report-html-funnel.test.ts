// report html's funnel table is report funnel's: the anonymous counts of the window above the first stage, as in csv/json.
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

const NOW = '2026-11-23T08:00:00.000Z';

const funnelSection = (page: string) => page.slice(page.indexOf('<section id="funnel">'), page.indexOf('</section>', page.indexOf('<section id="funnel">')));

async function shop(): Promise<string> {
  const store = await tempStore();
  for (const args of [['prospect', 'add', 'Ravi Sen'], ['prospect', 'add', 'Anita Rao'], ['tally', 'log', 'greeting', '40', '--at', '2026-11-20']]) {
    const r = await run(store, args, { now: NOW });
    expect(r.code, r.stderr).toBe(0);
  }
  return store;
}

describe('report html: the funnel', () => {
  it('lists the tallies of the window above aware, with the new prospects per count, as report funnel does', async () => {
    const store = await shop();
    const funnel = JSON.parse((await run(store, ['report', 'funnel', '--json'], { now: NOW })).stdout) as { stage: string }[];
    expect(funnel[0]).toMatchObject({ stage: 'anonymous greeting', reached: 40, overall_rate: 0.05 });
    const section = funnelSection((await run(store, ['report', 'html'], { now: NOW })).stdout);
    const stages = [...section.matchAll(/<tr><td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(stages).toEqual(funnel.map((r) => r.stage));
  });

  it('leaves them out of a window without tallies', async () => {
    const store = await shop();
    const section = funnelSection((await run(store, ['report', 'html', '--since', '2026-11-21'], { now: NOW })).stdout);
    expect(section).not.toContain('anonymous');
    expect(section).toContain('aware');
  });
});
