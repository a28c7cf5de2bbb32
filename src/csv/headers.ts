// Matches a CSV header row to a record's fields: case-, space- and punctuation-insensitive, through an alias
// table, with `--map "Header=field"` overrides and `field.<key>` custom fields. Generic: knows no record type.
import { usageError } from '../domain/errors.js';

/** `E-mail Address ` → `emailaddress`: what a header means, not how it is spelled. */
export const normaliseHeader = (h: string): string => h.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** `Submit Date (UTC)`, `Created (GMT)`: a header that says its times are UTC, whatever the computer's zone. */
export const saysUtc = (h: string): boolean => /\((?:utc|gmt)\)\s*$/i.test(h.trim());

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CUSTOM_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export interface HeaderSpec {
  /** Canonical field names a column may map to (e.g. `email`, `referred_by`). */
  fields: readonly string[];
  /** Extra spellings, by canonical field (normalised on use). */
  aliases: Readonly<Record<string, readonly string[]>>;
  /** Whether `field.<key>` columns are custom fields (prospects have them, touches do not). */
  customFields: boolean;
  /** Columns recognised but not imported (e.g. a touch export's `name`), so they are not reported as unknown. */
  known?: readonly string[];
  /** Whether numbered copies of a column (`E-mail 2 - Value`, `Phone 1 - Value`) give its field (contact exports do). */
  numbered?: boolean;
  /**
   * Record names a CRM puts before its columns (Pipedrive's `Person - Email - Work`): the column is read without
   * it, and a last part among `qualifiers` (`Mobile`, `Work` …) orders several columns of one field. A prefixed
   * `ID` is the other system's record id, never read as a field.
   */
  prefixed?: { records: readonly string[]; qualifiers: readonly string[] };
  /**
   * A last say on the columns' fields once all are known, for a column whose meaning depends on the others (see
   * contact-columns.ts: a lone `Description` beside a name is a contact's notes).
   */
  settle?: (targets: readonly (string | null)[]) => (string | null)[];
}

export interface HeaderMatch {
  /** Per column: the canonical field, `field.<key>`, or null when the column is ignored. */
  targets: (string | null)[];
  /** Headers that matched nothing (reported once, then ignored). */
  unknown: string[];
  /**
   * Column indexes in reading order. Several columns may give one field (`E-mail 1 - Value`, `E-mail 2 - Value`;
   * Outlook's mobile, business and home phones): a row takes the first non-empty of them in this order.
   */
  order: number[];
}

/** A `field.<key>` key that is safe to store: never one that reaches an object's prototype. */
export function customKey(header: string): string | null {
  const m = /^field\.(.+)$/i.exec(header.trim());
  if (!m) return null;
  const key = m[1]!.trim();
  return CUSTOM_KEY.test(key) && !FORBIDDEN_KEYS.has(key) ? key : null;
}

interface Alias { field: string; rank: number }

/**
 * Normalised spelling → canonical field and rank (0 for the field's own name, then the aliases in the order
 * given), so that when two columns give one field the better one is read first. A Map: no header reaches
 * Object.prototype.
 */
function aliasTable(spec: HeaderSpec): Map<string, Alias> {
  const table = new Map<string, Alias>();
  const put = (spelling: string, alias: Alias) => {
    const key = normaliseHeader(spelling);
    if (!table.has(key)) table.set(key, alias);
  };
  // A field whose aliases list its own name ranks it there (a mobile before a plain `Phone`), else first.
  const listsItself = (f: string) => (spec.aliases[f] ?? []).includes(f);
  for (const f of spec.fields) if (!listsItself(f)) put(f, { field: f, rank: 0 });
  for (const [f, spellings] of Object.entries(spec.aliases)) spellings.forEach((s, i) => put(s, { field: f, rank: i + 1 }));
  return table;
}

/** `E-mail 2 - Value`, `Phone 1 - Value`, `E-mail 2 Address`, `Organization 1 - Name`: a field's spelling with a number in it. */
const NUMBERED = /^(\D*?)\s*(\d{1,2})\s*(?:-\s*)?(\D*)$/;

/**
 * A numbered copy of a known column (Google Contacts, Outlook): the field with its number, `label` for the
 * `E-mail 1 - Label` / `Phone 1 - Type` columns that only describe one we read, or null.
 */
function numberedColumn(raw: string, table: ReadonlyMap<string, Alias>): { alias: Alias; n: number } | 'label' | null {
  const m = NUMBERED.exec(raw.trim());
  if (!m) return null;
  const base = normaliseHeader(m[1]!);
  const rest = normaliseHeader(m[3]!);
  if (base === '') return null;
  const n = Number(m[2]);
  const own = rest === '' || rest === 'value' ? table.get(base) : undefined;
  const alias = own ?? table.get(base + rest);
  if (alias) return { alias, n };
  return (rest === 'label' || rest === 'type') && table.has(base) ? 'label' : null;
}

/** Parses `--map "Header=field"` options; `field` may be `ignore`. Unknown targets are usage errors. */
export function parseMapOptions(maps: readonly string[], spec: HeaderSpec): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const canonical = new Map(spec.fields.map((f) => [normaliseHeader(f), f]));
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw usageError(`--map "${m}" is not "Header=field"`);
    const header = normaliseHeader(m.slice(0, eq));
    const target = m.slice(eq + 1).trim();
    if (target.toLowerCase() === 'ignore' || target === '') {
      out.set(header, null);
      continue;
    }
    const key = spec.customFields ? customKey(target) : null;
    if (key !== null) {
      out.set(header, `field.${key}`);
      continue;
    }
    const field = canonical.get(normaliseHeader(target));
    if (!field) {
      const custom = spec.customFields ? ', field.<key>' : '';
      throw usageError(`--map "${m}": unknown field "${target}" (use one of: ${spec.fields.join(', ')}${custom}, ignore)`);
    }
    out.set(header, field);
  }
  return out;
}

/** `Person - Phone - Mobile` → the phone alias, ranked by its qualifier; `Person - ID` → 'id' (known, not read); else null. */
function prefixedColumn(raw: string, table: ReadonlyMap<string, Alias>, spec: HeaderSpec): { alias: Alias; n: number } | 'id' | null {
  if (!spec.prefixed) return null;
  const parts = raw.split(/\s+-\s+/).map(normaliseHeader);
  if (parts.length < 2 || !spec.prefixed.records.some((r) => normaliseHeader(r) === parts[0])) return null;
  const rest = parts.slice(1);
  if (rest.length === 1 && rest[0] === 'id') return 'id';
  const whole = table.get(rest.join(''));
  if (whole) return { alias: whole, n: 0 };
  const qualifier = spec.prefixed.qualifiers.findIndex((q) => normaliseHeader(q) === rest.at(-1));
  const base = rest.length === 2 && qualifier >= 0 ? table.get(rest[0]!) : undefined;
  return base ? { alias: base, n: qualifier + 1 } : null;
}

export function matchHeaders(header: readonly string[], spec: HeaderSpec, overrides: ReadonlyMap<string, string | null> = new Map()): HeaderMatch {
  const table = aliasTable(spec);
  const known = new Set((spec.known ?? []).map(normaliseHeader));
  const match: HeaderMatch = { targets: [], unknown: [], order: [] };
  // --map options are read in the order they were given, whatever the order of their columns in the file.
  const mapRank = new Map([...overrides.keys()].map((k, n) => [k, n]));
  // Reading order: --map first, then by how good a spelling the header is, then by number, then by position.
  const sortKey: [number, number, number][] = [];
  header.forEach((raw, i) => {
    const norm = normaliseHeader(raw);
    let target: string | null = null;
    let key: [number, number, number] = [-1, mapRank.get(norm) ?? 0, i];
    if (overrides.has(norm)) target = overrides.get(norm)!;
    else {
      const custom = spec.customFields ? customKey(raw) : null;
      const prefixed = custom === null && !table.has(norm) ? prefixedColumn(raw, table, spec) : null;
      const alias = custom !== null ? { field: `field.${custom}`, rank: 0 } : table.get(norm) ?? (prefixed === 'id' ? undefined : prefixed?.alias);
      const numbered = alias || prefixed === 'id' || !spec.numbered ? null : numberedColumn(raw, table);
      if (prefixed && prefixed !== 'id' && alias === prefixed.alias) [target, key] = [alias.field, [alias.rank, prefixed.n, i]];
      else if (alias) [target, key] = [alias.field, [alias.rank, 0, i]];
      else if (prefixed === 'id') { /* another system's record id: nothing to read, nothing to warn about */ }
      else if (numbered !== null && numbered !== 'label') [target, key] = [numbered.alias.field, [numbered.alias.rank, numbered.n, i]];
      else if (numbered === null && !known.has(norm)) match.unknown.push(raw);
    }
    match.targets.push(target);
    sortKey.push(key);
  });
  if (spec.settle) match.targets = spec.settle(match.targets);
  match.order = header.map((_, i) => i).filter((i) => match.targets[i] !== null)
    .sort((a, b) => sortKey[a]![0] - sortKey[b]![0] || sortKey[a]![1] - sortKey[b]![1] || a - b);
  return match;
}

/** For each column read after another that gives the same field: the header and the one(s) it stands in for. */
export function fallbackColumns(header: readonly string[], match: HeaderMatch): { header: string; field: string; after: string[] }[] {
  const seen = new Map<string, string[]>();
  const out: { header: string; field: string; after: string[] }[] = [];
  for (const i of match.order) {
    const field = match.targets[i]!;
    const before = seen.get(field);
    if (before) out.push({ header: header[i]!, field, after: [...before] });
    seen.set(field, [...(before ?? []), header[i]!]);
  }
  return out;
}

/** Per column index: cell value (normalised like a header) → the value to read instead (`--map-value`). */
export type ValueMaps = ReadonlyMap<number, ReadonlyMap<string, string>>;

/** One row's values by target: the first non-empty cell of each field's columns, in reading order. */
export function rowValues(cells: readonly string[], match: HeaderMatch, clean: (cell: string) => string, valueMaps?: ValueMaps): Map<string, string> {
  const values = new Map<string, string>();
  for (const i of match.order) {
    const t = match.targets[i]!;
    if (values.has(t)) continue;
    let v = clean(cells[i] ?? '');
    if (v === '') continue;
    const replaced = valueMaps?.get(i)?.get(normaliseHeader(v));
    if (replaced !== undefined) v = replaced;
    values.set(t, v);
  }
  return values;
}

interface ValueMapOption {
  /** As typed, for messages. */
  text: string;
  /** The column, normalised like a header. */
  column: string;
  /** The value to replace, normalised like a header (so `Marketing Qualified Lead` = `marketingqualifiedlead`). */
  value: string;
  to: string;
}

/** Parses `--map-value "Column:value=replacement"` (e.g. `"Lifecycle Stage:lead=interested"`). */
export function parseValueMapOptions(list: readonly string[]): ValueMapOption[] {
  return list.map((text) => {
    const eq = text.lastIndexOf('=');
    const colon = text.indexOf(':');
    const to = text.slice(eq + 1).trim();
    if (colon <= 0 || eq < colon + 2 || to === '') throw usageError(`--map-value "${text}" is not "Column:value=replacement" (e.g. "Lifecycle Stage:lead=interested")`);
    return { text, column: normaliseHeader(text.slice(0, colon)), value: normaliseHeader(text.slice(colon + 1, eq)), to };
  });
}

/** Ties each --map-value to the column it names; one naming no column of the file is a usage error. */
export function resolveValueMaps(options: readonly ValueMapOption[], header: readonly string[]): Map<number, Map<string, string>> {
  const maps = new Map<number, Map<string, string>>();
  for (const o of options) {
    const i = header.findIndex((h) => normaliseHeader(h) === o.column);
    if (i < 0) throw usageError(`--map-value "${o.text}": the file has no such column (columns: ${header.map((h) => `"${h}"`).join(', ')})`);
    if (!maps.has(i)) maps.set(i, new Map());
    maps.get(i)!.set(o.value, o.to);
  }
  return maps;
}
