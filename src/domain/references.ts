// Resolves a user's <prospect> reference: numeric id, email (case-insensitive), or name / unique prefix.
import { PrecrmError, EXIT, notFoundError } from './errors.js';
import type { Prospect } from './types.js';

/** Lower case without diacritics: "Tomás" and "tomas" compare equal. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

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
  // Then without accents, so `tomas` finds "Tomás Ortega" on a keyboard without á.
  const folded = fold(text);
  const loose = exact.length ? exact : prospects.filter((x) => x.name !== null && fold(x.name) === folded);
  if (loose.length === 1) return loose[0]!;
  const matches = loose.length > 1 ? loose : prospects.filter((x) => folded && x.name !== null && fold(x.name).startsWith(folded));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const shown = matches.slice(0, 10).map((p) => `  ${p.id}  ${p.name}${p.email ? ` <${p.email}>` : ''}`);
    if (matches.length > 10) shown.push(`  … and ${matches.length - 10} more`);
    throw new PrecrmError(`"${text}" matches ${matches.length} prospects; use the id or email:`, EXIT.usage, shown);
  }
  const word = text.split(/[\s@]/)[0] || text;
  throw notFoundError(`no prospect matches "${text}" (try: precrm prospect list --search ${word})`);
}
