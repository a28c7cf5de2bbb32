// The vocabulary of record declarations: what a stored field holds, how it is stored, and the TypeScript type
// that follows from it. Plain data, so the hot read path can use it without loading valibot.

/** A text rule beyond "is a string": `says` is the problem message (it never quotes the value). */
interface TextRule { readonly test: (s: string) => boolean; readonly says: string }

/**
 * What a value is. `json` marks a value stored whole as one JSON document (custom fields, answers, questions);
 * `list` a list of plain values the SQL side may keep in rows of their own (tags); `number` is any finite number
 * and appears only inside JSON (answers); `money` is an amount (a finite number in the record).
 */
export type Value =
  | { readonly kind: 'text'; readonly rule?: TextRule }
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  | { readonly kind: 'number' }
  | { readonly kind: 'money' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'instant' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly of: Value }
  | { readonly kind: 'map'; readonly of: Value }
  | { readonly kind: 'either'; readonly of: readonly Value[] }
  | { readonly kind: 'object'; readonly fields: Fields }
  | { readonly kind: 'json'; readonly of: Value };

/** A field held in one column: its snake_case column name, its value, and whether it may be null. */
export interface ColumnField {
  readonly column: string;
  readonly value: Value;
  readonly nullable?: boolean;
  /** The kind whose id this field holds (a foreign key on the SQL side). */
  readonly references?: string;
}

/** A nested object kept in its owner's columns, each named `prefix` + the group field's column. */
interface GroupField { readonly group: Fields; readonly prefix: string; readonly nullable?: boolean }

/** A list of records of another kind, kept in order (their own rows on the SQL side). */
interface RowsField { readonly rows: KindDecl }

export type Field = ColumnField | GroupField | RowsField;
/** The fields of a record, in the record's key order (which is part of the JSON output contract). */
export type Fields = { readonly [name: string]: Field };

export interface KindDecl {
  /** The kind's name, as in messages and `columnsOf`. */
  readonly kind: string;
  /** The SQL table of its rows. */
  readonly table: string;
  /** For a kind stored only inside its owner (stage history, consent): the owner's key and the position column. */
  readonly within?: { readonly kind: string; readonly column: string; readonly position: string };
  readonly fields: Fields;
}

/** The TypeScript type of a value. */
export type ValueType<V> =
  V extends { kind: 'text' | 'instant' } ? string
    : V extends { kind: 'integer' | 'number' | 'money' } ? number
      : V extends { kind: 'boolean' } ? boolean
        : V extends { kind: 'enum'; values: readonly (infer E)[] } ? E
          : V extends { kind: 'list'; of: infer O } ? ValueType<O>[]
            : V extends { kind: 'map'; of: infer O } ? Record<string, ValueType<O>>
              : V extends { kind: 'either'; of: readonly (infer O)[] } ? ValueType<O>
                : V extends { kind: 'object'; fields: infer F } ? RecordOf<F>
                  : V extends { kind: 'json'; of: infer O } ? ValueType<O>
                    : never;

type OrNull<F, T> = F extends { nullable: true } ? T | null : T;

/** The TypeScript type of a field. */
type FieldType<F> =
  F extends { rows: { fields: infer R } } ? RecordOf<R>[]
    : F extends { group: infer G } ? OrNull<F, RecordOf<G>>
      : F extends { value: infer V } ? OrNull<F, ValueType<V>>
        : never;

/** The record type declared by a field list. */
export type RecordOf<F> = { -readonly [K in keyof F]: FieldType<F[K]> };

/** The record type of a kind. */
export type RecordOfKind<D extends KindDecl> = RecordOf<D['fields']>;

// The values most declarations use.
export const TEXT = { kind: 'text' } as const;
export const INSTANT = { kind: 'instant' } as const;
export const BOOLEAN = { kind: 'boolean' } as const;
export const MONEY = { kind: 'money' } as const;
/** A record's id, or a link to one: an integer from 1. */
export const ID = { kind: 'integer', min: 1 } as const;

/** A text column that may be null (most of a prospect's fields). */
export const maybeText = <const C extends string>(column: C) => ({ column, value: TEXT, nullable: true }) as const;
