// Resolves a user's <prospect> reference: numeric id, email (case-insensitive), or name / unique prefix.
import { PrecrmError, EXIT, notFoundError } from './errors.js';
import type { Prospect } from './types.js';

export function resolveProspect(prospects: readonly Prospect[], ref: string): Prospect {
  const text = ref.trim();
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    const p = prospects.find((x) => x.id === id);
    if (p) return p;
    throw notFoundError(`no prospect has id ${text} (try: precrm prospect list)`);
  }
  const lower = text.toLowerCase();
  if (lower.includes('@')) {
    const p = prospects.find((x) => x.email?.toLowerCase() === lower);
    if (p) return p;
  }
  const exact = prospects.filter((x) => x.name?.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  const matches = exact.length > 1 ? exact : prospects.filter((x) => lower && x.name?.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const shown = matches.slice(0, 10).map((p) => `  ${p.id}  ${p.name}${p.email ? ` <${p.email}>` : ''}`);
    if (matches.length > 10) shown.push(`  … and ${matches.length - 10} more`);
    throw new PrecrmError(`"${text}" matches ${matches.length} prospects; use the id or email:`, EXIT.usage, shown);
  }
  const word = text.split(/[\s@]/)[0] || text;
  throw notFoundError(`no prospect matches "${text}" (try: precrm prospect list --search ${word})`);
}
