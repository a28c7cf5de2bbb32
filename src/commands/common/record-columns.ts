// Output columns read from a kind's declaration, where an export prints a record's own fields as they are stored:
// the key is the field's column name and the column type follows from its value, so a declared field cannot be
// printed as something else.
import type { KindName, RecordOfName } from '../../domain/records/kinds.js';
import type { Column, ColumnType } from '../../output/columns.js';
import { columnsOf, type ColumnKind } from '../../store/record-rows.js';

const OUTPUT_TYPE: Record<ColumnKind, ColumnType> = {
  text: 'string', enum: 'string', integer: 'int', boolean: 'bool', instant: 'datetime', money: 'number', list: 'list', json: 'json',
};

/** A value at `followUp.at`-style paths; a null group gives null. */
function getter(path: string): (record: unknown) => unknown {
  const [outer, inner] = path.split('.') as [string, string | undefined];
  return (record) => {
    const value = (record as Record<string, unknown>)[outer];
    return inner === undefined ? value : value === null ? null : (value as Record<string, unknown>)[inner];
  };
}

/** Every column of a kind in declaration order, but the fields left out (those printed otherwise, or not at all). */
export function recordColumns<K extends KindName>(kind: K, except: readonly (keyof RecordOfName<K> & string)[] = []): Column<RecordOfName<K>>[] {
  return columnsOf(kind)
    .filter((c) => !except.includes(c.field.split('.')[0] as keyof RecordOfName<K> & string))
    .map((c) => ({ key: c.column, type: OUTPUT_TYPE[c.kind], get: getter(c.field) }));
}
