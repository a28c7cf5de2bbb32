// The README's survey report is the real output on the sample store: regenerate both together.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { run } from '../helpers.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

it('README ## Surveys shows report survey --by segment as run on data/bakery.json', async () => {
  const r = await run(root('data/bakery.json'), ['report', 'survey', 'bakery perception', '--by', 'segment'], { env: { NO_COLOR: '1' } });
  expect(r.code).toBe(0);
  const readme = readFileSync(root('README.md'), 'utf8');
  const block = /\$ precrm --store data\/bakery\.json report survey "bakery perception" --by segment\n([\s\S]*?)```/.exec(readme);
  expect(block?.[1]).toBe(r.stdout);
});

it('README shows report survey --outcome as run on data/bakery.json on 23 Nov 2026', async () => {
  const r = await run(root('data/bakery.json'), ['report', 'survey', 'bakery perception', '--outcome'], { env: { NO_COLOR: '1' }, now: '2026-11-23T08:00:00Z' });
  expect(r.code).toBe(0);
  const readme = readFileSync(root('README.md'), 'utf8');
  const block = /\$ precrm --store data\/bakery\.json report survey "bakery perception" --outcome\n([\s\S]*?)```/.exec(readme);
  expect(block?.[1]).toBe(r.stdout);
});
