// prospect show: the full story of one relationship — readable in a terminal, complete in JSON.
import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { showDateTime, showDay } from '../domain/dates.js';
import { prospectStory, type PersonRef, type ProspectStory } from '../domain/story.js';
import type { Touch } from '../domain/types.js';
import { renderRows } from '../output/render.js';
import { oneLine } from '../output/text.js';
import { findProspect } from './lookup.js';
import { fitLines } from './print.js';
import { PROSPECT_CSV_COLUMNS, fieldColumns } from './prospect-columns.js';

export async function showProspect(ctx: Context, ref: string): Promise<void> {
  const store = await ctx.openStore();
  const p = await findProspect(store, ref);
  const [touches, referrer, referred] = await Promise.all([
    store.listTouches({ prospectId: p.id }), p.referredBy === null ? null : store.getProspect(p.referredBy), store.referralsOf(p.id),
  ]);
  const story = prospectStory(p, touches, referrer, referred);
  if (ctx.format === 'json') ctx.out(`${JSON.stringify(story, null, 2)}\n`);
  // A terminal gets each line cut to the window (a long note ends in …); pipes get it whole.
  else if (ctx.format === 'table') await ctx.page(await fitLines(ctx, renderStory(story, ctx.color)));
  else ctx.out(await renderRows([p], [...PROSPECT_CSV_COLUMNS, ...fieldColumns([p])], { format: ctx.format, color: ctx.color }));
}

const person = (r: PersonRef) => `${r.name === null ? '(forgotten)' : oneLine(r.name)} #${r.id} (${r.stage})`;
const arrow = (t: Touch) => (t.direction === 'in' ? '←' : t.direction === 'out' ? '→' : ' ');

/** The terminal view. Every stored string passes through oneLine() before it is coloured. */
export function renderStory(s: ProspectStory, c: ChalkInstance): string {
  const line = (k: string, v: string | null | undefined) => (v ? `${c.dim(k.padEnd(13))}${v}\n` : '');
  const text = (v: string | null | undefined) => (v ? oneLine(v) : null);
  const stage = s.stage === 'lost' ? c.red(`lost (furthest: ${s.furthestStage})`) : c.cyan(s.stage);
  let out = `${c.bold(s.name === null ? '(forgotten)' : oneLine(s.name))}  #${s.id}  ${stage}\n`;
  out += line('email', text(s.email)) + line('phone', text(s.phone)) + line('company', text(s.company));
  out += line('source', text(s.source)) + line('owner', text(s.owner)) + line('tags', text(s.tags.join(', ')));
  out += line('created', showDateTime(s.createdAt));
  if (s.forgottenAt) out += line('forgotten', `${showDay(s.forgottenAt)} — personal data erased`);
  out += line('lost because', text(s.lostReason));
  if (s.followUp) out += line('follow-up', `${showDay(s.followUp.at)}${s.followUp.note ? `  ${oneLine(s.followUp.note)}` : ''}`);
  if (s.cadenceDays) out += line('cadence', `every ${s.cadenceDays} day(s), next due ${showDay(s.cadenceDueAt)}`);
  out += line('last touch', s.lastTouchAt ? showDateTime(s.lastTouchAt) : 'never');
  if (s.doNotContact) out += line('consent', c.red('do not contact'));
  for (const [k, v] of Object.entries(s.fields)) out += line(oneLine(k), oneLine(v));
  out += line('notes', text(s.notes));
  out += conversionSection(s, c) + referralSection(s, c);
  out += `\n${c.bold('stage history')}\n`;
  for (const h of s.stageHistory) out += `  ${showDateTime(h.at)}  ${h.stage}\n`;
  if (s.consent.length) {
    out += `\n${c.bold('consent log')}\n`;
    for (const e of s.consent) out += `  ${showDateTime(e.at)}  ${e.granted ? 'may contact' : 'do not contact'}${e.note ? `  ${oneLine(e.note)}` : ''}\n`;
  }
  out += `\n${c.bold(`touches (${s.touches.length}, newest first)`)}\n`;
  for (const t of s.touches) {
    const extra = [t.outcome, t.by ? `by ${oneLine(t.by)}` : null].filter(Boolean).join(', ');
    out += `  ${showDateTime(t.at)} ${arrow(t)} ${t.type.padEnd(8)}${t.note ? ` ${oneLine(t.note)}` : ''}${extra ? c.dim(`  (${extra})`) : ''}  ${c.dim(`#${t.id}`)}\n`;
  }
  if (!s.touches.length) out += '  none yet\n';
  return out;
}

function conversionSection(s: ProspectStory, c: ChalkInstance): string {
  // A customer imported without a purchase date: bought, on a day nobody recorded.
  if (!s.conversion) return s.furthestStage === 'customer' || s.furthestStage === 'advocate' ? `${c.dim('converted'.padEnd(13))}date unknown\n` : '';
  const v = s.conversion;
  const value = v.value === null ? '' : ` ${v.value}${v.currency ? ` ${v.currency}` : ''}`;
  const product = v.product ? `, ${oneLine(v.product)}` : '';
  return `${c.dim('converted'.padEnd(13))}${showDay(v.at)}${value}${product} — ${s.daysToConvert} day(s) after being added, ${s.touchesBeforeConversion} touch(es) before\n`;
}

function referralSection(s: ProspectStory, c: ChalkInstance): string {
  let out = s.referrer ? `${c.dim('referred by'.padEnd(13))}${person(s.referrer)}\n` : '';
  if (s.referrals.length) out += `${c.dim('referred'.padEnd(13))}${s.referrals.map(person).join(', ')}\n`;
  return out;
}
