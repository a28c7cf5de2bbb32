// Phone numbers across the forms people write them in: the digit keys one number may be stored under, and the
// shop's country from the environment.
import { describe, expect, it } from 'vitest';
import { phoneMatchKeys, samePhone, shopCountry } from '../../src/domain/phones.js';

describe('phoneMatchKeys', () => {
  it('an international number: as typed, its international digits, after 00 and after the (0) habit; no country needed', () => {
    expect(phoneMatchKeys('+33 6 12 34 00 01', null)).toEqual(['33612340001', '0033612340001', '330612340001']);
  });

  it('with the shop in France, a French number also under its national digits', () => {
    expect(phoneMatchKeys('+33 6 12 34 00 01', 'FR')).toContain('0612340001');
    expect(phoneMatchKeys('06 12 34 00 01', 'FR')).toEqual(['0612340001', '33612340001', '0033612340001', '330612340001', '612340001']);
    // A foreign number is not stored in national form by a French shop.
    expect(phoneMatchKeys('+44 20 7946 0958', 'FR')).not.toContain('02079460958');
  });

  it('without a country a national number keeps its digits only', () => {
    expect(phoneMatchKeys('06 12 34 00 01', null)).toEqual(['0612340001']);
  });

  it('00 is read as the international prefix, with or without a country', () => {
    expect(phoneMatchKeys('0033 6 12 34 00 01', null)).toContain('33612340001');
    expect(phoneMatchKeys('0033 6 12 34 00 01', 'US')).toContain('33612340001');
  });

  it('too short to tell people apart: no keys; unreadable text keeps its digits', () => {
    expect(phoneMatchKeys('12345', 'FR')).toEqual([]);
    expect(phoneMatchKeys(null, 'FR')).toEqual([]);
    expect(phoneMatchKeys('+999 123456', null)).toEqual(['999123456']);
  });

  it('samePhone: the same mobile in both forms, in France; not without a country', () => {
    expect(samePhone('06 12 34 00 01', '+33 6 12 34 00 01', 'FR')).toBe(true);
    expect(samePhone('+33 6 12 34 00 01', '06 12 34 00 01', 'FR')).toBe(true);
    expect(samePhone('+33 6 12 34 00 01', '06 12 34 00 01', null)).toBe(false);
    expect(samePhone('+1 (555) 123-4567', '555-123-4567', 'US')).toBe(true);
  });
});

describe('shopCountry', () => {
  it.each([
    [{ PRECRM_COUNTRY: 'fr' }, 'FR'],
    [{ PRECRM_COUNTRY: 'GB', LANG: 'fr_FR.UTF-8' }, 'GB'],
    [{ PRECRM_COUNTRY: '', LANG: 'fr_FR.UTF-8' }, null],
    [{ LANG: 'fr_FR.UTF-8' }, 'FR'],
    [{ LC_CTYPE: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' }, 'DE'],
    [{ LC_ALL: 'en_IN', LC_CTYPE: 'de_DE.UTF-8' }, 'IN'],
    [{ LC_ALL: 'C.UTF-8', LANG: 'fr_FR.UTF-8' }, null],
    [{ LANG: 'C' }, null],
    [{}, null],
  ])('%j → %s', (env, expected) => {
    expect(shopCountry(env)).toBe(expected);
  });

  it('a PRECRM_COUNTRY that is not a country code is a usage error', () => {
    expect(() => shopCountry({ PRECRM_COUNTRY: 'France' })).toThrow(/^PRECRM_COUNTRY "France" is not a country code \(use a two-letter code such as FR/);
  });
});

describe('written with spaces, brackets, an extension or a prefix', () => {
  it.each([['00 33 6 12 34 00 01'], ['+33 (0)6 12 34 00 01'], ['+33 6 12 34 00 01 ext. 5'], ['p:+33612340001'], ['tel:+33-6-12-34-00-01']])('%s is the French mobile', (text) => {
    expect(phoneMatchKeys(text, 'FR')).toEqual(expect.arrayContaining(['33612340001', '0612340001']));
  });
});
