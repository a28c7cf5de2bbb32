// Bash completion without evaluation: each candidate written back quoted for the place readline puts it (unquoted,
// or after an opened ", ' or $'), so bash reads exactly the stored value as one word and runs or globs nothing.
import { readBashLine, type BashLine, type Quote } from './bash-line.js';

/** Where readline puts a candidate: after `prefix` (what stays of the current word) in `quote`. */
export interface BashSlot { prefix: string; quote: Quote }

/**
 * Where readline will put a candidate: it replaces `replaced` (bash's `$2`, the end of the current word after any
 * opened quote or word-break character) and leaves the rest of the word before it. Null when the two disagree.
 */
export function bashSlot(current: BashLine['current'], replaced: string): BashSlot | null {
  if (!current.raw.endsWith(replaced)) return null;
  const kept = readBashLine(`precrm ${current.raw.slice(0, current.raw.length - replaced.length)}`).current;
  return { prefix: kept.value, quote: kept.quote };
}

/** Plain outside quotes: letters, digits and `_./,+%-` (any other ASCII character gets a backslash). */
const PLAIN = /^[A-Za-z0-9_./,+%-]$/;
/** Controls and bidi marks: written as their UTF-8 bytes, so the line shows them and bash reads them back. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const bytesOf = (ch: string) => [...Buffer.from(ch, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');

function unquoted(ch: string): string {
  if (CONTROL.test(ch)) return `$'${bytesOf(ch)}'`;
  return PLAIN.test(ch) || ch.codePointAt(0)! > 0x7f ? ch : `\\${ch}`;
}

/** `ch` written inside the quote, or null where it cannot be (`'` in '…'; `!`, which history expands, in "…"). */
function quoted(ch: string, quote: Quote): string | null {
  if (quote === '') return unquoted(ch);
  if (quote === "$'") return CONTROL.test(ch) ? bytesOf(ch) : ch === '\\' ? '\\\\' : ch === "'" ? '\\x27' : ch;
  if (CONTROL.test(ch) || (quote === "'" && ch === "'") || (quote === '"' && ch === '!')) return null;
  return quote === '"' && '$`"\\'.includes(ch) ? `\\${ch}` : ch;
}

/**
 * A candidate as readline must insert it in `slot`: the value after the kept prefix, quoted for the opened quote
 * (closed and reopened around what cannot be written inside it). Readline adds the closing quote unless the text
 * already ends with it. Null when the value does not continue the prefix as typed.
 */
export function bashReply(value: string, slot: BashSlot): string | null {
  if (!value.startsWith(slot.prefix)) return null;
  const close = slot.quote === '"' ? '"' : "'";
  let out = '';
  for (const ch of value.slice(slot.prefix.length)) out += quoted(ch, slot.quote) ?? `${close}${unquoted(ch)}${slot.quote}`;
  // Readline adds no closing quote after a quote character (an escaped \" or a reopened quote ends the text, or
  // the opening one when the text is empty): the text closes it itself.
  return slot.quote && (out === '' || out.endsWith(close)) ? out + close : out;
}
