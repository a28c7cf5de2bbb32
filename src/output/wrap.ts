// Wraps lines of coloured text to a terminal's width instead of cutting them: a long note reads as a block under
// its label, and nothing the user wrote is lost at the window's edge.

/** Plain text (already made safe for a terminal) and the colour it is printed in. */
export interface Span { text: string; style?: (s: string) => string }

/** Terminal cells a string takes (wide characters count two). */
type CellWidth = (s: string) => number;

interface Piece { text: string; style?: (s: string) => string }

/** Each span cut into words and runs of spaces, keeping its colour. */
function tokens(spans: readonly Span[]): Piece[] {
  return spans.flatMap((s) => s.text.split(/( +)/).filter((t) => t !== '').map((text) => ({ text, style: s.style })));
}

/** Draws a line's pieces, one colour sequence per run of the same colour (uncoloured output is the same bytes). */
function draw(pieces: readonly Piece[]): string {
  let out = '';
  for (let i = 0; i < pieces.length;) {
    let j = i;
    let text = '';
    while (j < pieces.length && pieces[j]!.style === pieces[i]!.style) text += pieces[j++]!.text;
    out += pieces[i]!.style ? pieces[i]!.style!(text) : text;
    i = j;
  }
  return out;
}

const graphemes = (text: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((g) => g.segment);

/**
 * The spans as lines at most `width` cells wide (undefined: one line, as it is). Lines break at spaces (the spaces
 * at a break are dropped, those inside a line kept as they are), a word wider than a line between characters;
 * lines after the first start with `indent` spaces (at most half the width, so a narrow terminal keeps room for text).
 */
export function wrapSpans(spans: readonly Span[], width: number | undefined, indent: number, len: CellWidth): string[] {
  const all = tokens(spans);
  if (width === undefined) return [draw(all)];
  const hang = Math.min(indent, Math.floor(width / 2));
  const lines: string[] = [];
  let line: Piece[] = [];
  let used = 0;
  let words = 0;
  let spaces: Piece[] = [];
  const newLine = () => {
    lines.push(draw(line));
    line = hang ? [{ text: ' '.repeat(hang) }] : [];
    used = hang;
    words = 0;
    spaces = [];
  };
  const gap = () => spaces.reduce((sum, s) => sum + len(s.text), 0);
  const put = (p: Piece, w: number) => {
    used += gap() + w;
    line.push(...spaces, p);
    spaces = [];
    words++;
  };
  for (const piece of all) {
    if (piece.text.startsWith(' ')) {
      spaces.push(piece);
      continue;
    }
    const w = len(piece.text);
    if (used + gap() + w <= width) put(piece, w);
    else if (words > 0 && hang + w <= width) {
      newLine();
      put(piece, w);
    } else {
      // Wider than a whole line: it starts where it is and breaks between characters.
      for (const g of graphemes(piece.text)) {
        const gw = len(g);
        if (words > 0 && used + gap() + gw > width) newLine();
        put({ text: g, style: piece.style }, gw);
      }
    }
  }
  lines.push(draw(line));
  return lines;
}
