// A deep copy of JSON data (plain objects, arrays, strings, numbers, booleans, null): what a store's records are,
// and the Maps of them a reader hands out. Reads inside a JSON store's transaction hand out copies, so a command
// that changes what it read changes nothing until it writes it back. structuredClone copies every kind of value
// and pays for that generality: on 100,000 records it took ~0.5 s where this takes ~0.1 s.

export function copyData<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyData(value[i]);
    return out as T;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copyData(v)])) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = copyData((value as Record<string, unknown>)[key]);
    // A key "__proto__" (JSON.parse makes it an own property) stays a property; assigning it would set the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}
