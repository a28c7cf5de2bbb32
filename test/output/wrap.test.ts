// wrapSpans: lines of coloured text wrapped to a width in terminal cells, nothing lost.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { strlen } from '../../src/output/table.js';
import { wrapSpans, type Span } from '../../src/output/wrap.js';

const len = await strlen();
const plain = (text: string): Span[] => [{ text }];
const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;

describe('wrapSpans', () => {
  it('without a width: one line, spaces as they are', () => {
    expect(wrapSpans(plain('  a  b   c '), undefined, 4, len)).toEqual(['  a  b   c ']);
  });

  it('breaks at spaces, drops the spaces at a break, and indents the lines after the first', () => {
    expect(wrapSpans(plain('notes        one two three four five six'), 26, 13, len))
      .toEqual(['notes        one two three', '             four five six']);
  });

  it('breaks a word wider than a line between characters, wide ones counting two cells', () => {
    const lines = wrapSpans(plain('note 抹茶ロールの試食を届けて、年末の注文について相談する'), 20, 5, len);
    expect(lines.every((l) => stringWidth(l) <= 20)).toBe(true);
    expect(lines.map((l) => l.trim()).join('').replace(/^note /, '')).toBe('抹茶ロールの試食を届けて、年末の注文について相談する');
    const url = wrapSpans(plain('see https://example.com/a-very-long-path/that-does-not-fit'), 24, 4, len);
    expect(url).toEqual(['see https://example.com/', '    a-very-long-path/tha', '    t-does-not-fit']);
  });

  it('keeps at most half the width for the indent, so a narrow terminal still has room for text', () => {
    expect(wrapSpans(plain('x '.repeat(10).trim()), 10, 30, len)).toEqual(['x x x x x', '     x x x', '     x x']);
  });

  it('colours each run of a span once, on every line it reaches', () => {
    const spans: Span[] = [{ text: 'label ', style: tag('dim') }, { text: 'aa bb cc' }, { text: ' (by me)', style: tag('dim') }];
    expect(wrapSpans(spans, undefined, 6, len)).toEqual(['<dim>label </dim>aa bb cc<dim> (by me)</dim>']);
    expect(wrapSpans(spans, 13, 6, len)).toEqual(['<dim>label </dim>aa bb', '      cc<dim> (by</dim>', '      <dim>me)</dim>']);
  });
});
