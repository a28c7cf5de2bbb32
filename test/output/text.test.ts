// forTerminal: what stdout data becomes on a terminal, per form (text, json, styled).
import { describe, expect, it } from 'vitest';
import { forTerminal, sanitizeForTerminal } from '../../src/output/text.js';

const ESCAPES = 'a\u001b]52;c;eA==\u0007b\u001b[2Jc\rd\u009b1me\u007ff\u202eg\u2067h\u200ei\u061cj\u0000k';

describe('forTerminal', () => {
  it('text: each control, C1, DEL and bidi character becomes U+FFFD; tabs, LF and CRLF stay', () => {
    expect(forTerminal(ESCAPES, 'text')).toBe('a\ufffd]52;c;eA==\ufffdb\ufffd[2Jc\ufffdd\ufffd1me\ufffdf\ufffdg\ufffdh\ufffdi\ufffdj\ufffdk');
    expect(forTerminal('id\tname\r\n1\tAnn\n', 'text')).toBe('id\tname\r\n1\tAnn\n');
    // A CR before a CR LF still overwrites: only the pair is kept.
    expect(forTerminal('x\r\r\n', 'text')).toBe('x\ufffd\r\n');
  });

  it('text: colour is replaced too, since only precrm may colour', () => {
    expect(forTerminal('\u001b[31mred\u001b[0m', 'text')).toBe('\ufffd[31mred\ufffd[0m');
  });

  it('json: each one is \\u-escaped, so the JSON stays valid and parses to the same data', () => {
    const json = `${JSON.stringify({ name: ESCAPES, list: ['\u0085', 'ok'] }, null, 2)}\n`;
    const shown = forTerminal(json, 'json');
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toContain('\\u009b1me\\u007ff\\u202eg\\u2067h\\u200ei\\u061cj');
    expect(JSON.parse(shown)).toEqual(JSON.parse(json));
  });

  it('styled: colour sequences stay, every other escape is replaced', () => {
    const cell = '\u001b[1mName\u001b[22m \u001b]8;;http://x\u001b\\y';
    expect(forTerminal(cell, 'styled')).toBe('\u001b[1mName\u001b[22m \ufffd]8;;http://x\ufffd\\y');
    expect(forTerminal('\u001b[38;5;12mx\u001b[39m', 'styled')).toBe('\u001b[38;5;12mx\u001b[39m');
  });

  it('leaves safe text alone, emoji and all', () => {
    const text = 'Cake 🎂 family 👩‍👩‍👧 flag 🇮🇳 "quoted", ✓\n';
    for (const form of ['text', 'json', 'styled'] as const) expect(forTerminal(text, form)).toBe(text);
  });

  it('replaces the same characters tables and messages do', () => {
    const tableForm = sanitizeForTerminal(ESCAPES);
    expect(forTerminal(ESCAPES, 'text')).toBe(tableForm);
  });
});
