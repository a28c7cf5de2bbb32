// report html's "Due this week": a page, not the whole list — the 25 most pressing, and how many more there are.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const NOW = '2026-11-23T08:00:00.000Z';

async function dueRows(count: number): Promise<string> {
  const store = await tempStore();
  const csv = join(tempDir(), 'people.csv');
  const lines = Array.from({ length: count }, (_, i) => `Person ${String(i + 1).padStart(2, '0')},2026-11-${String(10 + (i % 14)).padStart(2, '0')}`);
  writeFileSync(csv, ['name,follow_up', ...lines, ''].join('\n'));
  const r = await run(store, ['import', 'prospects', csv], { now: NOW });
  expect(r.code, r.stderr).toBe(0);
  return store;
}

const dueSection = (page: string) => page.slice(page.indexOf('<section id="due">'), page.indexOf('</section>', page.indexOf('<section id="due">')));

describe('report html: due this week', () => {
  it('lists at most 25 rows, the most pressing first, and says how many more', async () => {
    const store = await dueRows(31);
    const page = (await run(store, ['report', 'html'], { now: NOW })).stdout;
    const section = dueSection(page);
    expect(section.match(/<tr>/g)).toHaveLength(26); // the header and 25 rows
    expect(section).toContain('and 6 more (precrm due --within 7d)');
    const due = (await run(store, ['due', '--within', '7d', '--format', 'csv', '--columns', 'name'], { now: NOW })).stdout.trim().split('\n').slice(1);
    expect(due).toHaveLength(31);
    for (const name of due.slice(0, 25)) expect(section).toContain(`<td>${name}</td>`);
    for (const name of due.slice(25)) expect(section).not.toContain(`<td>${name}</td>`);
  });

  it('says nothing more when 25 or fewer are due', async () => {
    const section = dueSection((await run(await dueRows(25), ['report', 'html'], { now: NOW })).stdout);
    expect(section.match(/<tr>/g)).toHaveLength(26);
    expect(section).not.toContain('more');
  });
});
