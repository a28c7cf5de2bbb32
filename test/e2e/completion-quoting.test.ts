// Bash completion's quoting, checked against bash itself: any stored name, written for the place readline puts it
// (unquoted, after an opened ", ' or $'), reads back as exactly that name, one word, nothing run, nothing globbed.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bashReply, bashSlot } from '../../src/commands/completion/bash-reply.js';
import { readBashLine, type Quote } from '../../src/commands/completion/bash-line.js';
import { tempDir } from '../helpers.js';

const HOSTILE = ['"zq"; touch pwned; echo "ok"', '$(touch x)', '`touch y`', '*', '?', '[a]', '{a,b}', '~root', '#x', 'a b',
  "O'Brien", 'New\nLine', 'Tab\tX', 'bang!x', 'a\\b', 'a=b:c@d', '-x', 'Evil\u202eRLO', 'bell\u0007', 'c1\u0085', 'Tomás', '日本'];
const name = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: fc.constantFrom(...'ab "\'`$()*?[]{}~!#;&|<>\\\t\n=:@%^-é\u202e\u0001'), minLength: 1, maxLength: 12 }),
);
const QUOTES: Quote[] = ['', '"', "'", "$'"];

/** The word on the line once readline has inserted the reply after the opened quote and closed it (single match). */
function completedWord(value: string, quote: Quote): string {
  const reply = bashReply(value, { prefix: '', quote })!;
  const close = quote === '"' ? '"' : "'";
  return quote + reply + (quote && !reply.endsWith(close) ? close : '');
}

describe('bash completion quoting', () => {
  it('every name, in every quoting context, reads back as itself (as precrm reads the line)', () => {
    fc.assert(fc.property(name, fc.constantFrom(...QUOTES), (value, quote) => {
      const { words, current } = readBashLine(`precrm prospect show ${completedWord(value, quote)}`);
      expect({ words, value: current.value, quote: current.quote }).toEqual({ words: ['prospect', 'show'], value, quote: '' });
    }), { numRuns: 2000 });
  });

  it('and as bash reads it: one argument, exactly the name, no file created', () => {
    const values = [...HOSTILE, ...fc.sample(name, 150)];
    const words = values.flatMap((v) => QUOTES.map((q) => completedWord(v, q)));
    const cwd = tempDir();
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', words.map((w) => `printf '%s\\0' ${w}`).join('\n')], { cwd });
    expect(out.toString('utf8').split('\0').slice(0, -1)).toEqual(values.flatMap((v) => QUOTES.map(() => v)));
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reads the typed line without running or expanding anything', () => {
    expect(readBashLine(`precrm --store '/tmp/my store.json' prospect show "La`)).toEqual({
      words: ['--store', '/tmp/my store.json', 'prospect', 'show'], current: { raw: '"La', value: 'La', quote: '"' } });
    expect(readBashLine('cd x && PRECRM_USER=me precrm touch log $(rm -rf x) `y` * 2>/dev/null --type ').words)
      .toEqual(['touch', 'log', '$(rm -rf x)', '`y`', '*', '--type']);
    expect(readBashLine("precrm show $'a\\x27\\n\\u00e9\\xc3\\xa9'").current).toEqual({ raw: "$'a\\x27\\n\\u00e9\\xc3\\xa9'", value: "a'\néé", quote: '' });
    expect(readBashLine('precrm show Laura\\ Sm').current.value).toBe('Laura Sm');
  });

  it('puts a candidate where readline puts it: after an opened quote, or after a word-break character', () => {
    expect(bashSlot(readBashLine('precrm show "Lau').current, 'Lau')).toEqual({ prefix: '', quote: '"' });
    expect(bashSlot(readBashLine('precrm show x"ab').current, 'ab')).toEqual({ prefix: 'x', quote: '"' });
    expect(bashSlot(readBashLine('precrm show a:b').current, 'b')).toEqual({ prefix: 'a:', quote: '' });
    expect(bashSlot(readBashLine('precrm show abc').current, 'zz')).toBeNull();
    expect(bashReply('a:bc', { prefix: 'a:', quote: '' })).toBe('bc');
    expect(bashReply('A:bc', { prefix: 'a:', quote: '' })).toBeNull();
    expect(bashReply('Laura Smith', { prefix: '', quote: '"' })).toBe('Laura Smith');
    expect(bashReply("O'", { prefix: '', quote: "'" })).toBe("O'\\'''");
  });
});
