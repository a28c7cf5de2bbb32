// The quick check and the valibot schema are both made from the record declarations; the quick check may only
// accept a document that validateDoc accepts AND returns unchanged. Tried here on every declared field of every
// stored kind (walked from the declarations, so a new field is covered without a new test), with values of every
// wrong kind, values the rules refuse, dates valibot rewrites, and missing or extra keys.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Fields, Value } from '../../src/domain/records/declare.js';
import { KINDS } from '../../src/domain/records/kinds.js';
import { quickCheck } from '../../src/store/quick-check.js';
import { validateDoc } from '../../src/store/schema.js';

type Doc = Record<string, any>;
type Path = (string | number)[];
const AT = '2026-03-01T10:00:00.000Z';

/** The sample store, with every optional part of the first prospect and the first response filled in. */
function sample(): Doc {
  const d = JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8'));
  Object.assign(d.prospects[0], {
    followUp: { at: AT, note: 'call' }, conversion: { at: AT, value: 12.5, currency: 'EUR', product: 'cake' },
    consent: [{ at: AT, granted: true, note: 'asked' }], fields: { size: 'L' }, cadenceDays: 7,
  });
  // The first purchase is the conversion's copy, with an order id filled in too.
  Object.assign(d.purchases.find((u: { prospectId: number }) => u.prospectId === d.prospects[0].id), { at: AT, value: 12.5, currency: 'EUR', product: 'cake', orderId: '#1001' });
  d.surveys[0].questions[0].choices = ['a', 'b'];
  d.suppression = { secret: 'f'.repeat(64), entries: [{ hash: 'a'.repeat(64), reason: 'forgotten', at: AT }] };
  return d;
}

/** Every place a declared value sits under `base`, walking into child rows, groups, lists, maps and JSON objects. */
function places(fields: Fields, base: Path): Path[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const at = [...base, name];
    if ('rows' in field) return [at, ...places(field.rows.fields, [...at, 0])];
    if ('group' in field) return [at, ...places(field.group, at)];
    return [at, ...inside(field.value, at)];
  });
}

function inside(value: Value, at: Path): Path[] {
  switch (value.kind) {
    case 'json': return inside(value.of, at);
    case 'list': return [[...at, 0], ...inside(value.of, [...at, 0])];
    case 'map': return [[...at, Object.keys(get(sample(), at) ?? {})[0] ?? 'k']];
    case 'object': return places(value.fields, at);
    default: return [];
  }
}

function get(doc: Doc, path: Path): any {
  return path.reduce((o: any, k) => (o === null || o === undefined ? undefined : o[k]), doc);
}

const WRONG: unknown[] = [null, 'text', '', 0, -1, 1.5, 36_501, Infinity, true, [], ['x'], [1], {}, { x: 1 }, AT, '2026-03-01T10:00:00Z', '2026-02-30T10:00:00.000Z', 'hot', 'a'.repeat(64)];

/** The quick check's verdict agrees with the full check's: sound and unchanged, or not. */
function agree(doc: Doc, what: string): void {
  const quick = quickCheck(structuredClone(doc));
  const copy = structuredClone(doc);
  const full = validateDoc(doc);
  const soundAsIs = full.ok && JSON.stringify(full.doc) === JSON.stringify(copy);
  if (quick) expect(soundAsIs, `${what}: quick check accepts what the full check refuses or changes`).toBe(true);
  expect(quick, `${what}: quick check and full check disagree`).toBe(soundAsIs);
}

const STORED = [['prospects', KINDS.prospect], ['touches', KINDS.touch], ['surveys', KINDS.survey], ['responses', KINDS.response], ['suppression', KINDS.suppressionEntry]] as const;

describe('the checks made from the declarations', () => {
  it('accept the filled-in sample as it is', () => {
    agree(sample(), 'sample');
    expect(quickCheck(sample())).toBe(true);
  });

  it.each(STORED)('%s: every declared place, every wrong value, a missing and an extra key', (list, decl) => {
    const base: Path = list === 'suppression' ? ['suppression', 'entries', 0] : [list, 0];
    const all = places(decl.fields, base).filter((path) => get(sample(), path.slice(0, -1)) !== undefined);
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(decl.fields).length);
    for (const path of all) {
      for (const value of WRONG) {
        const doc = sample();
        get(doc, path.slice(0, -1))[path.at(-1)!] = structuredClone(value);
        agree(doc, `${path.join('.')} = ${JSON.stringify(value)}`);
      }
      const gone = sample();
      const parent = get(gone, path.slice(0, -1));
      if (Array.isArray(parent)) continue;
      delete parent[path.at(-1)!];
      agree(gone, `${path.join('.')} missing`);
      const extra = sample();
      const holder = get(extra, path.slice(0, -1));
      holder.unexpected = 'x';
      agree(extra, `${path.slice(0, -1).join('.')} with an extra key`);
    }
  });
});
