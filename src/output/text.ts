// Makes stored text safe to print on a terminal: no escape sequences, no bidi tricks, line breaks kept readable.

/** C0 controls except TAB/LF, DEL, C1 controls (incl. the 8-bit CSI), and the bidi embedding/override/isolate marks. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces anything that could move the cursor, recolour or reorder the terminal with U+FFFD. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE, '\ufffd').replace(/\t/g, ' ');
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
