// Matches a CSV header row to a record's fields: case-, space- and punctuation-insensitive, through an alias
// table, with `--map "Header=field"` overrides and `field.<key>` custom fields. Generic: knows no record type.
import { usageError } from '../domain/errors.js';

/** `E-mail Address ` → `emailaddress`: what a header means, not how it is spelled. */
export const normaliseHeader = (h: string): string => h.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

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
}

export interface HeaderMatch {
  /** Per column: the canonical field, `field.<key>`, or null when the column is ignored. */
  targets: (string | null)[];
  /** Headers that matched nothing (reported once, then ignored). */
  unknown: string[];
  /** Headers that matched a field an earlier column already took. */
  repeated: string[];
}

/** A `field.<key>` key that is safe to store: never one that reaches an object's prototype. */
export function customKey(header: string): string | null {
  const m = /^field\.(.+)$/i.exec(header.trim());
  if (!m) return null;
  const key = m[1]!.trim();
  return CUSTOM_KEY.test(key) && !FORBIDDEN_KEYS.has(key) ? key : null;
}

/** Normalised spelling → canonical field; a Map, so no header can reach Object.prototype. */
function aliasTable(spec: HeaderSpec): Map<string, string> {
  const table = new Map<string, string>();
  for (const f of spec.fields) table.set(normaliseHeader(f), f);
  for (const [f, spellings] of Object.entries(spec.aliases)) for (const s of spellings) table.set(normaliseHeader(s), f);
  return table;
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

export function matchHeaders(header: readonly string[], spec: HeaderSpec, overrides: ReadonlyMap<string, string | null> = new Map()): HeaderMatch {
  const table = aliasTable(spec);
  const known = new Set((spec.known ?? []).map(normaliseHeader));
  const taken = new Set<string>();
  const match: HeaderMatch = { targets: [], unknown: [], repeated: [] };
  for (const raw of header) {
    const norm = normaliseHeader(raw);
    let target: string | null | undefined = overrides.has(norm) ? overrides.get(norm)! : undefined;
    if (target === undefined) {
      const key = spec.customFields ? customKey(raw) : null;
      target = key !== null ? `field.${key}` : table.get(norm);
      if (target === undefined) {
        if (!known.has(norm)) match.unknown.push(raw);
        target = null;
      }
    }
    if (target !== null && taken.has(target)) {
      match.repeated.push(raw);
      target = null;
    }
    if (target !== null) taken.add(target);
    match.targets.push(target);
  }
  return match;
}

/** One row's values by target. Cells beyond the header are ignored by the caller's own check. */
export function rowValues(cells: readonly string[], targets: readonly (string | null)[], clean: (cell: string) => string): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (t === null || t === undefined) continue;
    const v = clean(cells[i] ?? '');
    if (v !== '') values.set(t, v);
  }
  return values;
}
