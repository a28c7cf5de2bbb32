// A self-contained HTML page of report sections: inline style only, no script, nothing fetched when opened (a
// Content-Security-Policy forbids it), readable on a phone and printed on A4. Knows columns and rows, not prospects.
import { valueOf, type Column } from './columns.js';
import { csvValue } from './render.js';

export interface Section {
  id: string;
  title: string;
  /** One or two sentences on how to read the section. */
  intro?: string;
  /** Chart markup (an SVG), made beforehand. */
  chart?: string;
  columns?: readonly Column<any>[];
  rows?: readonly unknown[];
  /** Said instead of an empty table. */
  empty?: string;
  /** Said under the table: the rows left out of it (`and 12 more`). */
  more?: string;
}

export interface Page { title: string; subtitle: string; sections: Section[] }

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
:root{color-scheme:light}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:2px solid #3182bd;padding-bottom:.2rem}
p.sub,p.intro{color:#555;margin:.2rem 0 .6rem}
figure{margin:.4rem 0}
figure svg{width:100%;height:auto;max-width:100%}
figure svg.narrow{display:none}
p.more{color:#555;margin:.3rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;min-width:50%}
th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n{text-align:right}
th{background:#f3f6f9}
section{break-inside:avoid-page}
@media (max-width:40rem){body{font-size:14px;padding:.5rem}th,td{padding:.2rem .35rem}figure svg.wide{display:none}figure svg.narrow{display:block}}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}figure,table{break-inside:avoid}}
`;

const numeric = (c: Column<any>) => c.type === 'int' || c.type === 'number' || c.type === 'rate';

function cell(c: Column<any>, row: unknown): string {
  const v = valueOf(c, row);
  if (v === null || v === undefined) return numeric(c) ? '<td class="n"></td>' : '<td></td>';
  if (c.type === 'rate' && typeof v === 'number') return `<td class="n" data-value="${v}">${(v * 100).toFixed(1)}%</td>`;
  if (c.type === 'number' && typeof v === 'number') return `<td class="n" data-value="${v}">${v.toFixed(c.decimals ?? 1)}</td>`;
  if (c.type === 'int') return `<td class="n" data-value="${v}">${v}</td>`;
  return `<td>${escapeHtml(csvValue(c, v))}</td>`;
}

function table(s: Section): string {
  if (!s.columns || !s.rows) return '';
  if (s.rows.length === 0) return `<p class="empty">${escapeHtml(s.empty ?? 'Nothing yet.')}</p>`;
  const head = s.columns.map((c) => `<th scope="col">${escapeHtml(c.label ?? c.key.replace(/_/g, ' '))}</th>`).join('');
  const body = s.rows.map((r) => `<tr>${s.columns!.map((c) => cell(c, r)).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

export function renderPage(page: Page): string {
  const sections = page.sections.map((s) => [
    `<section id="${escapeHtml(s.id)}">`,
    `<h2>${escapeHtml(s.title)}</h2>`,
    s.intro ? `<p class="intro">${escapeHtml(s.intro)}</p>` : '',
    s.chart ? `<figure>${s.chart}</figure>` : '',
    table(s),
    s.more ? `<p class="more">${escapeHtml(s.more)}</p>` : '',
    '</section>',
  ].filter(Boolean).join('\n'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(page.title)}</h1><p class="sub">${escapeHtml(page.subtitle)}</p></header>
${sections.join('\n')}
</body>
</html>
`;
}
