// valibot schemas made from the record declarations (domain/records/), for the full check of a store document.
// Each value kind maps to the schema the store has always been checked with, so the problem messages stay the same.
import * as v from 'valibot';
import type { Field, Fields, Value } from '../domain/records/declare.js';
import { DATE_RULE, canonicalDate } from './stored-dates.js';

type Schema = v.GenericSchema<unknown, unknown>;

// Read as an instant and rewritten in the canonical form, so string comparisons everywhere compare instants.
const isoDate = v.pipe(v.string(), v.check((s) => canonicalDate(s) !== null, DATE_RULE), v.transform((s) => canonicalDate(s)!));
// JSON.parse reads 1e400 as Infinity, which the next write would turn into null.
const finite = v.pipe(v.number(), v.finite());

function integer(min: number, max: number | undefined): Schema {
  return max === undefined ? v.pipe(v.number(), v.integer(), v.minValue(min)) : v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

/** The schema of one value. Text rules are v.check with our own words: valibot's own messages quote the value. */
export function valueSchema(value: Value): Schema {
  switch (value.kind) {
    case 'text': return value.rule ? v.pipe(v.string(), v.check(value.rule.test, value.rule.says)) : v.string();
    case 'integer': return integer(value.min, value.max);
    case 'number': case 'money': return finite;
    case 'boolean': return v.boolean();
    case 'instant': return isoDate as Schema;
    case 'enum': return v.picklist(value.values);
    case 'list': return v.array(valueSchema(value.of));
    case 'map': return v.record(v.string(), valueSchema(value.of));
    case 'either': return v.union(value.of.map(valueSchema));
    case 'object': return objectSchema(value.fields);
    case 'json': return valueSchema(value.of);
  }
}

function fieldSchema(field: Field): Schema {
  if ('rows' in field) return v.array(objectSchema(field.rows.fields));
  const schema = 'group' in field ? objectSchema(field.group) : valueSchema(field.value);
  return field.nullable ? v.nullable(schema) : schema;
}

/** The schema of a record with these fields, its keys in declaration order (valibot's output follows it). */
export function objectSchema(fields: Fields): v.ObjectSchema<v.ObjectEntries, undefined> {
  return v.object(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field)])));
}
