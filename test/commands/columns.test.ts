// `--columns a,b,c`: every command that prints rows prints those columns, in that order, in every format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const NOW = '2026-11-23T08:00:00.000Z';
const at = (store: string, args: string[], env: Record<string, string> = {}, tty = false) =>
  run(store, args, { now: NOW, env: { NO_COLOR: '1', ...env }, stdoutTTY: tty });

/** Three prospects (one due with a phone, one with only an email), touches, a purchase and a survey. */
async function shop(): Promise<string> {
  const s = await tempStore();
  const steps: [string, string[]][] = [
    ['2026-11-01T09:00', ['prospect', 'add', 'Ravi Sen', '--phone', '+91 98300 11111', '--source', 'walk-in', '--cadence', '1d', '--note', 'passes at six']],
    ['2026-11-01T09:00', ['prospect', 'add', 'Priya Nair', '--email', 'priya@example.org', '--source', 'website', '--follow-up', '2026-11-20', '--next', 'send the wedding quote']],
    ['2026-11-01T09:00', ['prospect', 'add', 'Anita Rao', '--source', 'walk-in']],
    ['2026-11-01T10:00', ['touch', 'log', 'anita', 'call', 'asked for prices']],
    ['2026-11-02T10:00', ['convert', 'anita', '--value', '40', '--currency', 'EUR']],
    ['2026-11-21T18:00', ['touch', 'log', 'ravi', 'greeting', 'waved back']],
    ['2026-11-21T18:00', ['survey', 'create', 'Brand', '--question', 'recommend:nps:How likely are you to recommend us?']],
  ];
  for (const [when, args] of steps) {
    const r = await run(s, args, { now: `${when}:00.000Z` });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  return s;
}

describe('--columns', () => {
  it('due: the columns named, in that order, in csv, tsv, json and a table; contact is there to be named', async () => {
    const s = await shop();
    const csv = await at(s, ['due', '--columns', 'name,contact,overdue_days', '--format', 'csv']);
    expect(csv).toMatchObject({ code: 0, stdout: 'name,contact,overdue_days\nPriya Nair,priya@example.org,3\nRavi Sen,+91 98300 11111,1\n' });
    // A table's header works as well as the key, in any case, with a space, - or _.
    const tsv = await at(s, ['due', '--columns', ' Overdue , NAME,last-touch', '--format', 'tsv']);
    expect(tsv.stdout).toBe('overdue_days\tname\tlast_touch_at\n3\tPriya Nair\t\n1\tRavi Sen\t2026-11-21T18:00:00.000Z\n');
    const json = JSON.parse((await at(s, ['due', '--columns', 'note,id', '--json'])).stdout);
    expect(json).toEqual([{ note: 'send the wedding quote', id: 2 }, { note: null, id: 1 }]);
    const table = await at(s, ['due', '--columns', 'contact,name']);
    expect(table.stdout).toBe([
      '┌───────────────────┬────────────┐',
      '│ contact           │ name       │',
      '│ priya@example.org │ Priya Nair │',
      '│ +91 98300 11111   │ Ravi Sen   │',
      '└───────────────────┴────────────┘',
      '',
    ].join('\n'));
    // Named twice, printed once (a csv header or json key never repeats).
    expect((await at(s, ['due', '--columns', 'name,name', '--format', 'csv'])).stdout.split('\n')[0]).toBe('name');
  });

  it('an unknown column is a usage error (exit 2) that names the valid ones, and prints nothing', async () => {
    const s = await shop();
    const r = await at(s, ['due', '--columns', 'name,mobile']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('error: unknown column "mobile" in --columns (use any of: id, name, reason, contact, due_at, overdue_days, '
      + 'last_touch_at, last_touch_type, stage, owner, phone, email, note)');
    const empty = await at(s, ['stale', '--columns', ' , ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')[0]).toMatch(/^error: --columns needs at least one column \(use any of: id, name, stage, silent_days, /);
    const report = await at(s, ['report', 'sources', '--columns', 'source,revenue_eur']);
    expect(report.code).toBe(2);
    expect(report.stderr.split('\n')[0]).toMatch(/^error: unknown column "revenue_eur" in --columns \(use any of: source, /);
  });

  it('prospect list: any column of the table or of the csv, in every format; json holds just those keys', async () => {
    const s = await shop();
    const table = await at(s, ['prospect', 'list', '--columns', 'name,notes,follow-up']);
    expect(table.stdout.split('\n').slice(1, 3)).toEqual(['│ name       │ notes         │ follow-up  │', '│ Ravi Sen   │ passes at six │            │']);
    expect((await at(s, ['prospect', 'list', '--columns', 'id,follow_up', '--format', 'csv'])).stdout).toBe('id,follow_up\n1,\n2,2026-11-20\n3,\n');
    expect(JSON.parse((await at(s, ['prospect', 'list', '--columns', 'name,stage', '--json'])).stdout)).toEqual([
      { name: 'Ravi Sen', stage: 'interested' }, { name: 'Priya Nair', stage: 'interested' }, { name: 'Anita Rao', stage: 'customer' },
    ]);
    const show = await at(s, ['prospect', 'show', 'ravi', '--columns', 'phone,name', '--format', 'csv']);
    expect(show.stdout).toBe('phone,name\n+91 98300 11111,Ravi Sen\n');
  });

  it('stale, touch list, survey list, reports and export take it too; a file gets the columns asked for', async () => {
    const s = await shop();
    expect((await at(s, ['stale', '--days', '20', '--columns', 'silent,name', '--format', 'csv'])).stdout).toBe('silent_days,name\n22,Priya Nair\n');
    expect((await at(s, ['touch', 'list', '--columns', 'note,type', '--format', 'csv'])).stdout).toBe('note,type\nasked for prices,call\nwaved back,greeting\n');
    expect((await at(s, ['survey', 'list', '--columns', 'questions,name', '--format', 'csv'])).stdout).toBe('questions,name\n1,Brand\n');
    expect((await at(s, ['report', 'sources', '--columns', 'prospects,source', '--format', 'csv'])).stdout).toBe('prospects,source\n2,walk-in\n1,website\n');
    const file = join(tempDir(), 'people.tsv');
    const out = await at(s, ['export', 'prospects', '-o', file, '--columns', 'email,name']);
    expect(out.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('email\tname\n\tRavi Sen\npriya@example.org\tPriya Nair\n\tAnita Rao\n');
  });

  it('on a narrow terminal the columns named last are left out first', async () => {
    const s = await shop();
    const r = await at(s, ['due', '--columns', 'name,note,contact'], { COLUMNS: '40' }, true);
    expect(r.stdout.split('\n')[1]).toBe('│ name       │ note                   │');
    expect(r.stderr.split('\n')[0]).toMatch(/^left out to fit 40 columns: contact \(/);
  });
});
