// report html's funnel: with tallies in the page's window, the anonymous counts above the first stage and the new
// prospects per count, the very rows of `report funnel`; without tallies the section is as it always was.
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

const at = (now: string) => ({ now });
const NOW = at('2026-03-10T12:00:00Z');

const section = (page: string, id: string) => page.slice(page.indexOf(`<section id="${id}">`), page.indexOf('</section>', page.indexOf(`<section id="${id}">`)));

/** The table rows of a section, as the values its cells carry (data-value when a cell has one, else its text). */
function tableRows(html: string): (string | null)[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, tr]) => [...tr!.matchAll(/<td([^>]*)>(.*?)<\/td>/gs)]
    .map(([, attrs, text]) => /data-value="([^"]*)"/.exec(attrs!)?.[1] ?? text!));
}

async function shop(): Promise<string> {
  const store = await tempStore();
  await run(store, ['prospect', 'add', '--description', 'blue scarf'], at('2026-03-02T10:00:00Z'));
  await run(store, ['prospect', 'add', 'Anna Berg'], at('2026-03-03T10:00:00Z'));
  return store;
}

describe('report html: the funnel with tallies', () => {
  it('shows the window\'s anonymous counts above the first stage with the new prospects per count, as report funnel does', async () => {
    const store = await shop();
    const window = ['--since', '2026-03-01'];
    const plain = section((await run(store, ['report', 'html', ...window], NOW)).stdout, 'funnel');
    // Outside the window: the section does not change.
    await run(store, ['tally', 'log', 'greeting', '38'], at('2026-02-20T10:00:00Z'));
    expect(section((await run(store, ['report', 'html', ...window], NOW)).stdout, 'funnel')).toBe(plain);
    await run(store, ['tally', 'log', 'greeting', '40'], at('2026-03-02T09:00:00Z'));
    await run(store, ['tally', 'log', 'sample', '50'], at('2026-03-02T09:30:00Z'));
    const page = await run(store, ['report', 'html', ...window], NOW);
    expect(page.code, page.stderr).toBe(0);
    const funnel = section(page.stdout, 'funnel');
    const json = JSON.parse((await run(store, ['report', 'funnel', ...window, '--json'], NOW)).stdout) as Record<string, string | number | null>[];
    expect(json.map((r) => r.stage).slice(0, 2)).toEqual(['anonymous greeting', 'anonymous sample']);
    const num = (v: string | null) => (v === '' || v === null ? null : Number(v));
    expect(tableRows(funnel).map(([stage, ...rest]) => [stage, ...rest.map(num)])).toEqual(
      json.map((r) => [r.stage, r.reached, r.current, r.lost, r.step_rate, r.overall_rate, r.median_days]));
    // Each chart (wide and narrow) has a bar per row; an anonymous bar says what its count brought.
    expect(funnel.match(/<rect /g)).toHaveLength(2 * json.length);
    expect(funnel).toContain('>40 · new prospects 5.0%</text>');
    expect(funnel).toContain('the new prospects the same window brought per count');
    // Tallies belong to no source: a page of one source has none, as report funnel --source has none.
    expect(section((await run(store, ['report', 'html', ...window, '--source', 'walk-in'], NOW)).stdout, 'funnel')).not.toContain('anonymous');
  });
});
