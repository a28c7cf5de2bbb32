// Hostile values: malformed dates, huge or non-decimal numbers, and store files that are garbage.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, tempStore, storeWith } from '../helpers.js';
import { csvFile, expectNoCrash, expectRefusedUnchanged, expectSound } from './fixtures.js';

const BAD_DATES = ['2026-02-30', '2026-02-30T10:00:00Z', '2026-04-31T09:00+05:30', '2026-13-01', '2026-00-10', '03/04', '3/4/2026', 'yesterdayish', '99999-01-01', '+275761-01-01', '0000-01-01', '2026-03-05T25:00', '', '99999y'];

describe('malformed dates', () => {
  it('are usage errors (2) that name the option and the accepted forms, on every date option', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    const uses: [string[], string][] = [
      [['touch', 'log', '1', 'greeting', '--at'], '--at'],
      [['prospect', 'follow-up', '1'], 'follow-up'],
      [['prospect', 'add', 'Anna', '--follow-up'], '--follow-up'],
      [['convert', '1', '--at'], '--at'],
      [['prospect', 'list', '--since'], '--since'],
      [['touch', 'list', '--until'], '--until'],
      [['touch', 'list', '--since'], '--since'],
      [['export', 'prospects', '--since'], '--since'],
      [['report', 'funnel', '--since'], '--since'],
    ];
    for (const [args, what] of uses) {
      for (const bad of BAD_DATES) {
        const r = await expectRefusedUnchanged(store, [...args, bad], 2, /^error: .*(invalid|out of range|is empty|too long)/);
        expect(r.stderr.split('\n')[0], `${args.join(' ')} "${bad}"`).toContain(what);
      }
    }
    await expectSound(store);
  });

  it('in CSV cells reject the row (65) with its line number; nothing is written', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    const rows = BAD_DATES.filter((d) => d !== '').map((d, i) => `P${i},${d}`);
    const r = await expectRefusedUnchanged(store, ['import', 'prospects', csvFile(`name,created\n${rows.join('\n')}\n`)], 65, /row\(s\) are invalid; nothing was written/);
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const reason = '(is not a date|is not a day of the calendar|has no such time of day|could be \\w+ \\d+ or \\w+ \\d+)';
    for (const [i, d] of BAD_DATES.filter((x) => x !== '').entries()) {
      expect(r.stderr).toMatch(new RegExp(`line ${i + 2}: created_at "${escape(d)}" ${reason}`));
    }
    const touches = csvFile('prospect,type,at\nravi@example.com,greeting,2026-02-30\n');
    await expectRefusedUnchanged(store, ['import', 'touches', touches], 65, /nothing was written/);
  });

  it('up to the edges of four-digit years are fine', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    expect((await run(store, ['touch', 'log', '1', 'greeting', '--at', '1000-01-01'])).code).toBe(0);
    expect((await run(store, ['prospect', 'follow-up', '1', '9999-12-31'])).code).toBe(0);
    expect((await run(store, ['due', '--within', '100y'])).stdout).not.toContain('Ravi');
    expect((await run(store, ['prospect', 'follow-up', '1', '2100-01-01'])).code).toBe(0);
    expect((await run(store, ['due', '--within', '100y'])).stdout).toContain('Ravi');
    await expectSound(store);
  });
});

describe('huge and odd numbers', () => {
  it('--value: out of range, non-decimal or not a number is a usage error; a large decimal is stored as given', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    for (const bad of ['1e309', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '0x10', '0b1', '1,5,0', '', ' ']) {
      await expectRefusedUnchanged(store, ['convert', '1', '--value', bad], 2, /^error: --value ".*" is not a number \(use 86\.40, 12,50, /);
    }
    await expectRefusedUnchanged(store, ['convert', '1', '--value', '-5'], 2, /^error: --value -5 is negative/);
    expect((await run(store, ['convert', '1', '--value', '1e15'])).code).toBe(0);
    expect((await expectSound(store)).prospects[0].conversion.value).toBe(1e15);
    const sources = JSON.parse((await run(store, ['report', 'sources', '--json'])).stdout);
    expect(sources[0].revenue).toBe(1e15);
  });

  it('--limit, --days, cadences and spans: huge, negative, zero or NaN are usage errors', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    const cases: string[][] = [
      ['prospect', 'list', '--limit', '1e9'], ['prospect', 'list', '--limit', '99999999999999999999'], ['prospect', 'list', '--limit', '0'],
      ['prospect', 'list', '--limit', '-1'], ['prospect', 'list', '--limit', 'NaN'],
      ['stale', '--days', '-1'], ['stale', '--days', '0'], ['stale', '--days', 'NaN'], ['stale', '--days', '1e9'],
      ['prospect', 'cadence', '1', '99999y'], ['prospect', 'cadence', '1', '0'], ['prospect', 'cadence', '1', '-1d'],
      ['prospect', 'add', 'Anna', '--cadence', '36501'], ['due', '--within', '99999y'], ['due', '--within', '1e9d'],
    ];
    for (const args of cases) await expectRefusedUnchanged(store, args, 2, /^error: /);
    expect((await run(store, ['prospect', 'list', '--limit', '1000000000'])).code).toBe(0);
    expect((await run(store, ['stale', '--days', '999999999999'])).code).toBe(0);
    expect((await run(store, ['prospect', 'cadence', '1', '36500'])).code).toBe(0);
    expect((await run(store, ['due'])).code).toBe(0);
  });

  it('in CSV cells reject the row (65): a cadence past 100 years used to crash `due` afterwards', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    const file = csvFile('name,cadence_days,conversion_value,converted_at,id\nA,9007199254740991,,,\nB,,1e309,2026-01-01,\nC,,,,99999999999999999999\n');
    const r = await expectRefusedUnchanged(store, ['import', 'prospects', file], 65, /3 of 3 row\(s\) are invalid/);
    expect(r.stderr).toContain('line 2: cadence_days "9007199254740991" is not a whole number of at least 1 and at most 36500');
    expect(r.stderr).toContain('line 3: conversion_value "1e309" is not a number');
    expect(r.stderr).toContain('line 4: id "99999999999999999999" is not a whole number');
    expect((await run(store, ['due'])).code).toBe(0);
  });
});

describe('garbage store contents', () => {
  const valid = () => ({ schema: 1, nextId: { prospect: 2, touch: 1, survey: 1, response: 1 }, prospects: [] as unknown[], touches: [] as unknown[], surveys: [], responses: [] });
  const prospect = (over: Record<string, unknown> = {}) => ({
    id: 1, name: 'Ravi', email: null, phone: null, company: null, source: null, stage: 'interested',
    stageHistory: [{ stage: 'interested', at: '2026-01-01T00:00:00.000Z' }], tags: [], owner: null, referredBy: null,
    doNotContact: false, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {}, conversion: null,
    notes: null, forgottenAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...over,
  });
  const withProspect = (over: Record<string, unknown>) => JSON.stringify({ ...valid(), prospects: [prospect(over)] });
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty', '', /is not valid JSON \(it is empty\)/],
    ['a byte-order mark', `\ufeff${JSON.stringify(valid())}`, /starts with a byte-order mark/],
    ['null', 'null', /is not a precrm store/],
    ['an array', '[]', /is not a precrm store/],
    ['binary bytes', Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a, 0xff]), /is not valid JSON/],
    ['truncated JSON', JSON.stringify(valid()).slice(0, 40), /is not valid JSON/],
    ['200,000 nested arrays', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /not a precrm store|not valid JSON/],
    ['a newer schema', JSON.stringify({ ...valid(), schema: 99 }), /newer precrm \(schema 99\)/],
    ['missing lists', '{"schema":1}', /fails validation/],
    ['a touch of a missing prospect', JSON.stringify({ ...valid(), nextId: { ...valid().nextId, touch: 2 }, touches: [{ id: 1, prospectId: 9, type: 'greeting', at: '2026-01-01T00:00:00.000Z', note: null, outcome: null, direction: null, by: 'x' }] }), /fails validation/],
    ['a conversion worth 1e400', withProspect({ stage: 'customer', conversion: { at: '2026-01-01T00:00:00.000Z', value: '@1e400', currency: null, product: null } }).replace('"@1e400"', '1e400'), /fails validation/],
    ['a cadence of 2^53 days', withProspect({ cadenceDays: 2 ** 53 - 1 }), /fails validation/],
    ['a date that is not one', withProspect({ createdAt: 'yesterdayish' }), /fails validation/],
    ['an unknown stage', withProspect({ stage: 'bribed' }), /fails validation/],
  ];

  for (const [what, content, message] of cases) {
    it(`holding ${what} is refused (65) by readers and writers and left byte for byte`, async () => {
      const store = (await tempStore());
      writeFileSync(store, content);
      for (const args of [['prospect', 'list'], ['report', 'funnel'], ['due'], ['prospect', 'add', 'Anna'], ['touch', 'log', '1', 'greeting'], ['store', 'check']]) {
        const r = await expectRefusedUnchanged(store, args, 65, message);
        expect(r.stderr.split('\n')[0]).toContain(store);
        expectNoCrash(r);
      }
      expect(readFileSync(store).equals(Buffer.from(content))).toBe(true);
    });
  }
});

describe('store backup onto the store itself', () => {
  it('is a usage error (2) rather than a reported "backed up" that copied nothing', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    await expectRefusedUnchanged(store, ['store', 'backup', store], 2, /^error: the backup .* would overwrite the store .* \(or its lock or temp files\); name another file$/);
    await expectSound(store);
  });
});

describe('through the built binary (real processes)', () => {
  it('a 1 MB CSV cell on stdin and a binary store file end in one clean error line each', async () => {
    const store = await storeWith(['Ravi', '--email', 'ravi@example.com']);
    const before = readFileSync(store);
    const env = { PRECRM_STORE: store, PRECRM_USER: 'tester' };
    const big = await spawnPrecrm(['import', 'prospects', '-'], { env, input: `name,notes\nBig,${'n'.repeat(1_000_000)}\n` });
    expect(big.code).toBe(65);
    expect(big.stderr).toContain('line 2: notes is 1000000 characters long; the limit is 10000');
    expectNoCrash(big);
    expect(readFileSync(store).equals(before)).toBe(true);
    writeFileSync(store, Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0, 0xff]));
    const garbage = await spawnPrecrm(['prospect', 'list'], { env });
    expect(garbage.code).toBe(65);
    expect(garbage.stderr).toMatch(/^error: the store .* is not valid JSON .*; it was left untouched/);
    expect(garbage.stderr).not.toContain('\u001b');
    expect(garbage.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
