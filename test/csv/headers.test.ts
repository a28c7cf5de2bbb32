import { describe, expect, it } from 'vitest';
import { customKey, fallbackColumns, matchHeaders, normaliseHeader, parseMapOptions, rowValues, type HeaderMatch } from '../../src/csv/headers.js';
import { PROSPECT_HEADERS } from '../../src/csv/contact-columns.js';
import { TOUCH_HEADERS } from '../../src/csv/touch-rows.js';

/** The columns that give one field, in the order a row reads them. */
const readingOrder = (m: HeaderMatch, field: string) => m.order.filter((i) => m.targets[i] === field);

describe('header matching', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseHeader(' E-mail Address ')).toBe('emailaddress');
    expect(matchHeaders(['Full Name', 'E-MAIL', 'mobile', 'Organization', 'Lead Source', 'Referred By', 'created at', 'Tags'], PROSPECT_HEADERS).targets)
      .toEqual(['name', 'email', 'phone', 'company', 'source', 'referred_by', 'created_at', 'tags']);
    expect(matchHeaders(['First Name', 'Last Name', 'Email Address', 'Phone Number', 'Created', 'Stage', 'Owner', 'Notes'], PROSPECT_HEADERS).targets)
      .toEqual(['first_name', 'last_name', 'email', 'phone', 'created_at', 'stage', 'owner', 'notes']);
  });

  it('lists unknown headers, reads a second column of a field where the first is empty, and reads field.<key> as a custom field', () => {
    const header = ['Name', 'Shoe size', 'Email', 'E-mail', 'field.Allergy'];
    const m = matchHeaders(header, PROSPECT_HEADERS);
    expect(m).toEqual({ targets: ['name', null, 'email', 'email', 'field.Allergy'], unknown: ['Shoe size'], order: [0, 2, 3, 4] });
    expect(fallbackColumns(header, m)).toEqual([{ header: 'E-mail', field: 'email', after: ['Email'] }]);
    expect(rowValues(['Ravi', '42', '', 'ravi@example.com', 'nuts'], m, (c) => c.trim())).toEqual(new Map([['name', 'Ravi'], ['email', 'ravi@example.com'], ['field.Allergy', 'nuts']]));
    expect(rowValues(['Ravi', '42', 'a@example.com', 'b@example.com', ''], m, (c) => c.trim()).get('email')).toBe('a@example.com');
  });

  it('numbered columns of contact exports give their field, first number first; their label columns are not unknown', () => {
    const header = ['E-mail 2 - Value', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'E-mail 3 Address', 'Organization 1 - Name', 'Address 1 - City'];
    const m = matchHeaders(header, PROSPECT_HEADERS);
    expect(m.targets).toEqual(['email', null, 'email', null, 'phone', 'email', 'company', null]);
    expect(m.unknown).toEqual(['Address 1 - City']);
    expect(readingOrder(m, 'email')).toEqual([2, 0, 5]);
  });

  it('prefers the better spelling when several columns give a field (mobile before business before home phone)', () => {
    const m = matchHeaders(['Home Phone', 'Business Phone', 'Mobile Phone', 'Lead Status', 'Lifecycle Stage'], PROSPECT_HEADERS);
    expect(readingOrder(m, 'phone')).toEqual([2, 1, 0]);
    expect(readingOrder(m, 'stage')).toEqual([4, 3]);
    expect(rowValues(['030 1234567', '', '+49 151 12345678', 'Open', 'Lead'], m, (c) => c)).toEqual(new Map([['phone', '+49 151 12345678'], ['stage', 'Lead']]));
    expect(rowValues(['030 1234567', '', '', 'Open', ''], m, (c) => c)).toEqual(new Map([['phone', '030 1234567'], ['stage', 'Open']]));
  });

  it('reads Pipedrive\'s Person - columns without the prefix, a mobile first, and ignores its Person - ID without a word', () => {
    const header = ['Person - ID', 'Person - Name', 'Person - Email', 'Person - Phone - Work', 'Person - Phone - Mobile', 'Person - Organization', 'Person - Add time'];
    const m = matchHeaders(header, PROSPECT_HEADERS);
    expect(m.targets).toEqual([null, 'name', 'email', 'phone', 'phone', 'company', 'created_at']);
    expect(m.unknown).toEqual([]);
    expect(rowValues(['7', 'Théo', 't@example.com', '+33 4 91 00 00 01', '+33 6 01 02 03 04', '', ''], m, (c) => c.trim()).get('phone')).toBe('+33 6 01 02 03 04');
    // Another record's columns are not a person's: Organization - Name is the company, never the name.
    expect(matchHeaders(['Organization - Name'], PROSPECT_HEADERS).targets).toEqual(['company']);
  });

  it('reads a mobile before a plain Phone (Zoho\'s Phone is the landline)', () => {
    const m = matchHeaders(['Phone', 'Mobile'], PROSPECT_HEADERS);
    expect(rowValues(['+33 4 78 00 11 22', '+33 6 45 67 89 01'], m, (c) => c.trim()).get('phone')).toBe('+33 6 45 67 89 01');
  });

  it('never lets prototype names through, as fields or custom keys', () => {
    const m = matchHeaders(['__proto__', 'constructor', 'field.__proto__', 'field.constructor', 'toString', 'hasOwnProperty'], PROSPECT_HEADERS);
    expect(m.targets).toEqual([null, null, null, null, null, null]);
    expect(customKey('field.__proto__')).toBeNull();
    expect(customKey('field.prototype')).toBeNull();
    expect(() => parseMapOptions(['X=field.__proto__'], PROSPECT_HEADERS)).toThrow(/unknown field/);
    expect(() => parseMapOptions(['X=__proto__'], PROSPECT_HEADERS)).toThrow(/unknown field/);
  });

  it('--map overrides the aliases, maps to custom fields or ignores a column', () => {
    const overrides = parseMapOptions(['Your e-mail=email', 'Status=ignore', 'Allergies=field.allergy'], PROSPECT_HEADERS);
    expect(matchHeaders(['Name', 'Your E-mail', 'Status', 'Allergies'], PROSPECT_HEADERS, overrides).targets).toEqual(['name', 'email', null, 'field.allergy']);
    // A column mapped by hand is read before one the table matched.
    expect(readingOrder(matchHeaders(['Email', 'Your E-mail'], PROSPECT_HEADERS, overrides), 'email')).toEqual([1, 0]);
    expect(() => parseMapOptions(['Allergies=field.allergy'], TOUCH_HEADERS)).toThrow(/unknown field "field.allergy"/);
    expect(() => parseMapOptions(['novalue'], PROSPECT_HEADERS)).toThrow(/is not "Header=field"/);
  });

  it('touch headers know the touch export columns', () => {
    const m = matchHeaders(['id', 'prospect_id', 'email', 'name', 'type', 'at', 'direction', 'outcome', 'by', 'note'], TOUCH_HEADERS);
    expect(m.targets).toEqual([null, 'prospect', 'email', null, 'type', 'at', 'direction', 'outcome', 'by', 'note']);
    expect(m.unknown).toEqual([]);
  });
});
