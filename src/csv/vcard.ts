// Reads a vCard file (.vcf: Apple's 3.0, Android's 2.1, 4.0) as a stream of prospect rows, each card one record
// under a fixed header of prospect columns, so a card goes through the same row checks, dedupe and planning as a
// CSV row. ical.js parses each card; vcard-lines.ts first rewrites what it does not read (2.1's quoted-printable).
import ICAL from 'ical.js';
import { dataError } from '../domain/errors.js';
import { MAX_RECORD, type CsvRecord } from './record.js';
import { contentLines } from './vcard-lines.js';

/** The columns a card becomes (matched like any CSV header: each is a prospect field or a custom field). */
export const VCARD_HEADER = [
  'name', 'first_name', 'middle_name', 'last_name', 'email', 'phone', 'company', 'tags', 'notes',
  'birthday', 'field.title', 'field.other_phones', 'field.other_emails', 'field.address', 'field.website',
] as const;

interface Prop { name: string; params: Record<string, unknown>; values: unknown[] }

const asList = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase()));

/**
 * A value as text: a structured part's several values joined as written (`Dupont, Jr.`); a `\;` ical.js leaves
 * escaped in a 4.0 text value is a plain semicolon.
 */
const text = (v: unknown): string => (Array.isArray(v) ? v.map(text).join(',') : typeof v === 'string' ? v.replace(/\\([;:])/g, '$1') : v == null ? '' : String(v));

/** Preference: 4.0's `PREF=1` (1 is the most preferred), 3.0's `TYPE=pref`, 2.1's `PREF`; unmarked last. */
function prefOf(p: Prop): number {
  const n = Number(p.params.pref);
  if (Number.isInteger(n) && n >= 1) return n;
  return asList(p.params.type).includes('pref') ? 1 : 101;
}

/** Phones: a mobile first (a text reaches it at the counter), then by preference, then as the card lists them. */
function byChoice(props: Prop[], mobileFirst: boolean): Prop[] {
  const cell = (p: Prop) => (mobileFirst && asList(p.params.type).some((t) => t === 'cell' || t === 'mobile') ? 0 : 1);
  return props.map((p, i) => ({ p, i })).sort((a, b) => cell(a.p) - cell(b.p) || prefOf(a.p) - prefOf(b.p) || a.i - b.i).map((x) => x.p);
}

/** `+33 6 12 (home)`: an extra phone or email, with its kinds (not the generic ones). */
function labelled(p: Prop, value: string): string {
  const kinds = asList(p.params.type).filter((t) => !['pref', 'voice', 'internet', 'x400'].includes(t));
  return kinds.length ? `${value} (${kinds.join(', ')})` : value;
}

const telValue = (p: Prop): string => text(p.values[0]).replace(/^tel:/i, '').trim();

/** The first and the rest of a repeated property, after ordering: the first to a field, the rest to one custom field. */
function firstAndRest(props: Prop[], value: (p: Prop) => string): [string, string] {
  const all = props.map((p) => ({ p, v: value(p) })).filter((x) => x.v !== '');
  return [all[0]?.v ?? '', all.slice(1).map((x) => labelled(x.p, x.v)).join('; ')];
}

/** One card's properties → the cells of VCARD_HEADER. */
function cardCells(props: Prop[]): string[] {
  const all = (name: string) => props.filter((p) => p.name === name);
  const one = (name: string) => text(all(name)[0]?.values);
  const n = (all('n')[0]?.values[0] ?? []) as unknown[];
  const [email, otherEmails] = firstAndRest(byChoice(all('email'), false), (p) => text(p.values[0]).trim());
  const [phone, otherPhones] = firstAndRest(byChoice(all('tel'), true), telValue);
  const org = all('org')[0]?.values[0];
  const adr = byChoice(all('adr'), false)[0]?.values[0];
  const address = Array.isArray(adr) ? adr.map(text).map((s) => s.trim()).filter(Boolean).join(', ') : text(adr);
  const bday = all('bday')[0];
  const tags = all('categories').flatMap((p) => p.values.map(text)).map((t) => t.trim()).filter(Boolean);
  return [
    one('fn'), text(n[1]), text(n[2]), text(n[0]), email, phone, text(Array.isArray(org) ? org[0] : org), tags.join(';'),
    all('note').map((p) => text(p.values)).join('\n'), bday ? String(bday.values[0]) : '', one('title'), otherPhones, otherEmails,
    address, one('url'),
  ].map((c) => c.trim());
}

/** Parses one card's lines with ical.js; a card it cannot read is exit 65 naming the line it starts on (not its text). */
function parseCard(physical: readonly string[], line: number): string[] {
  try {
    const jcal = ICAL.parse(contentLines(physical).join('\r\n') + '\r\n') as unknown;
    const card = new ICAL.Component(Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : (jcal as never));
    const props = card.getAllProperties().map((p): Prop => {
      const json = p.toJSON() as [string, Record<string, unknown>, string, ...unknown[]];
      // The value as written for a date (`1985-04-12`, 4.0's `--04-12`), not ical.js's time object.
      return { name: p.name, params: json[1], values: json.slice(3) };
    });
    return cardCells(props);
  } catch {
    throw dataError(`the vCard that starts on line ${line} cannot be read; nothing was written (export the contacts again, as vCard 3.0 if the app offers it)`);
  }
}

/** Cards as they are read: physical lines gathered from BEGIN:VCARD to END:VCARD; lines between cards are skipped. */
class Cards {
  private lines: string[] | null = null;
  private chars = 0;
  private start = 0;
  private line = 0;
  found = 0;

  /** The records of the cards that `text` (whole lines) completes. */
  take(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (const raw of text.split('\n')) {
      this.line++;
      const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (this.lines === null) {
        if (/^\s*BEGIN:VCARD\s*$/i.test(l)) [this.lines, this.start, this.chars] = [[l], this.line, 0];
        continue;
      }
      this.lines.push(l);
      this.chars += l.length;
      if (this.chars > MAX_RECORD) throw dataError(`the vCard that starts on line ${this.start} is longer than ${MAX_RECORD / (1 << 20)} MB (no END:VCARD?); nothing was written`);
      if (!/^END:VCARD\s*$/i.test(l)) continue;
      out.push({ line: this.start, cells: parseCard(this.lines, this.start) });
      this.lines = null;
      this.found++;
    }
    return out;
  }

  /** At the end of the input: a card never closed, or a file without any, is refused. */
  end(): void {
    if (this.lines !== null) throw dataError(`the vCard that starts on line ${this.start} has no END:VCARD; nothing was written (is the file complete?)`);
    if (this.found === 0) throw dataError('the file holds no vCard (no BEGIN:VCARD line); nothing was written');
  }
}

/** The records of a vCard input, a batch per piece of text: `start` is the text read so far, `rest` the pieces after it. */
export async function* vcardRecords(start: string, rest: AsyncIterator<string>): AsyncGenerator<CsvRecord[]> {
  const cards = new Cards();
  let carry = start;
  for (;;) {
    const next = await rest.next();
    if (!next.done) carry += next.value;
    const end = next.done ? carry.length + 1 : carry.lastIndexOf('\n') + 1;
    // Whole lines only: a line cut between two pieces waits for the rest of it.
    const records = end > 0 ? cards.take(carry.slice(0, Math.max(0, end - 1))) : [];
    carry = end > 0 ? carry.slice(end) : carry;
    if (records.length) yield records;
    if (next.done) {
      cards.end();
      return;
    }
    if (carry.length > MAX_RECORD) throw dataError(`a line of the file is longer than ${MAX_RECORD / (1 << 20)} MB; nothing was written`);
  }
}
