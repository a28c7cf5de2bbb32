// Turns declared fields into the two functions the SQL backends run per row, generated once at load as plain
// JavaScript (as check-compiler.ts does for the quick check): a record from a raw row (drivers return arrays) read
// at fixed positions into an object literal in declaration order, and a record's values in a table's column
// order. A loop over the declaration per row (names looked up, keys added one by one) is several times slower on
// the hot reads (touch log, export) and writes (import).
import type { ColumnField, Fields } from '../../domain/records/declare.js';
import { asIs, columnKind, type Codec } from '../record-rows.js';

/** What generated code may call, by index (the codec's functions, derived columns' functions). */
interface Unit { values: unknown[] }

function constant(unit: Unit, value: unknown): string {
  unit.values.push(value);
  return `k${unit.values.length - 1}`;
}

function build<F>(unit: Unit, params: string, body: string): F {
  const names = unit.values.map((_, i) => `k${i}`);
  return new Function(...names, `"use strict";\nreturn function (${params}) { ${body} };`)(...unit.values) as F;
}

const prop = (of: string, name: string) => `${of}[${JSON.stringify(name)}]`;

/** The expression for a stored value at position `at` of row `r`, through the codec unless it is taken as it is. */
function readExpr(unit: Unit, field: ColumnField, at: number, codec: Codec): string {
  const read = codec.read[columnKind(field.value, field.column)];
  const cell = `r[${at}]`;
  return read === asIs ? `(${cell} ?? null)` : `(${cell} == null ? null : ${constant(unit, read)}(${cell}))`;
}

/** Where each column sits in the row read; a column the row lacks is a bug in the table's declaration. */
function position(at: ReadonlyMap<string, number>, column: string): number {
  const i = at.get(column);
  if (i === undefined) throw new Error(`the row read has no column ${column}`);
  return i;
}

/**
 * A record from a raw row: each field at its column's position in `at` (a group's as `prefix` + column), and the
 * fields named in `given` (plus every list of child records) taken from the second argument.
 */
export function compileReader<R, G>(fields: Fields, at: ReadonlyMap<string, number>, given: ReadonlySet<string>, codec: Codec): (row: readonly unknown[], given: G) => R {
  const unit: Unit = { values: [] };
  const parts = Object.entries(fields).map(([name, field]) => {
    if (given.has(name) || 'rows' in field) return `${JSON.stringify(name)}: ${prop('g', name)}`;
    if (!('group' in field)) return `${JSON.stringify(name)}: ${readExpr(unit, field, position(at, field.column), codec)}`;
    const inner = Object.entries(field.group) as [string, ColumnField][];
    const object = `{ ${inner.map(([n, f]) => `${JSON.stringify(n)}: ${readExpr(unit, f, position(at, field.prefix + f.column), codec)}`).join(', ')} }`;
    // A nullable group is null when its first never-null field's column is (a follow-up without a date is none).
    const key = inner.find(([, f]) => !f.nullable)![1];
    return `${JSON.stringify(name)}: ${field.nullable ? `(r[${position(at, field.prefix + key.column)}] == null ? null : ${object})` : object}`;
  });
  return build(unit, 'r, g', `return { ${parts.join(', ')} };`);
}

/** One column a writer fills: a declared field (`path`: the field, or a group and its field) or a derived value. */
export type WrittenColumn =
  | { readonly column: string; readonly field: ColumnField; readonly path: readonly [string] | readonly [string, string] }
  | { readonly column: string; readonly derive: (record: never, extra: never) => unknown };

function writeExpr(unit: Unit, c: WrittenColumn, codec: Codec): string {
  if ('derive' in c) return `${constant(unit, c.derive)}(o, x)`;
  const write = codec.write[columnKind(c.field.value, c.column)];
  const value = c.path.length === 1 ? prop('o', c.path[0]) : prop(prop('o', c.path[0]), c.path[1]);
  const stored = write === asIs ? `(${value} ?? null)` : `(${value} == null ? null : ${constant(unit, write)}(${value}))`;
  // A field of a nullable group: null when the group is.
  return c.path.length === 1 ? stored : `(${prop('o', c.path[0])} === null ? null : ${stored})`;
}

/** A record's values (with the extra a derived column needs) in the order of `columns`. */
export function compileWriter<R, X>(columns: readonly WrittenColumn[], codec: Codec): (record: R, extra: X) => unknown[] {
  const unit: Unit = { values: [] };
  return build(unit, 'o, x', `return [${columns.map((c) => writeExpr(unit, c, codec)).join(', ')}];`);
}
