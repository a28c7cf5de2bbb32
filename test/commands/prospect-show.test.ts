// prospect show in a terminal: long free text wraps to the window on every line, nothing cut, keys never run into values.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

const NOTE = 'allergic to hazelnuts, wants a three-tier lemon and elderflower cake for 120 guests on 14 June, budget around 900 EUR';
const NEXT = 'send the revised quote with the gluten-free top tier and the elderflower syrup option, and ask about the venue';
const FIELD = 'evenings after six, never on Sundays because the whole family is at the farmers market';
const PRODUCT = 'three-tier lemon and elderflower wedding cake with a gluten-free top tier and sugared violets';
const TOUCH = 'talked through the tasting menu: she liked the lemon sponge but wants less sugar in the buttercream';
const CONSENT = 'asked by phone not to be called about anything but the wedding until the end of June';
const REFERRER = 'Anne-Sophie Delacroix-Martin de la Tour du Pin-Montmorency';

/** Priya: every kind of free text `prospect show` prints, each longer than a terminal line. */
async function priya(): Promise<string> {
  const s = await tempStore();
  const steps: [string, string[]][] = [
    ['2026-01-10T09:00', ['prospect', 'add', REFERRER, '--email', 'anne-sophie@example.fr']],
    ['2026-01-19T09:05', ['prospect', 'add', 'Priya Nair', '--email', 'priya@example.org', '--referred-by', 'anne-sophie', '--note', NOTE,
      '--field', `preferred_contact_time=${FIELD}`, '--field', 'allergy_note=hazelnuts', '--field', 'diet=vegetarian']],
    ['2026-01-20T10:00', ['touch', 'log', 'priya', 'tasting', TOUCH, '--direction', 'in', '--outcome', 'positive']],
    ['2026-02-15T15:00', ['convert', 'priya', '--value', '900', '--currency', 'EUR', '--product', PRODUCT]],
    ['2026-02-16T10:00', ['prospect', 'do-not-contact', 'priya', '--note', CONSENT]],
    ['2026-02-16T11:00', ['prospect', 'do-not-contact', 'priya', '--off']],
    ['2026-02-17T10:00', ['prospect', 'follow-up', 'priya', '2026-03-01', NEXT]],
    ['2026-02-18T10:00', ['prospect', 'add', 'Lucie Bernard', '--referred-by', 'priya']],
  ];
  for (const [when, args] of steps) {
    const r = await run(s, args, { now: `${when}:00.000Z` });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  return s;
}

const show = (store: string, columns: string) =>
  run(store, ['prospect', 'show', 'priya'], { now: '2026-02-20T12:00:00.000Z', stdoutTTY: true, env: { COLUMNS: columns, NO_COLOR: '1' } });

/** The text as one line again: wrapped lines joined, the indentation of their continuations gone. */
const unwrapped = (screen: string) => screen.replace(/\s+/g, ' ');

describe('prospect show in a terminal', () => {
  it('wraps notes, follow-up, custom fields, conversion, referrals, consent and touch notes at 80 columns (golden)', async () => {
    const r = await show(await priya(), '80');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/priya-story-80.txt');
    expect(r.stdout).not.toContain('…');
    expect(r.stdout.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
    for (const text of [NOTE, NEXT, FIELD, PRODUCT, TOUCH, CONSENT, REFERRER]) expect(unwrapped(r.stdout)).toContain(text);
  });

  it('a custom field key of 12 or more characters never runs into its value: the value goes on the next line', async () => {
    const lines = (await show(await priya(), '80')).stdout.split('\n');
    const key = lines.findIndex((l) => l === 'allergy_note');
    expect(lines[key + 1]).toBe(`${' '.repeat(13)}hazelnuts`);
    expect(lines).toContain(`diet${' '.repeat(9)}vegetarian`);
  });

  it('on a 40-column terminal too: every word kept, no line wider than the window', async () => {
    const r = await show(await priya(), '40');
    expect(r.stdout).not.toContain('…');
    expect(r.stdout.split('\n').filter((l) => stringWidth(l) > 40)).toEqual([]);
    for (const text of [NOTE, NEXT, FIELD, PRODUCT, TOUCH, CONSENT, REFERRER]) expect(unwrapped(r.stdout)).toContain(text);
  });

  it('piped, every line is whole: nothing wrapped, nothing cut', async () => {
    const r = await run(await priya(), ['prospect', 'show', 'priya'], { now: '2026-02-20T12:00:00.000Z', env: { COLUMNS: '80' } });
    expect(r.stdout.split('\n')).toContain(`notes        ${NOTE}`);
    expect(r.stdout.split('\n')).toContain(`${' '.repeat(13)}${FIELD}`);
  });
});
