// Hand-built records for domain tests: a store document and prospects with known dates.
import { newProspect } from '../../src/domain/prospect.js';
import { emptyDoc, takeId, type Prospect, type Stage, type StoreDoc, type Touch, type TouchType } from '../../src/domain/types.js';

export function docWith(): StoreDoc {
  return emptyDoc();
}

export function addProspect(doc: StoreDoc, name: string, createdAt: string, extra: Partial<Prospect> = {}, stage: Stage = 'interested'): Prospect {
  const p = newProspect(takeId(doc, 'prospect'), { name }, stage, createdAt);
  Object.assign(p, extra);
  doc.prospects.push(p);
  return p;
}

export function addTouch(doc: StoreDoc, p: Prospect, at: string, type: TouchType = 'greeting'): Touch {
  const t: Touch = { id: takeId(doc, 'touch'), prospectId: p.id, type, at, note: null, outcome: null, direction: null, by: 'mitra' };
  doc.touches.push(t);
  return t;
}
