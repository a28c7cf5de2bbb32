// A record as a named SQL row and back, derived from its kind's declaration (domain/records/): the column list of
// a kind, and the mapping by column name, so no backend reads a row by position or lists a record's columns again.
import type { ColumnField, Field, Fields, KindDecl, Value } from '../domain/records/declare.js';
import { KINDS, type KindName, type RecordOfName } from '../domain/records/kinds.js';
import { decimalText } from './sql/money.js';

/** How a column's value is stored: what a backend needs to pick its SQL type and CHECK constraints. */
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'instant' | 'money' | 'enum' | 'list' | 'json';

export interface ColumnInfo {
  /** The snake_case column name. */
  readonly column: string;
  /** Where the value sits in the record: `cadenceDays`, or `followUp.at` for a group's field. */
  readonly field: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  /** An enum's values, in declaration order. */
  readonly values?: readonly string[];
  /** An integer's range. */
  readonly min?: number;
  readonly max?: number;
  /** The kind whose id this column holds (a foreign key). */
  readonly references?: string;
}

type NamedRow = Readonly<Record<string, unknown>>;

const declOf = (kind: KindName | KindDecl): KindDecl => (typeof kind === 'string' ? KINDS[kind] : kind);

/** The column kind of a declared value (what picks its SQL type and codec). */
export function columnKind(value: Value, where: string): ColumnKind {
  if (value.kind === 'number' || value.kind === 'map' || value.kind === 'either' || value.kind === 'object') {
    throw new Error(`${where}: a ${value.kind} is stored as json: declare it { kind: 'json', of: … }`);
  }
  return value.kind;
}

function columnInfo(field: ColumnField, path: string, prefix: string, nullable: boolean): ColumnInfo {
  const { value, references } = field;
  const info: ColumnInfo = { column: prefix + field.column, field: path, kind: columnKind(value, path), nullable: nullable || Boolean(field.nullable) };
  if (value.kind === 'enum') return { ...info, values: value.values };
  if (value.kind !== 'integer') return info;
  return { ...info, min: value.min, ...(value.max === undefined ? {} : { max: value.max }), ...(references ? { references } : {}) };
}

/** Every column of a kind's own row, in declaration order; lists of child records (`rows`) are their kinds' rows. */
export function columnsOf(kind: KindName | KindDecl): ColumnInfo[] {
  return Object.entries(declOf(kind).fields).flatMap(([name, field]): ColumnInfo[] => {
    if ('rows' in field) return [];
    if ('group' in field) {
      return Object.entries(field.group).map(([inner, f]) => columnInfo(f as ColumnField, `${name}.${inner}`, field.prefix, Boolean(field.nullable)));
    }
    return [columnInfo(field, name, '', false)];
  });
}

/** How values are written to and read from a column of each kind; a backend may replace any of them. */
export interface Codec {
  write: Record<ColumnKind, (value: unknown) => unknown>;
  read: Record<ColumnKind, (stored: unknown) => unknown>;
}

/** A value stored and read as it is; a row compiler reads such a column without a call. */
export const asIs = (x: unknown): unknown => x;
const parsed = (x: unknown) => (typeof x === 'string' ? JSON.parse(x) : x);
const toNumber = (x: unknown) => (typeof x === 'number' ? x : Number(x));

/**
 * What both SQL backends accept as parameters: booleans as 1/0, money as decimal text without an exponent (exact:
 * it reads back as the same number, and SQLite's CHECK takes it), lists and JSON as JSON text. Reading takes what
 * either driver returns: numbers or the text of a bigint or numeric, 1/0 or true/false, an instant as text or as a
 * Date, JSON as text or parsed.
 */
export const PORTABLE: Codec = {
  write: {
    text: asIs, enum: asIs, instant: asIs, integer: asIs,
    boolean: (b) => (b ? 1 : 0),
    money: (n) => decimalText(n as number),
    list: (l) => JSON.stringify(l), json: (j) => JSON.stringify(j),
  },
  read: {
    text: asIs, enum: asIs, integer: toNumber, money: toNumber,
    boolean: (b) => b === 1 || b === true || b === '1' || b === 1n,
    instant: (t) => (t instanceof Date ? t.toISOString() : t),
    list: parsed, json: parsed,
  },
};

function writeColumn(field: ColumnField, value: unknown, codec: Codec): unknown {
  return value === null ? null : codec.write[columnKind(field.value, field.column)](value);
}

/** A record as a row named by column (its child-record lists left out: they are rows of their own kinds). */
export function rowFromRecord<K extends KindName>(kind: K, record: RecordOfName<K>, codec: Codec = PORTABLE): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const values = record as Record<string, unknown>;
  for (const [name, field] of Object.entries(KINDS[kind].fields as Fields)) {
    if ('rows' in field) continue;
    if ('group' in field) {
      const group = values[name] as Record<string, unknown> | null;
      for (const [inner, f] of Object.entries(field.group) as [string, ColumnField][]) {
        row[field.prefix + f.column] = group === null ? null : writeColumn(f, group[inner], codec);
      }
    } else row[field.column] = writeColumn(field, values[name], codec);
  }
  return row;
}

function readColumn(field: ColumnField, row: NamedRow, prefix: string, codec: Codec): unknown {
  const column = prefix + field.column;
  if (!(column in row)) throw new Error(`the row has no column ${column}`);
  const stored = row[column];
  return stored === null || stored === undefined ? null : codec.read[columnKind(field.value, column)](stored);
}

/** A nullable group is null when its first never-null field's column is (a follow-up without a date is none). */
function readGroup(field: Extract<Field, { group: Fields }>, row: NamedRow, codec: Codec): Record<string, unknown> | null {
  const entries = Object.entries(field.group) as [string, ColumnField][];
  const key = entries.find(([, f]) => !f.nullable)!;
  if (field.nullable && readColumn(key[1], row, field.prefix, codec) === null) return null;
  return Object.fromEntries(entries.map(([inner, f]) => [inner, readColumn(f, row, field.prefix, codec)]));
}

/**
 * A record from a row named by column, its keys in declaration order (the JSON output's order). `given` supplies
 * what the row does not hold: every list of child records (required), or a group kept elsewhere.
 */
export function recordFromRow<K extends KindName>(kind: K, row: NamedRow, given: Partial<RecordOfName<K>> = {}, codec: Codec = PORTABLE): RecordOfName<K> {
  const record: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(KINDS[kind].fields as Fields)) {
    if (Object.hasOwn(given, name)) record[name] = (given as Record<string, unknown>)[name];
    else if ('rows' in field) throw new Error(`${kind}.${name}: its ${field.rows.kind} rows must be given`);
    else record[name] = 'group' in field ? readGroup(field, row, codec) : readColumn(field, row, '', codec);
  }
  return record as RecordOfName<K>;
}
