import { describe, expect, it } from 'vitest';
import { customKey, matchHeaders, normaliseHeader, parseMapOptions } from '../../src/csv/headers.js';
import { PROSPECT_HEADERS } from '../../src/csv/prospect-rows.js';
import { TOUCH_HEADERS } from '../../src/csv/touch-rows.js';

describe('header matching', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseHeader(' E-mail Address ')).toBe('emailaddress');
    expect(matchHeaders(['Full Name', 'E-MAIL', 'mobile', 'Organization', 'Lead Source', 'Referred By', 'created at', 'Tags'], PROSPECT_HEADERS).targets)
      .toEqual(['name', 'email', 'phone', 'company', 'source', 'referred_by', 'created_at', 'tags']);
    expect(matchHeaders(['First Name', 'Last Name', 'Email Address', 'Phone Number', 'Created', 'Stage', 'Owner', 'Notes'], PROSPECT_HEADERS).targets)
      .toEqual(['first_name', 'last_name', 'email', 'phone', 'created_at', 'stage', 'owner', 'notes']);
  });

  it('lists unknown headers, drops a repeated field, and reads field.<key> as a custom field', () => {
    const m = matchHeaders(['Name', 'Shoe size', 'Email', 'E-mail', 'field.Allergy'], PROSPECT_HEADERS);
    expect(m).toEqual({ targets: ['name', null, 'email', null, 'field.Allergy'], unknown: ['Shoe size'], repeated: ['E-mail'] });
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
    expect(() => parseMapOptions(['Allergies=field.allergy'], TOUCH_HEADERS)).toThrow(/unknown field "field.allergy"/);
    expect(() => parseMapOptions(['novalue'], PROSPECT_HEADERS)).toThrow(/is not "Header=field"/);
  });

  it('touch headers know the touch export columns', () => {
    const m = matchHeaders(['id', 'prospect_id', 'email', 'name', 'type', 'at', 'direction', 'outcome', 'by', 'note'], TOUCH_HEADERS);
    expect(m.targets).toEqual([null, 'prospect', 'email', null, 'type', 'at', 'direction', 'outcome', 'by', 'note']);
    expect(m.unknown).toEqual([]);
  });
});
