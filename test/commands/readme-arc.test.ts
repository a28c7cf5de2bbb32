// Every README block that shows a command on the sample store (`$ precrm --store data/bakery.json …`) is that command's
// real output on the shop's "today", 23 November 2026; and the sample tells the arc the README tells.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const BAKERY = root('data/bakery.json');
const NOW = '2026-11-23T08:00:00Z';
const PROMPT = '$ precrm --store data/bakery.json ';

/** The words of a README command line: plain words and "double-quoted" ones, as sh splits them. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** Each console block on the sample store: its command's words and the output printed under it. */
function sampleBlocks(): { line: string; args: string[]; shown: string }[] {
  const readme = readFileSync(root('README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```console\n(\$ precrm --store data\/bakery\.json [^\n]*)\n([\s\S]*?)^```$/gm)];
  return blocks.map((m) => ({ line: m[1]!, args: words(m[1]!.slice(PROMPT.length)), shown: m[2]! }));
}

describe('README blocks on data/bakery.json are its real output', () => {
  it('there are such blocks: the arc, the survey and its outcome', () => {
    const lines = sampleBlocks().map((b) => b.line);
    for (const cmd of ['report tallies', 'report loyalty --by sampled', '--outcome', 'occasion list', 'due ']) {
      expect(lines.some((l) => l.includes(cmd)), cmd).toBe(true);
    }
  });

  it.each(sampleBlocks().map((b) => [b.line, b] as const))('%s', async (_line, block) => {
    const r = await run(BAKERY, block.args, { now: NOW, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(block.shown).toBe(r.stdout);
  });
});
