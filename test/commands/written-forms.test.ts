// Amounts, days and times as people type them, through the commands and the import (every backend).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storeWith, storedDoc, tempDir } from '../helpers.js';

// Tuesday 10 March 2026, 12:00 (the tests run with TZ=UTC).
const NOW = { now: '2026-03-10T12:00:00.000Z' };

const csvFile = (text: string) => {
  const file = join(tempDir(), 'in.csv');
  writeFileSync(file, text);
  return file;
};

async function conversionOf(store: string) {
  return (await storedDoc(store)).prospects[0]!.conversion;
}

describe('convert --value as people write it', () => {
  it.each([
    ['€86.40', [], 86.4, 'EUR'],
    ['12,50', ['--currency', 'eur'], 12.5, 'EUR'],
    ['1.234,50 €', [], 1234.5, 'EUR'],
    ['$1,234.50', [], 1234.5, 'USD'],
    ['$1,234.50', ['--currency', 'CAD'], 1234.5, 'CAD'],
    ['86.40 EUR', [], 86.4, 'EUR'],
    ['250', [], 250, null],
  ] as const)('%s %j → %s %s', async (value, more, expected, currency) => {
    const store = await storeWith(['Ravi']);
    const r = await run(store, ['convert', 'ravi', '--value', value, ...more], NOW);
    expect(r.code).toBe(0);
    expect(await conversionOf(store)).toMatchObject({ value: expected, currency });
  });

  it('an ambiguous 1,234 is refused (2) with both readings and the accepted forms; nothing is written', async () => {
    const store = await storeWith(['Ravi']);
    const r = await run(store, ['convert', 'ravi', '--value', '1,234'], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --value "1,234" is ambiguous: 1234 or 1.234? (write 1234 or 1.234; forms: 86.40, 12,50, 1234, €86.40, 1.234,50 €, $1,234.50, 86.40 EUR)\n');
    expect(await conversionOf(store)).toBeNull();
  });

  it('a symbol that contradicts --currency is a usage error', async () => {
    const store = await storeWith(['Ravi']);
    const r = await run(store, ['convert', 'ravi', '--value', '€86.40', '--currency', 'USD'], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --value "€86.40" is in EUR but --currency is USD (give one currency)\n');
    expect(await conversionOf(store)).toBeNull();
  });
});

describe('import: values with symbols and decimal commas', () => {
  it('€86.40 gives the value and its currency; a currency column wins when it agrees', async () => {
    const store = await storeWith(['Asha', '--email', 'asha@example.com']);
    const file = csvFile('name,email,converted_at,conversion_value,currency\nRavi,ravi@example.com,2026-03-01,€86.40,\nMira,mira@example.com,2026-03-01,"$1,234.50",CAD\n');
    const r = await run(store, ['import', 'prospects', file], NOW);
    expect(r.code).toBe(0);
    const [, ravi, mira] = (await storedDoc(store)).prospects;
    expect(ravi!.conversion).toMatchObject({ value: 86.4, currency: 'EUR' });
    expect(mira!.conversion).toMatchObject({ value: 1234.5, currency: 'CAD' });
  });

  it('a ; file reads 1.234,50 € and 12,50; a value whose symbol contradicts the currency column rejects its row', async () => {
    const store = await storeWith(['Asha', '--email', 'asha@example.com']);
    const good = csvFile('name;email;converted_at;conversion_value\nRavi;ravi@example.com;2026-03-01;1.234,50 €\nMira;mira@example.com;2026-03-01;12,50\n');
    expect((await run(store, ['import', 'prospects', good], NOW)).code).toBe(0);
    expect((await storedDoc(store)).prospects.map((p) => p.conversion?.value ?? null)).toEqual([null, 1234.5, 12.5]);
    const bad = csvFile('name,email,converted_at,conversion_value,currency\nLea,lea@example.com,2026-03-01,€5,USD\nOla,ola@example.com,2026-03-01,"1,234",\n');
    const r = await run(store, ['import', 'prospects', bad], NOW);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('line 2: conversion_value "€5" is in EUR but currency is USD');
    expect(r.stderr).toContain('line 3: conversion_value "1,234" is ambiguous');
  });
});

describe('times of day wherever a time is taken', () => {
  it('touch log --at 10:00 is today at 10:00; "yesterday 18:00" and 2h as written; --follow-up "friday 9:30"', async () => {
    const store = await storeWith(['Ravi']);
    for (const at of ['10:00', 'yesterday 18:00', '2h', '30min', '9 Mar 2026']) {
      const r = await run(store, ['touch', 'log', 'ravi', 'call', '--at', at], NOW);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await run(store, ['touch', 'log', 'ravi', 'visit', '--follow-up', 'friday 9:30'], NOW)).code).toBe(0);
    const doc = await storedDoc(store);
    expect(doc.touches.map((t) => t.at)).toEqual(expect.arrayContaining([
      '2026-03-10T10:00:00.000Z', '2026-03-09T18:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-10T11:30:00.000Z', '2026-03-09T00:00:00.000Z',
    ]));
    expect(doc.prospects[0]!.followUp?.at).toBe('2026-03-13T09:30:00.000Z');
  });

  it('convert --at "March 9, 2026 6pm"; a time later today is still refused as a later day only when it is one', async () => {
    const store = await storeWith(['Ravi'], { now: '2026-03-01T12:00:00.000Z' });
    const r = await run(store, ['convert', 'ravi', '--value', '€10', '--at', 'March 9, 2026 6pm'], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect((await conversionOf(store))!.at).toBe('2026-03-09T18:00:00.000Z');
    const later = await run(store, ['touch', 'log', 'ravi', 'call', '--at', 'tomorrow 9:00'], NOW);
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/^error: --at tomorrow 9:00 is after today/);
  });

  it('a time that does not exist is a usage error naming the forms', async () => {
    const store = await storeWith(['Ravi']);
    const r = await run(store, ['touch', 'log', 'ravi', 'call', '--at', '25:00'], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: invalid --at date "25:00" (use YYYY-MM-DD[THH:MM], 12 Mar 2026, yesterday 18:00, 10:00, 3d, 2w, 1m, 2h, 30min, friday …; see precrm help dates)\n');
  });
});

describe('phone numbers match across national and international forms', () => {
  const FR = { ...NOW, env: { PRECRM_COUNTRY: 'FR' } };

  it('+33 6 12 34 00 01 and 06 12 34 00 01 are one person in France (PRECRM_COUNTRY or the locale), both ways', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '+33 6 12 34 00 01'], NOW);
    const again = await run(store, ['prospect', 'add', 'Lucie B', '--phone', '06 12 34 00 01'], FR);
    expect(again.code).toBe(4);
    expect(again.stderr).toBe('error: Lucie Bernard (1) already has this phone number (use --allow-duplicate to add anyway, or: precrm prospect edit 1)\n');
    const byLocale = await run(store, ['prospect', 'add', 'Lucie B', '--phone', '06 12 34 00 01'], { ...NOW, env: { LANG: 'fr_FR.UTF-8' } });
    expect(byLocale.code).toBe(4);
    const national = await storeWith(['Lucie Bernard', '--phone', '06 12 34 00 01'], NOW);
    expect((await run(national, ['prospect', 'add', 'Lucie B', '--phone', '+33 6 12 34 00 01'], FR)).code).toBe(4);
    expect((await run(national, ['prospect', 'add', 'Lucie B', '--phone', '0033 6 12 34 00 01'], FR)).code).toBe(4);
  });

  it('without a country a national number matches only its own digits; the phone is stored as typed', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '+33 6 12 34 00 01'], NOW);
    const r = await run(store, ['prospect', 'add', 'Lucie B', '--phone', '06 12 34 00 01'], NOW);
    expect(r.code).toBe(0);
    expect((await storedDoc(store)).prospects.map((p) => p.phone)).toEqual(['+33 6 12 34 00 01', '06 12 34 00 01']);
    // An international number needs no country to match its other international forms.
    expect((await run(store, ['prospect', 'add', 'Lucie C', '--phone', '+33 (0)6 12 34 00 01'], NOW)).code).toBe(4);
  });

  it('edit --phone refuses another prospect\'s number in another form', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '+33 6 12 34 00 01'], NOW);
    expect((await run(store, ['prospect', 'add', 'Anna'], NOW)).code).toBe(0);
    const r = await run(store, ['prospect', 'edit', 'anna', '--phone', '06.12.34.00.01'], FR);
    expect(r.code).toBe(4);
  });

  it('import merges a row whose phone is a store prospect\'s in another form, and rows of one number in the file', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '06 12 34 00 01'], NOW);
    const file = csvFile('name,phone,source,company\nLucie,+33 6 12 34 00 01,market,\nMarc,+33 7 00 00 00 02,market,\nMarc D,0033 7 00 00 00 02,,Boulangerie\n');
    const r = await run(store, ['import', 'prospects', file], FR);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/created 1, merged 2, skipped 0, rejected 0/);
    const doc = await storedDoc(store);
    expect(doc.prospects.map((p) => [p.name, p.phone, p.source, p.company])).toEqual([
      ['Lucie Bernard', '06 12 34 00 01', 'market', null],
      ['Marc', '+33 7 00 00 00 02', 'market', 'Boulangerie'],
    ]);
  });

  it('a dry run says the row is the same phone as the store prospect', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '06 12 34 00 01'], NOW);
    const r = await run(store, ['import', 'prospects', csvFile('name,phone\nLucie,+33 6 12 34 00 01\n'), '--dry-run', '--json'], FR);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('same phone as #1');
  });

  it('PRECRM_COUNTRY that is not a country code is a usage error (2), before anything is written', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '06 12 34 00 01'], NOW);
    const r = await run(store, ['prospect', 'add', 'Marc', '--phone', '07 00 00 00 02'], { ...NOW, env: { PRECRM_COUNTRY: 'France' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: PRECRM_COUNTRY "France" is not a country code (use a two-letter code such as FR, GB, IN, US)\n');
    expect((await storedDoc(store)).prospects).toHaveLength(1);
  });

  it('the stored lookup keys do not depend on the country: store check is clean whatever PRECRM_COUNTRY was', async () => {
    const store = await storeWith(['Lucie Bernard', '--phone', '06 12 34 00 01'], FR);
    expect((await run(store, ['prospect', 'add', 'Marc', '--phone', '+33 (0)7 00 00 00 02'], { ...NOW, env: { PRECRM_COUNTRY: 'GB' } })).code).toBe(0);
    const check = await run(store, ['store', 'check'], NOW);
    expect(check.code, check.stderr).toBe(0);
  });
});
