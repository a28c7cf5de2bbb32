// The digest as text (for cron mail: no colour, no borders, lines under 80 columns, stable order), Markdown,
// a small self-contained HTML page, or JSON.
import { localDay } from '../../domain/dates.js';
import { periodDays, type Digest, type Tally } from '../../domain/digest.js';
import { inDaysText, shortDay } from '../../domain/occasions.js';
import { sanitizeForTerminal, wrapWords } from '../../output/text.js';

const WIDTH = 78;

/** +2, -1, or "same": the change against the previous period. */
const change = (now: number, before: number) => (now === before ? 'same' : now > before ? `+${fmt(now - before)}` : `-${fmt(before - now)}`);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const parts = (t: Tally) => t.parts.filter((p) => p.now > 0).map((p) => `${sanitizeForTerminal(p.name)} ${p.now} (${change(p.now, p.before)})`);

interface Line { label: string; tally?: Tally; value?: number; before?: number; detail?: string[] }

/**
 * The revenue line: `revenue 250 (+250)` in one currency, `revenue 12.50 EUR (+12.50), 250 INR (+250)` in several
 * (never one sum); none when there was no revenue in either period.
 */
function revenueLine(d: Digest): string[] {
  const codes = Object.keys(d.revenue.now).filter((c) => d.revenue.now[c] || d.revenue.before[c]);
  const one = (c: string) => `${fmt(d.revenue.now[c]!)}${Object.keys(d.revenue.now).length > 1 ? ` ${c}` : ''} (${change(d.revenue.now[c]!, d.revenue.before[c]!)})`;
  return codes.length ? [`revenue ${codes.map(one).join(', ')}`] : [];
}

/** The digest for JSON: revenue's figures are numbers in one currency (as they always were), objects keyed by currency in several. */
export function digestJson(d: Digest): string {
  const codes = Object.keys(d.revenue.now);
  const revenue = codes.length > 1 ? d.revenue : { now: d.revenue.now[codes[0]!] ?? 0, before: d.revenue.before[codes[0]!] ?? 0 };
  return `${JSON.stringify({ ...d, revenue }, null, 2)}\n`;
}

function lines(d: Digest): Line[] {
  const revenue = revenueLine(d);
  return [
    { label: 'New prospects', tally: d.newProspects, detail: parts(d.newProspects).length ? [`by source: ${parts(d.newProspects).join(', ')}`] : [] },
    {
      label: 'Touches logged',
      tally: d.touchesByType,
      detail: [parts(d.touchesByType), parts(d.touchesByPerson)].map((p, i) => (p.length ? `${i === 0 ? 'by type' : 'by person'}: ${p.join(', ')}` : '')).filter(Boolean),
    },
    { label: 'Stage moves', tally: d.stageMoves, detail: parts(d.stageMoves).length ? [`to: ${parts(d.stageMoves).join(', ')}`] : [] },
    { label: 'Conversions', tally: d.conversions, detail: revenue },
    { label: 'New referrals', tally: d.newReferrals },
    { label: 'New advocates', tally: d.newAdvocates },
  ];
}

const span = (d: Digest) => `${localDay(new Date(d.period.since))} to ${localDay(new Date(d.period.until))}`;
/** "these 7 days" / "the 7 days before", in calendar days at any hour of the run ("this day" for one). */
const these = (d: Digest) => (periodDays(d.period) === 1 ? 'this day' : `these ${periodDays(d.period)} days`);
const before = (d: Digest) => (periodDays(d.period) === 1 ? 'the day before' : `the ${periodDays(d.period)} days before`);

/** `Sat 14 Mar  wife's birthday: Ravi Sen (in 5 days)`: the coming-up section's lines. */
function comingUpLines(d: Digest): string[] {
  return d.comingUp.map((c) => {
    const day = new Date(`${c.day}T00:00:00`);
    return `${shortDay(day)}  ${c.label}: ${c.name ?? `prospect ${c.prospectId}`} (${inDaysText(c.inDays)})`;
  });
}

function nowLines(d: Digest): [string, number][] {
  return [['Due in the next 7 days', d.dueNext7Days], ['Stale (no touch for 14+ days)', d.stale]];
}

export function digestText(d: Digest): string {
  const out = [`precrm digest: ${span(d)}`];
  if (d.quiet) {
    out.push('', `Nothing happened in ${these(d)}: no new prospects, touches, stage moves or conversions.`);
  } else {
    out.push(`Each figure with its change against ${before(d)}.`, '');
    for (const l of lines(d)) {
      out.push(`${l.label.padEnd(24)}${String(l.tally!.now).padStart(6)}  ${change(l.tally!.now, l.tally!.before)}`);
      for (const detail of l.detail ?? []) out.push(...wrapWords(detail, WIDTH - 4).split('\n').map((s) => `    ${s}`));
    }
  }
  out.push('');
  for (const [label, n] of nowLines(d)) out.push(`${label.padEnd(30)}${String(n).padStart(6)}`);
  if (d.comingUp.length) out.push('', 'Coming up (next 7 days)', ...comingUpLines(d).map((l) => `    ${sanitizeForTerminal(l)}`));
  return `${out.join('\n')}\n`;
}

const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1');

export function digestMarkdown(d: Digest): string {
  const out = [`# precrm digest: ${span(d)}`, ''];
  if (d.quiet) out.push(`Nothing happened in ${these(d)}: no new prospects, touches, stage moves or conversions.`, '');
  else {
    out.push(`Each figure with its change against ${before(d)}.`, '', '| | count | change |', '|---|---:|---|');
    for (const l of lines(d)) out.push(`| ${l.label} | ${l.tally!.now} | ${change(l.tally!.now, l.tally!.before)} |`);
    out.push('');
    for (const l of lines(d)) for (const detail of l.detail ?? []) out.push(`- ${l.label}, ${md(detail)}`);
    out.push('');
  }
  for (const [label, n] of nowLines(d)) out.push(`- ${label}: **${n}**`);
  if (d.comingUp.length) out.push('', '## Coming up (next 7 days)', '', ...comingUpLines(d).map((l) => `- ${md(l)}`));
  return `${out.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function digestHtml(d: Digest): string {
  const rows = d.quiet ? [] : lines(d).map((l) => `<tr><th>${esc(l.label)}</th><td>${l.tally!.now}</td><td>${esc(change(l.tally!.now, l.tally!.before))}</td><td>${(l.detail ?? []).map(esc).join('<br>')}</td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>precrm digest: ${esc(span(d))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{text-align:left;padding:.2rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}td:nth-child(2){text-align:right}</style>
</head><body>
<h1>precrm digest: ${esc(span(d))}</h1>
${d.quiet ? `<p>Nothing happened in ${these(d)}: no new prospects, touches, stage moves or conversions.</p>` : `<p>Each figure with its change against ${before(d)}.</p>\n<table>${rows.join('\n')}</table>`}
<ul>${nowLines(d).map(([l, n]) => `<li>${esc(l)}: <strong>${n}</strong></li>`).join('')}</ul>
${d.comingUp.length ? `<h2>Coming up (next 7 days)</h2>\n<ul>${comingUpLines(d).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>\n` : ''}</body></html>
`;
}
