// What `prospect edit` changed, one short line per field for stderr: "email: old → new". Free text (notes, custom
// fields) is named, not quoted, and long values are cut, so the line stays a summary for the person at the terminal.
import { localDay } from '../../domain/dates.js';
import type { FieldChange } from '../../domain/prospect-changes.js';

const LABEL: Record<FieldChange['field'], string> = {
  name: 'name', description: 'description', email: 'email', phone: 'phone', company: 'company', source: 'source', stage: 'stage', owner: 'owner',
  tags: 'tags', referredBy: 'referred by', cadenceDays: 'cadence', followUp: 'follow-up', notes: 'notes', fields: 'fields',
};

const MAX = 40;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

function shown(c: FieldChange, v: unknown): string {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '(none)';
  switch (c.field) {
    case 'tags': return cut((v as string[]).join(', '));
    case 'cadenceDays': return `${v as number} day(s)`;
    case 'followUp': return localDay(new Date((v as { at: string }).at));
    case 'referredBy': return String(v);
    default: return cut(String(v));
  }
}

export function describeFieldChange(c: FieldChange): string {
  if (c.field === 'notes') return `notes: ${c.to === null ? 'cleared' : c.from === null ? 'added' : 'changed'}`;
  if (c.field === 'fields') {
    const [from, to] = [c.from as Record<string, string>, c.to as Record<string, string>];
    const keys = Object.keys({ ...from, ...to }).filter((k) => from[k] !== to[k]);
    return `fields: ${cut(keys.join(', '))} set`;
  }
  if (c.field === 'followUp' && c.from !== null && c.to !== null && shown(c, c.from) === shown(c, c.to)) return 'follow-up: note changed';
  return `${LABEL[c.field]}: ${shown(c, c.from)} → ${shown(c, c.to)}`;
}
