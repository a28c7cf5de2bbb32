// quickParse must read every file it accepts exactly as csv-parse (with parseCsv's options) does, and give up
// (null) rather than guess on anything else: checked on hand-picked cases and on random text over the characters
// that matter to CSV.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/csv/quick-parse.js';

const csvParse = (text: string, delimiter: string): string[][] =>
  parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true }) as string[][];

describe('quickParse', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a,b\r\n1,2\r\n', ','],
    ['a,b\n1,2', ','],
    ['name,tags\n"Sen, Ravi","cakes;bread"\n', ','],
    ['a\n"multi\nline ""quoted"""\n', ','],
    ['a,b\n\n1,2\n', ','],
    ['a;b\n1;\n;2\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a,b,\n', ','],
    ['""\n', ','],
    ['é,ü\n😀,x\n', ','],
  ])('reads %j as csv-parse does', (text, delimiter) => {
    expect(quickParse(text, delimiter)).toEqual(csvParse(text, delimiter));
  });

  it.each([
    ['a,b"c\n', 'a quote inside an unquoted field'],
    ['"a"b,c\n', 'text after a closing quote'],
    ['"a,b\n', 'an unclosed quote'],
    ['a\nb\r\nc\n', 'mixed line endings'],
    ['a\rb\r', 'old Mac line endings'],
  ])('leaves %j (%s) to csv-parse', (text) => {
    expect(quickParse(text, ',')).toBeNull();
  });

  it('agrees with csv-parse on random text whenever it answers', () => {
    const char = fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é');
    fc.assert(fc.property(fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), fc.constantFrom(',', ';'), (text, delimiter) => {
      const quick = quickParse(text, delimiter);
      if (quick === null) return;
      expect(quick).toEqual(csvParse(text, delimiter));
    }), { numRuns: 3000 });
  });
});
