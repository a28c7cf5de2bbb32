import { describe, expect, it } from 'vitest';
import { copyData } from '../../src/store/json/copy-data.js';

describe('copyData (the JSON store copies every record it is handed or hands out)', () => {
  it('copies records deeply: changing the copy leaves the original as it was', () => {
    const record = { id: 1, name: 'Ravi', tags: ['cakes'], fields: { flavour: 'lemon' }, followUp: { at: '2026-01-01T00:00:00.000Z', note: null }, conversion: null };
    const copy = copyData(record);
    expect(copy).toEqual(record);
    copy.tags.push('bread');
    copy.fields.flavour = 'plum';
    copy.followUp.note = 'call' as never;
    expect(record).toEqual({ id: 1, name: 'Ravi', tags: ['cakes'], fields: { flavour: 'lemon' }, followUp: { at: '2026-01-01T00:00:00.000Z', note: null }, conversion: null });
  });

  it('keeps a "__proto__" key that JSON.parse read as an own property, without changing the prototype', () => {
    const parsed = JSON.parse('{"fields":{"__proto__":{"admin":true},"a":"b"}}') as { fields: Record<string, unknown> };
    const copy = copyData(parsed);
    expect(Object.getPrototypeOf(copy.fields)).toBe(Object.prototype);
    expect(Object.keys(copy.fields)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect((copy.fields as { admin?: boolean }).admin).toBeUndefined();
  });

  it('copies a Map of records (lastTouches) as a Map of copies', () => {
    const touch = { id: 3, note: 'hello' };
    const copy = copyData(new Map([[7, touch]]));
    expect(copy).toBeInstanceOf(Map);
    copy.get(7)!.note = 'changed';
    expect(touch.note).toBe('hello');
  });
});
