// PostgreSQL's own types read back in the shapes the shared SQL code (store/sql/) gets from SQLite, so it stays
// dialect-free: an instant (timestamptz) as the exact ISO text the domain wrote, money (numeric) as its decimal
// text (what SQLite's money column holds; the row mapping makes it the domain's number), a flag (boolean) as 1 or
// 0, JSON as its text (parsed where SQLite's would be), 64-bit ids as numbers.
import pg from 'pg';

const OID = { bool: 16, int8: 20, json: 114, numeric: 1700, timestamptz: 1184, jsonb: 3802 } as const;

// DateStyle ISO (the server's default, which node-postgres itself assumes): 2026-03-05 18:30:00.123+00, the
// fraction only when not zero (up to microseconds), the offset as ±HH[:MM[:SS]], " BC" before year 1.
const PG_INSTANT = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?( BC)?$/;

/**
 * A timestamptz as the domain writes instants (toISOString: 2026-03-05T18:30:00.123Z). In a UTC session (the usual
 * case) the text is only rearranged: no Date per value when a report reads a million touches. Text that is not an
 * instant in ISO style (±infinity, typed in by hand) is handed on as it is.
 */
export function isoInstant(text: string): string {
  const m = PG_INSTANT.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s, frac = '', sign, oh, om = '00', os = '00', bc] = m;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  if (oh === '00' && om === '00' && os === '00' && y!.length === 4 && !bc) return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  const at = new Date(0);
  at.setUTCFullYear(bc ? 1 - Number(y) : Number(y), Number(mo) - 1, Number(d));
  at.setUTCHours(Number(h), Number(mi), Number(s), Number(ms));
  const offsetMs = (Number(oh) * 3600 + Number(om) * 60 + Number(os)) * 1000;
  return new Date(at.getTime() - (sign === '-' ? -offsetMs : offsetMs)).toISOString();
}

const PARSERS: Record<number, (text: string) => unknown> = {
  // Every count, id and epoch millisecond precrm stores is far below 2^53.
  [OID.int8]: Number,
  // numeric's text is the exact decimal precrm wrote (sql/money.ts decimalText), as on SQLite.
  [OID.numeric]: (text) => text,
  [OID.bool]: (text) => (text === 't' ? 1 : 0),
  [OID.json]: (text) => text,
  [OID.jsonb]: (text) => text,
  [OID.timestamptz]: isoInstant,
};

/** The type parsers of every statement precrm runs (pg's defaults for the types precrm does not store). */
export const PRECRM_TYPES = {
  getTypeParser: ((oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};
