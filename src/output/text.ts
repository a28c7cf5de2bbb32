// Makes stored text safe to print on a terminal: no escape sequences, no bidi tricks, line breaks kept readable.

/**
 * C0 controls except TAB/LF, DEL, C1 controls (incl. the 8-bit CSI), and the bidi marks, embeddings, overrides and
 * isolates: everything that could move the cursor, recolour, retitle or reorder the terminal. The one list for tables,
 * messages and stdout on a terminal.
 */
const UNSAFE = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_CHAR = new RegExp(`[${UNSAFE}]`, 'g');

/** Replaces anything that could move the cursor, recolour or reorder the terminal with U+FFFD; tabs become spaces. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE_CHAR, '\ufffd').replace(/\t/g, ' ');
}

/**
 * What stdout data on a terminal holds besides text: `json` (keep it valid JSON with the same data), or `styled`
 * (precrm's own colour, whose stored text was already replaced cell by cell).
 */
export type TerminalForm = 'text' | 'json' | 'styled';

// A CRLF line end (an --excel CSV) is harmless; a CR alone lets the rest of a line overwrite what came before it.
const CRLF = '\\r\\n';
// The colour (SGR) sequences chalk writes: ESC [ digits and semicolons m. Nothing else in precrm's output escapes.
const SGR = '\\u001b\\[[0-9;]*m';
const PLAIN = new RegExp(`${CRLF}|[${UNSAFE}]`, 'g');
const STYLED = new RegExp(`${CRLF}|${SGR}|[${UNSAFE}]`, 'g');

/**
 * Data for a terminal, whatever its format: each unsafe character becomes U+FFFD, or a `\uXXXX` escape in JSON (where
 * it can only stand inside a string, so the JSON stays valid and parses to the same data). Tabs and line ends stay,
 * so columns and records read as they would through a pipe; `styled` also keeps colour.
 */
export function forTerminal(text: string, form: TerminalForm): string {
  const keep = (s: string) => s.length > 1; // CRLF, or a colour sequence (only STYLED matches those)
  if (form === 'json') return text.replace(PLAIN, (s) => (keep(s) ? s : `\\u${s.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return text.replace(form === 'styled' ? STYLED : PLAIN, (s) => (keep(s) ? s : '\ufffd'));
}

/** One terminal line: sanitized, with line breaks inside shown as `⏎` so a note cannot fake extra lines. */
export function oneLine(text: string): string {
  return sanitizeForTerminal(text.replace(/\r?\n/g, ' ⏎ '));
}

/** Wraps plain text at spaces so no line is wider than `width` (a longer word stays whole on its own line). */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}
