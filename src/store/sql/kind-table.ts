// A stored kind's SQL table, made from its declaration (domain/records/): the columns written and read, the
// INSERT and UPDATE statements, and the row ↔ record mapping by column name, compiled once at load. Adding a field
// to a declaration changes all of them; only the migration's DDL is written by hand.
import type { ColumnField, Fields, KindDecl, RecordOfKind } from '../../domain/records/declare.js';
import { PORTABLE } from '../record-rows.js';
import { columns, insertSql, type Columns } from './columns.js';
import { compileReader, compileWriter, type WrittenColumn } from './row-compiler.js';

/** The fields of a kind that are lists of child records (always given to the reader). */
type RowsKeys<D extends KindDecl> = { [F in keyof D['fields']]: D['fields'][F] extends { rows: unknown } ? F : never }[keyof D['fields']];

/** A kind kept inside its owner (stage history, consent): the owner's id and the entry's position, per row. */
export interface Within { readonly owner: number; readonly position: number }

interface TableOptions<R, E extends keyof R, X> {
  /** The alias the callers' WHERE clauses give the table; the SELECT list is qualified with it. */
  readonly alias?: string;
  /** Fields this table does not hold (rows of another table, a list kept in rows): the reader is given them. */
  readonly elsewhere?: readonly E[];
  /** Fields read from another table's column (a join), never written here: the field and the expression. */
  readonly joined?: Readonly<Partial<Record<keyof R, string>>>;
  /** Columns precrm derives from the record on every write (lookup keys, a link's id), never read back. */
  readonly derived?: Readonly<Record<string, (record: R, extra: X) => unknown>>;
}

interface KindTable<R, G, X> {
  readonly table: string;
  /** Every column a write fills, in order: the declared ones (owner and position first), then the derived. */
  readonly written: Columns<string>;
  /** The SELECT list (aliased) of the record's columns, and each column's position in a row read with it. */
  readonly read: { readonly list: string; readonly at: Readonly<Record<string, number>> };
  readonly insert: string;
  /** Every written column but the id, then `WHERE id = ?` (empty for a kind without an id). */
  readonly update: string;
  values(record: R, extra: X): unknown[];
  /** The values for `update`: every written column but the id, then the id. */
  updateValues(record: R, extra: X): unknown[];
  fromRow(row: readonly unknown[], given: G): R;
}

type DeclaredColumn = Extract<WrittenColumn, { field: ColumnField }>;

/** The columns of fields kept in this table, in declaration order, each with its path in the record. */
function declaredColumns(fields: Fields, skip: ReadonlySet<string>): DeclaredColumn[] {
  return Object.entries(fields).flatMap(([name, field]): DeclaredColumn[] => {
    if (skip.has(name) || 'rows' in field) return [];
    if (!('group' in field)) return [{ column: field.column, field, path: [name] as const }];
    return (Object.entries(field.group) as [string, ColumnField][])
      .map(([inner, f]) => ({ column: field.prefix + f.column, field: { ...f, nullable: Boolean(field.nullable || f.nullable) }, path: [name, inner] as const }));
  });
}

/** What a row needs beyond the record: a kept-inside kind's owner and position, else what the derived columns take. */
type ExtraOf<D extends KindDecl> = D extends { within: object } ? Within : undefined;

/** The table of a kind's declaration (`TOUCH`, `PROSPECT` …, as domain/records/ declares them). */
export function kindTable<D extends KindDecl, E extends keyof RecordOfKind<D> = never, X = ExtraOf<D>>(
  decl: D, options: TableOptions<RecordOfKind<D>, E, X> = {},
): KindTable<RecordOfKind<D>, Pick<RecordOfKind<D>, E | RowsKeys<D>>, X> {
  const fields = decl.fields as Fields;
  const joined = Object.entries(options.joined ?? {}) as [string, string][];
  const elsewhere = new Set<string>((options.elsewhere ?? []) as readonly string[]);
  const skip = new Set<string>([...elsewhere, ...joined.map(([f]) => f)]);
  const own = declaredColumns(fields, skip);
  const within = decl.within;
  const ownerColumns: WrittenColumn[] = within
    ? [{ column: within.column, derive: (_: never, x: Within) => x.owner }, { column: within.position, derive: (_: never, x: Within) => x.position }]
    : [];
  const derived = Object.entries(options.derived ?? {}).map(([column, derive]): WrittenColumn => ({ column, derive }));
  const writtenColumns = [...ownerColumns, ...own, ...derived];
  const written = columns(writtenColumns.map((c) => c.column));
  const qualify = (c: string) => (options.alias ? `${options.alias}.${c}` : c);
  // Read: the owner's id (to group entries by owner), the record's own columns, then the joined expressions.
  const readNames = [...(within ? [within.column] : []), ...own.map((c) => c.column), ...joined.map(([, expr]) => expr)];
  const at = new Map(readNames.map((n, i) => [n, i]));
  for (const [field, expr] of joined) at.set((fields[field] as ColumnField).column, at.get(expr)!);
  const values = compileWriter<RecordOfKind<D>, X>(writtenColumns, PORTABLE);
  const idAt = written.names.indexOf('id');
  return {
    table: decl.table,
    written,
    read: { list: readNames.map((n) => (n.includes('.') ? n : qualify(n))).join(', '), at: Object.fromEntries(at) },
    insert: insertSql(decl.table, written),
    update: idAt < 0 ? '' : `UPDATE ${decl.table} SET ${written.names.filter((c) => c !== 'id').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    values,
    updateValues(record, extra) {
      const all = values(record, extra);
      return [...all.slice(0, idAt), ...all.slice(idAt + 1), all[idAt]];
    },
    fromRow: compileReader(fields, at, elsewhere, PORTABLE),
  };
}
