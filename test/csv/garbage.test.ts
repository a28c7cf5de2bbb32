// Garbage in (random bytes, truncated quotes, binary, odd delimiters) must end in exit 0 or 65 — never a crash —
// and a store that is either untouched or validly changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, tempDir, storeWith } from '../helpers.js';

const VALID_HEADER = 'name,email,phone,stage,tags,created_at,referred_by,field.x\n';

describe('garbage input', () => {
  it('random bytes, with or without a valid header, end in 0 or 65 and leave a valid store', async () => {
    const store = await storeWith();
    const file = join(tempDir(), 'garbage.csv');
    const csvish = fc.array(fc.constantFrom('"', ',', ';', '\n', '\r\n', '\r', 'a', '@', '=', ' ', '\ufeff', '\u0000', 'é', 'x@y.z', '""'), { maxLength: 60 }).map((a) => a.join(''));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), csvish.map((s) => Buffer.from(s)), csvish.map((s) => Buffer.from(VALID_HEADER + s))), fc.constantFrom('prospects', 'touches'), async (bytes, noun) => {
      writeFileSync(file, bytes);
      const before = readFileSync(store);
      const r = await run(store, ['import', noun, file]);
      expect([0, 65], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error/);
      if (r.code === 65) expect(readFileSync(store)).toEqual(before);
      expect((await run(store, ['store', 'check'])).code).toBe(0);
    }), { numRuns: 150 });
  });

  it.each([
    ['a truncated quote', 'name,email\nRavi,"ravi@example.com\n'],
    ['a quote in the middle of a field', 'name,email\nRa"vi,ravi2@example.com\nAnna,"a@b.co'],
    ['only a header', 'name,email\n'],
    ['a header of prototype names', '__proto__,constructor,field.__proto__,field.constructor,prototype\nx,y,z,w,v\n'],
  ])('%s ends in 0 or 65 with the store unchanged on 65', async (_what, text) => {
    const store = await storeWith();
    const before = readFileSync(store);
    const file = join(tempDir(), 'g.csv');
    writeFileSync(file, text);
    const r = await run(store, ['import', 'prospects', file]);
    expect([0, 65]).toContain(r.code);
    if (r.code === 65) expect(readFileSync(store)).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
