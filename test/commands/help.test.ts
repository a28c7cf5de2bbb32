// precrm help <topic>: the manual's topics, printed from the code's own lists; help <command> as --help does.
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

describe('precrm help', () => {
  it.each(['stages', 'dates', 'formats', 'exit-codes', 'csv'])('help %s prints the topic, lines within 80 columns', async (topic) => {
    const r = await run((await tempStore()), ['help', topic]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${topic.replace('-', ' ').toUpperCase()}`));
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  /**
   * Where a line breaks inside a paragraph, or inside an entry's text (its continuation is indented deeper), the
   * next word did not fit: the text was wrapped once, at the width, not broken early and wrapped again.
   */
  it.each(['stages', 'dates', 'formats', 'exit-codes', 'csv'])('help %s is wrapped once at 80 columns: no line breaks before it is full', async (topic) => {
    const lines = (await run((await tempStore()), ['help', topic])).stdout.split('\n');
    const indent = (l: string) => /^ */.exec(l)![0].length;
    // `  term  text` continues under its text; a paragraph (no indent) or a deeper block under itself; a line at
    // two spaces without a term (an example command) stands alone.
    const under = (l: string) => /^\s+\S(?:\S| (?! ))*\s{2,}/.exec(l)?.[0].length ?? (indent(l) === 2 ? -1 : indent(l));
    const early: string[] = [];
    lines.forEach((line, i) => {
      const next = lines[i + 1] ?? '';
      const continues = next.trim() !== '' && line.trim() !== '' && indent(next) === under(line);
      if (continues && line.length + 1 + next.trim().split(' ')[0]!.length <= 80) early.push(`${line} ⏎ ${next.trim()}`);
    });
    expect(early).toEqual([]);
  });

  it('a term with spaces keeps its text in one column: continuations line up under the text', async () => {
    const dates = (await run((await tempStore()), ['help', 'dates'])).stdout.split('\n');
    const at = dates.findIndex((l) => l.startsWith('  2026-03-05, 2026-03-05T18:30'));
    const column = dates[at]!.indexOf('ISO dates');
    expect(dates[at + 1]!.length - dates[at + 1]!.trimStart().length).toBe(column);
  });

  it('topics are made from what the code declares: every stage, exit code and export column', async () => {
    const stages = (await run((await tempStore()), ['help', 'stages'])).stdout;
    for (const s of ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost']) expect(stages).toMatch(new RegExp(`^  ${s} `, 'm'));
    const codes = (await run((await tempStore()), ['help', 'exit-codes'])).stdout;
    for (const c of [0, 1, 2, 3, 4, 65, 66, 69, 73, 75, 77, 130]) expect(codes).toMatch(new RegExp(`^ +${c}  `, 'm'));
    const csv = (await run((await tempStore()), ['help', 'csv'])).stdout.replace(/\s+/g, ' ');
    expect(csv).toContain('export touches id, prospect_id, email, name, type, at, direction, outcome, by, note');
    expect(csv).toContain('report funnel stage, reached, current, lost, step_rate, overall_rate, median_days');
  });

  it('help <command> shows that command\'s help; an unknown topic is a usage error naming the topics', async () => {
    const log = await run((await tempStore()), ['help', 'touch', 'log']);
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(/^Usage: precrm touch log /);
    expect(log.stdout).toContain('Examples:');
    const bad = await run((await tempStore()), ['help', 'colours']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: no command or help topic "colours" (topics: stages, dates, formats, exit-codes, csv; commands: precrm --help)\n');
    expect((await run((await tempStore()), ['--help'])).stdout).toContain('Topics: precrm help stages | dates | formats | exit-codes | csv');
  });
});
