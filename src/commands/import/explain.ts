// What an import says about how it read the file (stderr): the guesses it made, the columns it ignores, and under
// --dry-run the whole layout and what each column became.
import { describeEncoding } from '../../csv/decode.js';
import { fallbackColumns, saysUtc, type HeaderMatch, type HeaderSpec } from '../../csv/headers.js';
import { isSafeKey } from '../../domain/prospect.js';
import type { CsvLayout } from '../../csv/read.js';

/** What a column means beyond its field's name, where a dry run should say it (a shop's facts, consent). */
const MEANING: Readonly<Record<string, string>> = {
  converted_at: 'the first purchase: a customer',
  orders: 'above 0: a customer; kept as field.orders',
  total_spent: 'kept as field.total_spent',
  last_purchase: 'kept as field.last_purchase',
  email_marketing: 'a refusal (no, unsubscribed …): do-not-contact',
  do_not_contact: 'do-not-contact',
  referred_by: 'an id, email or name',
};

/** `"E-mail 2 - Value" → email, where "E-mail 1 - Value" is empty`: every column and what it became. */
function describeColumns(header: readonly string[], match: HeaderMatch): string {
  const after = new Map(fallbackColumns(header, match).map((f) => [f.header, f.after]));
  const unknown = new Set(match.unknown);
  const lines = header.map((h, i) => {
    const target = match.targets[i];
    const was = after.get(h);
    const named = target && [MEANING[target], saysUtc(h) ? 'times in UTC' : undefined].filter(Boolean).join('; ');
    const field = named ? `${target} (${named})` : target;
    const what = target === null || target === undefined ? (unknown.has(h) ? 'ignored (unknown)' : 'ignored')
      : was ? `${field}, where ${was.map((w) => `"${w}"`).join(' and ')} ${was.length > 1 ? 'are' : 'is'} empty` : field;
    return `  "${h}" → ${what}`;
  });
  return ['columns (header → field):', ...lines].join('\n');
}

const delimiterName = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

/** The dry run's account of the file: `read as CSV, windows-1252 (detected: not UTF-8), delimiter ";", header on line 4 (…)`. */
function describeLayout(l: CsvLayout): string {
  const encoding = describeEncoding(l.encoding, l.encodingSource);
  if (l.format === 'vcard') return `read as vCard, ${encoding}: one row per card`;
  const found = l.headerFound ? ` (after ${l.headerLine - 1} line(s) of preamble; --header-line N to choose another)` : '';
  return `read as CSV, ${encoding}, delimiter ${delimiterName(l.delimiter)}, header on line ${l.headerLine}${found}`;
}

/** What any import says about a guess it made reading the file (a dry run says all of describeLayout instead). */
function layoutNotes(l: CsvLayout): string[] {
  const notes: string[] = [];
  if (l.encodingSource === 'not-utf8') notes.push(`reading the file as ${l.encoding}, since it is not UTF-8 (--encoding to say otherwise)`);
  if (l.headerFound) notes.push(`reading the header from line ${l.headerLine}, after ${l.headerLine - 1} line(s) of preamble (--header-line N to say otherwise)`);
  return notes;
}

/** `ignoring unknown column(s) "Foo" (to keep one: --map "Foo=field.foo")`, or undefined when every column is known. */
function unknownColumnsNote(match: HeaderMatch, spec: HeaderSpec): string | undefined {
  if (!match.unknown.length) return undefined;
  const quote = (hs: string[]) => hs.map((h) => `"${h}"`).join(', ');
  const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  // The hint must be a mapping import accepts: `field.__proto__` is refused.
  const first = spec.customFields ? match.unknown.find((h) => /[a-z0-9]/.test(key(h)) && isSafeKey(key(h))) : match.unknown[0];
  const hint = first === undefined ? ''
    : spec.customFields ? ` (to keep one: --map "${first}=field.${key(first)}")`
      : ` (to keep one: --map "${first}=<field>", a field of: ${spec.fields.join(', ')})`;
  return `ignoring unknown column(s) ${quote(match.unknown)}${hint}`;
}

/** Everything an import says once the first pass has read the file, in order. */
export function readNotes(read: { layout: CsvLayout; header: readonly string[]; match: HeaderMatch }, spec: HeaderSpec, dryRun: boolean): string[] {
  const notes = dryRun ? [describeLayout(read.layout)] : layoutNotes(read.layout);
  const unknown = unknownColumnsNote(read.match, spec);
  if (unknown !== undefined) notes.push(unknown);
  if (dryRun) notes.push(describeColumns(read.header, read.match));
  return notes;
}
