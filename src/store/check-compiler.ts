// Turns record declarations into plain-JavaScript checks for the quick check. Generated once at load, as source:
// a check written as `typeof o["name"] === "string" && …` reads each key at a fixed place, as hand-written code
// does, and runs about twice as fast as the same rules as a loop over closures (o[name] with ever-changing names).
import type { Field, Fields, Value } from '../domain/records/declare.js';

/** Answers "is this value sound?" for a declared value, field list or list of records. */
type Check = (x: unknown) => boolean;

/** What generated code may call: the helpers below, plus the sets and rules of the declarations (by index). */
interface Unit { lines: string[]; values: unknown[]; names: string[] }

function constant(unit: Unit, value: unknown): string {
  unit.values.push(value);
  unit.names.push(`k${unit.values.length - 1}`);
  return unit.names.at(-1)!;
}

function define(unit: Unit, body: string): string {
  const name = `f${unit.lines.length}`;
  unit.lines.push(`function ${name}(x) { ${body} }`);
  return name;
}

function listFn(unit: Unit, item: (a: string) => string): string {
  return define(unit, `if (!Array.isArray(x)) return false; for (let i = 0; i < x.length; i++) if (!(${item('x[i]')})) return false; return true;`);
}

/** A map with no key valibot's record() would drop (it drops these three silently), every value passing. */
function mapFn(unit: Unit, item: (a: string) => string): string {
  return define(unit, 'if (!isObj(x)) return false; for (const k in x) { if (k === "__proto__" || k === "prototype" || k === "constructor" '
    + `|| !Object.hasOwn(x, k) || !(${item('x[k]')})) return false; } return true;`);
}

/** An object with exactly the declared keys (nothing for valibot to strip), each passing its field's check. */
function objectFn(unit: Unit, fields: Fields): string {
  const names = Object.keys(fields);
  const checks = names.map((name) => fieldExpr(unit, fields[name]!, `x[${JSON.stringify(name)}]`));
  return define(unit, `return isObj(x) && ${[...checks, `keyCount(x, ${names.length})`].join(' && ')};`);
}

/** The expression that checks the value at accessor `a` (a property read, cheap to repeat). */
function valueExpr(unit: Unit, value: Value, a: string): string {
  switch (value.kind) {
    case 'text': return value.rule ? `(typeof ${a} === "string" && ${constant(unit, value.rule.test)}(${a}))` : `typeof ${a} === "string"`;
    case 'integer': return `(typeof ${a} === "number" && Number.isInteger(${a}) && ${a} >= ${Number(value.min)}${value.max === undefined ? '' : ` && ${a} <= ${Number(value.max)}`})`;
    case 'number': case 'money': return `(typeof ${a} === "number" && Number.isFinite(${a}))`;
    case 'boolean': return `typeof ${a} === "boolean"`;
    case 'instant': return `(typeof ${a} === "string" && isDate(${a}))`;
    case 'enum': return `${constant(unit, new Set<unknown>(value.values))}.has(${a})`;
    case 'list': return `${listFn(unit, (item) => valueExpr(unit, value.of, item))}(${a})`;
    case 'map': return `${mapFn(unit, (item) => valueExpr(unit, value.of, item))}(${a})`;
    case 'either': return `(${value.of.map((v) => valueExpr(unit, v, a)).join(' || ')})`;
    case 'object': return `${objectFn(unit, value.fields)}(${a})`;
    case 'json': return valueExpr(unit, value.of, a);
  }
}

function fieldExpr(unit: Unit, field: Field, a: string): string {
  if ('rows' in field) return `${listFn(unit, (item) => `${objectFn(unit, field.rows.fields)}(${item})`)}(${a})`;
  const check = 'group' in field ? `${objectFn(unit, field.group)}(${a})` : valueExpr(unit, field.value, a);
  return field.nullable ? `(${a} === null || ${check})` : check;
}

/** The helpers every generated check may call. */
export interface CheckHelpers {
  isObj: (x: unknown) => boolean;
  keyCount: (o: object, n: number) => boolean;
  isDate: (s: string) => boolean;
}

/** A check that `x` is a list of sound records with these fields. */
export function compileListCheck(fields: Fields, helpers: CheckHelpers): Check {
  const unit: Unit = { lines: [], values: [], names: [] };
  const list = listFn(unit, (item) => `${objectFn(unit, fields)}(${item})`);
  const source = `"use strict";\n${unit.lines.join('\n')}\nreturn ${list};`;
  const make = new Function('isObj', 'keyCount', 'isDate', ...unit.names, source) as (...args: unknown[]) => Check;
  return make(helpers.isObj, helpers.keyCount, helpers.isDate, ...unit.values);
}
