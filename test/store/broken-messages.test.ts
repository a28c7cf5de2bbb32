// A broken store is refused with messages that say where and what is wrong: one breakage per field of every
// stored kind, and the exact problems validateDoc reports for each (the snapshot was taken from the hand-written
// schema, so deriving the schema from the record declarations cannot change a message). Through the CLI too.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../src/store/quick-check.js';
import { validateDoc } from '../../src/store/schema.js';
import { run, tempDir } from '../helpers.js';

type Doc = Record<string, any>;
const sample = (): Doc => JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8'));
const AT = '2026-03-01T10:00:00.000Z';
const HASH = 'a'.repeat(64);

/**
 * The first prospect, with a follow-up, a conversion and a consent entry, so their fields can be broken too. Its
 * conversion is its first purchase's (the store checks they agree), so only the breakage itself is wrong.
 */
const p0 = (d: Doc) => {
  const first = d.purchases.find((u: Doc) => u.prospectId === d.prospects[0].id);
  return Object.assign(d.prospects[0], {
    followUp: { at: AT, note: null },
    conversion: { at: first.at, value: first.value, currency: first.currency, product: first.product },
    consent: [{ at: AT, granted: true, note: null }],
  });
};

const BREAKS: [string, (d: Doc) => void][] = [
  ['schema from the future', (d) => { d.schema = 99; }],
  ['nextId missing a kind', (d) => { delete d.nextId.response; }],
  ['nextId not an integer', (d) => { d.nextId.touch = 1.5; }],
  ['prospects not a list', (d) => { d.prospects = {}; }],
  ['prospect id as text', (d) => { p0(d).id = '1'; }],
  ['prospect id zero', (d) => { p0(d).id = 0; }],
  ['prospect without a name key', (d) => { delete p0(d).name; }],
  ['prospect text fields of the wrong kind', (d) => { Object.assign(p0(d), { name: 5, email: [], phone: 919830000000, company: true, source: {}, owner: 1, lostReason: 1, notes: 2 }); }],
  ['prospect stage unknown', (d) => { p0(d).stage = 'hot'; }],
  ['stage history not a list', (d) => { p0(d).stageHistory = 'x'; }],
  ['stage history entry broken', (d) => { p0(d).stageHistory[0] = { stage: 'x', at: 'x' }; }],
  ['stage history entry without at', (d) => { delete p0(d).stageHistory[0].at; }],
  ['tags not a list', (d) => { p0(d).tags = 'a'; }],
  ['tag a number', (d) => { p0(d).tags = ['a', 1]; }],
  ['referredBy zero', (d) => { p0(d).referredBy = 0; }],
  ['referredBy as text', (d) => { p0(d).referredBy = '2'; }],
  ['doNotContact as text', (d) => { p0(d).doNotContact = 'no'; }],
  ['consent not a list', (d) => { p0(d).consent = {}; }],
  ['consent entry broken', (d) => { p0(d).consent[0] = { at: 'x', granted: 'yes', note: 1 }; }],
  ['cadence zero', (d) => { p0(d).cadenceDays = 0; }],
  ['cadence a fraction', (d) => { p0(d).cadenceDays = 1.5; }],
  ['cadence too long', (d) => { p0(d).cadenceDays = 40_000; }],
  ['cadence as text', (d) => { p0(d).cadenceDays = '7'; }],
  ['follow-up as text', (d) => { p0(d).followUp = 'tomorrow'; }],
  ['follow-up broken', (d) => { p0(d).followUp = { at: 'x', note: 1 }; }],
  ['follow-up without at', (d) => { p0(d).followUp = { note: null }; }],
  ['fields a list', (d) => { p0(d).fields = []; }],
  ['field value a number', (d) => { p0(d).fields = { size: 3 }; }],
  ['field key __proto__', (d) => { p0(d).fields = JSON.parse('{"__proto__":"x","ok":"y"}'); }],
  ['conversion broken', (d) => { p0(d).conversion = { at: 'x', value: '12', currency: 1, product: 1 }; }],
  ['conversion value infinite', (d) => { p0(d).conversion.value = Infinity; }],
  ['conversion as a number', (d) => { p0(d).conversion = 3; }],
  ['forgottenAt not a date', (d) => { p0(d).forgottenAt = 'x'; }],
  ['createdAt missing', (d) => { delete p0(d).createdAt; }],
  ['updatedAt null', (d) => { p0(d).updatedAt = null; }],
  ['createdAt on a day that does not exist', (d) => { p0(d).createdAt = '2026-02-30T10:00:00Z'; }],
  ['touch fields of the wrong kind', (d) => { Object.assign(d.touches[0], { id: 'x', prospectId: 0, type: 'telepathy', at: 1, note: 1, outcome: 'great', direction: 'up', by: 1 }); }],
  ['touch without by', (d) => { delete d.touches[0].by; }],
  ['survey fields of the wrong kind', (d) => { Object.assign(d.surveys[0], { id: -1, name: null, createdAt: 'x' }); }],
  ['survey questions not a list', (d) => { d.surveys[0].questions = 'x'; }],
  ['survey question broken', (d) => { d.surveys[0].questions[0] = { key: 1, type: 'essay', text: null, choices: 'a' }; }],
  ['survey choice a number', (d) => { d.surveys[0].questions[0].choices = ['a', 1]; }],
  ['response fields of the wrong kind', (d) => { Object.assign(d.responses[0], { id: 1.5, survey: 1, prospectId: 0, segment: 'x', stage: 'x', at: 'x' }); }],
  ['response answers a list', (d) => { d.responses[0].answers = []; }],
  ['response answer a boolean', (d) => { d.responses[0].answers = { q: true }; }],
  ['response answer infinite', (d) => { d.responses[0].answers = { q: Infinity }; }],
  ['no suppression list', (d) => { delete d.suppression; }],
  ['suppression secret not hex', (d) => { d.suppression.secret = 'not a secret'; }],
  ['suppression entries not a list', (d) => { d.suppression.entries = 'x'; }],
  ['suppression entry broken', (d) => { d.suppression = { secret: HASH, entries: [{ hash: 'x', reason: 'asked', at: 'x' }] }; }],
  ['suppression entries without a secret', (d) => { d.suppression = { secret: null, entries: [{ hash: HASH, reason: 'forgotten', at: AT }] }; }],
  ['prospect id repeated, touch to a missing prospect', (d) => { d.prospects[1].id = d.prospects[0].id; d.touches[0].prospectId = 999_999; }],
];

describe('a broken store', () => {
  it.each(BREAKS)('%s: refused by the quick check, with the same problems as always', (name, breakIt) => {
    const doc = sample();
    breakIt(doc);
    expect(quickCheck(structuredClone(doc))).toBe(false);
    const result = validateDoc(doc);
    // valibot's record() takes a list as an empty record: such a store is read (and rewritten), as it always was.
    expect(result.ok ? 'accepted, rewritten' : result.problems).toMatchSnapshot();
  });

  it('through the CLI: exit 65, the store named, then the problems (field and kind of value, never the value)', async () => {
    const store = `${tempDir()}/store.json`;
    const doc = sample();
    Object.assign(p0(doc), { phone: 919830000000, stage: 'hot', cadenceDays: 0 });
    doc.touches[0].type = 'telepathy';
    writeFileSync(store, JSON.stringify(doc));
    for (const args of [['store', 'check'], ['prospect', 'list']]) {
      const r = await run(store, args);
      expect(r.code).toBe(65);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(`error: the store ${store} fails validation; it was left untouched (run: precrm store check)`);
      expect(r.stderr).toContain('  prospects[0].phone: expected string, found a number\n');
      expect(r.stderr).toContain('  prospects[0].stage: expected ("aware" | "interested" | "engaged" | "intent" | "customer" | "advocate" | "lost"), found other text\n');
      expect(r.stderr).toContain('  prospects[0].cadenceDays: fails the min value rule (expected >=1)\n');
      expect(r.stderr).toContain('  touches[0].type: expected ("greeting" | "visit" | "sample" | "tasting" | "call" | "email" | "message" | "meeting" | "event" | "website" | "social" | "referral" | "other"), found other text\n');
      expect(readFileSync(store, 'utf8')).toBe(JSON.stringify(doc));
    }
  });
});
