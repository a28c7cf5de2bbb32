// A vCard's physical lines → the content lines ical.js reads. ical.js parses vCard 3.0 and 4.0 but not what 2.1
// adds (Android's exports): quoted-printable values (`ENCODING=QUOTED-PRINTABLE`, with `=` soft line breaks
// and no leading space on the next line), `CHARSET=` for the decoded bytes, and bare types (`TEL;CELL;PREF:`).
// Those are rewritten here, before ical.js sees the card; photos and other binary properties are dropped.

/** Properties holding binary data (a photo can be megabytes of base64): nothing a prospect keeps. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

interface ContentLine {
  name: string;
  /** `group.` prefix (Apple's `item1.`), kept as written. */
  group: string;
  params: string[];
  value: string;
}

/** `item1.TEL;TYPE=CELL;X-X="a:b":value` → its parts; the value starts at the first `:` outside double quotes. */
function split(line: string): ContentLine | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const params = line.slice(0, colon).match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const first = params.shift() ?? '';
  const dot = first.lastIndexOf('.');
  return { name: first.slice(dot + 1).toUpperCase(), group: first.slice(0, dot + 1), params, value: line.slice(colon + 1) };
}

/** Quoted-printable `=C3=89lodie` → `Élodie`: each run of escaped bytes decoded in the card's charset. */
export function decodeQuotedPrintable(value: string, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return value.replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}

/** A 2.1 line in 3.0 terms: bare types as `TYPE=`, quoted-printable decoded and escaped, ENCODING and CHARSET gone. */
function modernise(line: ContentLine): string {
  let qp = false;
  let charset = 'utf-8';
  const params: string[] = [];
  for (const p of line.params) {
    const eq = p.indexOf('=');
    const key = (eq === -1 ? '' : p.slice(0, eq)).toUpperCase();
    const value = eq === -1 ? p : p.slice(eq + 1);
    if (value.toUpperCase() === 'QUOTED-PRINTABLE') qp = true;
    else if (key === 'CHARSET') charset = value.replace(/"/g, '');
    else if (key === 'ENCODING' || (eq === -1 && /^(8BIT|7BIT|BASE64|B)$/i.test(p))) continue;
    else params.push(eq === -1 ? `TYPE=${p}` : p);
  }
  // A decoded line break must not end the content line: written as vCard's `\n`.
  const value = qp ? decodeQuotedPrintable(line.value, charset).replace(/\r\n|\r|\n/g, '\\n') : line.value;
  return `${line.group}${line.name}${params.map((p) => `;${p}`).join('')}:${value}`;
}

const isQuotedPrintable = (line: string): boolean => /;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(line.slice(0, line.search(/:|$/) + 1));

/**
 * The card's physical lines (BEGIN and END included) as content lines ical.js parses: folds joined (a quoted-printable
 * value ending in `=` continues on the next line; else a line starting with a space or tab continues the previous one).
 * A line that is not `NAME:value` throws.
 */
export function contentLines(physical: readonly string[]): string[] {
  const logical: string[] = [];
  for (const raw of physical) {
    const last = logical.length - 1;
    if (last >= 0 && logical[last]!.endsWith('=') && isQuotedPrintable(logical[last]!)) logical[last] = logical[last]!.slice(0, -1) + raw;
    else if ((raw.startsWith(' ') || raw.startsWith('\t')) && last >= 0) logical[last] += raw.slice(1);
    else if (raw.trim() !== '') logical.push(raw);
  }
  const out: string[] = [];
  for (const line of logical) {
    const parts = split(line);
    // Not `NAME:value`: the card is damaged, and guessing would import half of it.
    if (parts === null) throw new Error('not a vCard content line');
    if (!BINARY.has(parts.name)) out.push(modernise(parts));
  }
  return out;
}
