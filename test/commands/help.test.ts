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
