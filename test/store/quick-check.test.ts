// quickCheck may be stricter than validateDoc, never looser: whenever it accepts a document, validateDoc accepts it
// too and returns it unchanged (so using the parsed document as is loses nothing).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../src/store/quick-check.js';
import { SCHEMA_VERSION } from '../../src/domain/types.js';
import { validateDoc } from '../../src/store/schema.js';

const sample = () => JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8')) as Record<string, any>;

const SECRET = 'f'.repeat(64);
const entry = (digit: string) => ({ hash: digit.repeat(64), reason: 'forgotten', at: '2026-03-01T10:00:00.000Z' });

/** Each mutation makes the sample store unsound (or stripped by valibot): quickCheck must refuse it. */
const BREAKS: [string, (d: Record<string, any>) => void][] = [
  ['schema from the future', (d) => { d.schema = SCHEMA_VERSION + 1; }],
  ['unknown top-level key', (d) => { d.extra = 1; }],
  ['nextId not an integer', (d) => { d.nextId.touch = 1.5; }],
  ['prospect id as a string', (d) => { d.prospects[0].id = '1'; }],
  ['prospect id repeated', (d) => { d.prospects[1].id = d.prospects[0].id; }],
  ['prospect id at nextId', (d) => { d.prospects[0].id = d.nextId.prospect; }],
  ['unknown stage', (d) => { d.prospects[0].stage = 'hot'; }],
  ['missing name', (d) => { delete d.prospects[0].name; }],
  ['unknown prospect key', (d) => { d.prospects[0].colour = 'red'; }],
  ['stage history date not a date', (d) => { d.prospects[0].stageHistory[0].at = 'yesterday-ish'; }],
  ['createdAt in month 13', (d) => { d.prospects[0].createdAt = '2026-13-01T00:00:00.000Z'; }],
  ['tag not a string', (d) => { d.prospects[0].tags = [1]; }],
  ['fields as an array', (d) => { d.prospects[0].fields = []; }],
  ['field key __proto__', (d) => { d.prospects[0].fields = JSON.parse('{"__proto__":"x"}'); }],
  ['field value a number', (d) => { d.prospects[0].fields = { size: 3 }; }],
  ['doNotContact as a string', (d) => { d.prospects[0].doNotContact = 'no'; }],
  ['referral to a missing prospect', (d) => { d.prospects[0].referredBy = 999_999; }],
  ['cadence of zero days', (d) => { d.prospects[0].cadenceDays = 0; }],
  ['touch to a missing prospect', (d) => { d.touches[0].prospectId = 999_999; }],
  ['touch type unknown', (d) => { d.touches[0].type = 'telepathy'; }],
  ['touch outcome unknown', (d) => { d.touches[0].outcome = 'great'; }],
  ['touch with an extra key', (d) => { d.touches[0].mood = 'good'; }],
  ['survey question type unknown', (d) => { d.surveys[0].questions[0].type = 'essay'; }],
  ['response to a missing survey', (d) => { d.responses[0].survey = 'no such survey'; }],
  ['response answer a boolean', (d) => { d.responses[0].answers = { q: true }; }],
  ['no suppression list (schema 1)', (d) => { delete d.suppression; }],
  ['suppression entries without a secret', (d) => { d.suppression = { secret: null, entries: [entry('a')] }; }],
  ['suppression secret not hex', (d) => { d.suppression.secret = 'not a secret'; }],
  ['suppression hash repeated', (d) => { d.suppression = { secret: SECRET, entries: [entry('a'), entry('a')] }; }],
  ['suppression hash not hex', (d) => { d.suppression = { secret: SECRET, entries: [{ ...entry('a'), hash: 'ravi@example.com' }] }; }],
  ['suppression reason unknown', (d) => { d.suppression = { secret: SECRET, entries: [{ ...entry('a'), reason: 'asked' }] }; }],
  ['suppression entry with an extra key', (d) => { d.suppression = { secret: SECRET, entries: [{ ...entry('a'), email: 'x' }] }; }],
];

describe('quickCheck', () => {
  it('accepts the sample store, which validateDoc returns unchanged', () => {
    const doc = sample();
    expect(quickCheck(doc)).toBe(true);
    const full = validateDoc(sample());
    expect(full.ok && full.doc).toEqual(doc);
  });

  it('accepts a store with a suppression list, which validateDoc returns unchanged', () => {
    const doc = { ...sample(), suppression: { secret: SECRET, entries: [entry('a'), { ...entry('b'), reason: 'do-not-contact' }] } };
    expect(quickCheck(doc)).toBe(true);
    const full = validateDoc(JSON.parse(JSON.stringify(doc)));
    expect(full.ok && full.doc).toEqual(doc);
  });

  it('accepts only canonical dates on real days; other forms go to validateDoc (to be rewritten or refused)', () => {
    const doc = sample();
    doc.prospects[0].createdAt = '2026-01-31T23:59:59.999Z';
    expect(quickCheck(doc)).toBe(true);
    for (const other of ['2026-02-30T10:00:00.000Z', '2026-02-29T10:00:00.000Z', '2026-11-24T01:00:00+05:30', '2026-03-05T18:30:00Z', '2026-01-01T24:61:00.000Z']) {
      doc.prospects[0].createdAt = other;
      expect(quickCheck(doc), other).toBe(false);
    }
    doc.prospects[0].createdAt = '2028-02-29T10:00:00.000Z'; // a leap day
    expect(quickCheck(doc)).toBe(true);
  });

  it('validateDoc reads an offset date as its instant, in the canonical form, and refuses a day that does not exist', () => {
    const doc = sample();
    doc.prospects[0].createdAt = '2026-11-24T01:00:00+05:30';
    const read = validateDoc(structuredClone(doc));
    expect(read.ok && read.doc.prospects[0]!.createdAt).toBe('2026-11-23T19:30:00.000Z');
    doc.prospects[0].createdAt = '2026-02-30T10:00:00Z';
    expect(validateDoc(doc).ok).toBe(false);
  });

  it.each(BREAKS)('refuses a store with %s', (_name, breakIt) => {
    const doc = sample();
    breakIt(doc);
    expect(quickCheck(doc)).toBe(false);
  });

  it('refuses only what validateDoc refuses or would change', () => {
    for (const [name, breakIt] of BREAKS) {
      const doc = sample();
      breakIt(doc);
      const copy = structuredClone(doc);
      const full = validateDoc(doc);
      // Either the full check fails, or it accepts with a different (stripped) document.
      expect(full.ok === false || JSON.stringify(full.doc) !== JSON.stringify(copy), name).toBe(true);
    }
  });
});
