// The terminal view of one relationship's story (`prospect show`): labelled lines wrapped to the window, coloured.
import type { ChalkInstance } from 'chalk';
import { showDateTime, showDay } from '../../domain/dates.js';
import type { PersonRef, ProspectStory } from '../../domain/story.js';
import type { Purchase, Touch } from '../../domain/types.js';
import type { Strlen } from '../../output/table.js';
import { oneLine } from '../../output/text.js';
import { wrapSpans, type Span } from '../../output/wrap.js';

const person = (r: PersonRef) => `${r.name === null ? '(forgotten)' : oneLine(r.name)} #${r.id} (${r.stage})`;
const arrow = (t: Touch) => (t.direction === 'in' ? '←' : t.direction === 'out' ? '→' : ' ');

/** The cells of a label before its value: the value starts in the same column on every line. */
const LABEL = 13;
/** Where a touch's note starts (`  2026-01-23 18:00 ← visit    `): its wrapped lines go on from there. */
const TOUCH_NOTE = 30;
/** Where a consent entry goes on after its date. */
const CONSENT_NOTE = 20;

type Writer = ReturnType<typeof writer>;

/** Lines of a story for a width (undefined: pipes, each line whole); `len` counts terminal cells. */
function writer(c: ChalkInstance, width: number | undefined, len: Strlen) {
  const lines: string[] = [];
  const add = (spans: Span[], indent: number) => { lines.push(...wrapSpans(spans, width, indent, len)); };
  /** `label  value`, the value going on under itself; nothing when there is no value. */
  const labelled = (k: string, ...value: Span[]) => {
    if (!value.some((v) => v.text)) return;
    // A label too long for its column (a custom field's key) gets a line of its own: it never runs into its value.
    if (len(k) + 2 > LABEL) {
      add([{ text: k, style: c.dim }], LABEL);
      add([{ text: ' '.repeat(LABEL) }, ...value], LABEL);
    } else add([{ text: k.padEnd(LABEL), style: c.dim }, ...value], LABEL);
  };
  const line = (k: string, v: string | null | undefined) => labelled(k, { text: v ?? '' });
  const heading = (title: string) => { lines.push('', c.bold(title)); };
  return { c, lines, add, labelled, line, heading };
}

/** The terminal view, wrapped to `width`. Every stored string passes through oneLine() before it is coloured. */
export function renderStory(s: ProspectStory, c: ChalkInstance, width: number | undefined, len: Strlen): string {
  const w = writer(c, width, len);
  const stage = s.stage === 'lost' ? { text: `lost (furthest: ${s.furthestStage})`, style: c.red } : { text: s.stage, style: c.cyan };
  w.add([{ text: s.name !== null ? oneLine(s.name) : s.description !== null ? `(${oneLine(s.description)})` : '(forgotten)', style: c.bold }, { text: `  #${s.id}  ` }, stage], 2);
  record(s, w);
  w.heading('stage history');
  for (const h of s.stageHistory) w.add([{ text: `  ${showDateTime(h.at)}  ${h.stage}` }], 4);
  if (s.consent.length) w.heading('consent log');
  for (const e of s.consent) {
    w.add([{ text: `  ${showDateTime(e.at)}  ${e.granted ? 'may contact' : 'do not contact'}${e.note ? `  ${oneLine(e.note)}` : ''}` }], CONSENT_NOTE);
  }
  // The first purchase is the `converted` line; a list only once there is more than one.
  if (s.purchases.length > 1) w.heading(`purchases (${s.purchases.length})`);
  if (s.purchases.length > 1) for (const u of s.purchases) w.add([{ text: `  ${purchaseLine(u)}` }], 4);
  w.heading(`touches (${s.touches.length}, newest first)`);
  for (const t of s.touches) w.add(touchSpans(t, c), TOUCH_NOTE);
  if (!s.touches.length) w.lines.push('  none yet');
  return `${w.lines.join('\n')}\n`;
}

const text = (v: string | null | undefined) => (v ? oneLine(v) : null);

/** The record's labelled lines: contact details, plans, fields, notes, the conversion and referrals. */
function record(s: ProspectStory, w: Writer): void {
  const { line, c } = w;
  // Once named, the description is kept: it says who they were before.
  if (s.name !== null) line('description', text(s.description));
  line('email', text(s.email));
  line('phone', text(s.phone));
  line('company', text(s.company));
  line('source', text(s.source));
  line('owner', text(s.owner));
  line('tags', text(s.tags.join(', ')));
  line('created', showDateTime(s.createdAt));
  if (s.forgottenAt) line('forgotten', `${showDay(s.forgottenAt)} — personal data erased`);
  line('lost because', text(s.lostReason));
  if (s.followUp) line('follow-up', `${showDay(s.followUp.at)}${s.followUp.note ? `  ${oneLine(s.followUp.note)}` : ''}`);
  if (s.cadenceDays) line('cadence', `every ${s.cadenceDays} day(s), next due ${showDay(s.cadenceDueAt)}`);
  line('last touch', s.lastTouchAt ? showDateTime(s.lastTouchAt) : 'never');
  if (s.doNotContact) w.labelled('consent', { text: 'do not contact', style: c.red });
  for (const [k, v] of Object.entries(s.fields)) line(oneLine(k), oneLine(v));
  line('notes', text(s.notes));
  line('converted', conversion(s));
  if (s.referrer) line('referred by', person(s.referrer));
  if (s.referrals.length) line('referred', s.referrals.map(person).join(', '));
}

function conversion(s: ProspectStory): string | null {
  // A customer imported without a purchase date: bought, on a day nobody recorded.
  if (!s.conversion) return s.furthestStage === 'customer' || s.furthestStage === 'advocate' ? 'date unknown' : null;
  const v = s.conversion;
  const value = v.value === null ? '' : ` ${v.value}${v.currency ? ` ${v.currency}` : ''}`;
  const product = v.product ? `, ${oneLine(v.product)}` : '';
  return `${showDay(v.at)}${value}${product} — ${s.daysToConvert} day(s) after being added, ${s.touchesBeforeConversion} touch(es) before`;
}

/** `2026-06-10  250 INR  birthday cake  order 1042`. */
function purchaseLine(u: Purchase): string {
  const parts = [showDay(u.at), u.value === null ? null : `${u.value} ${u.currency ?? ''}`.trim(), text(u.product), u.orderId ? `order ${oneLine(u.orderId)}` : null];
  return parts.filter(Boolean).join('  ');
}

function touchSpans(t: Touch, c: ChalkInstance): Span[] {
  const cost = t.cost === null ? null : `cost ${t.cost} ${t.currency ?? ''}`.trim();
  const extra = [t.outcome, t.by ? `by ${oneLine(t.by)}` : null, cost].filter(Boolean).join(', ');
  return [
    { text: `  ${showDateTime(t.at)} ${arrow(t)} ${t.type.padEnd(8)}${t.note ? ` ${oneLine(t.note)}` : ''}` },
    { text: extra ? `  (${extra})` : '', style: c.dim },
    { text: '  ' },
    { text: `#${t.id}`, style: c.dim },
  ];
}
