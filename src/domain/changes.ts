// What a domain mutation changed, as records to write: a store applies it as a few row writes
// (store/apply.ts), a dry run can print it, and a test can read it.
import type { Prospect, Purchase, Survey, SurveyResponse, Touch } from './types.js';

export interface Changes {
  insert: { prospects: Prospect[]; touches: Touch[]; surveys: Survey[]; responses: SurveyResponse[] };
  /** Purchases are written before prospects: a prospect's write rewrites its first purchase, which must be in place. */
  update: { prospects: Prospect[]; touches: Touch[]; responses: SurveyResponse[]; purchases: Purchase[] };
  delete: {
    prospects: number[]; touches: number[]; responses: number[];
    /** Prospects merged into another: deleted, but their data lives on in the kept record, so nothing is erased. */
    mergedProspects: number[];
  };
}

function noChanges(): Changes {
  return {
    insert: { prospects: [], touches: [], surveys: [], responses: [] },
    update: { prospects: [], touches: [], responses: [], purchases: [] },
    delete: { prospects: [], touches: [], responses: [], mergedProspects: [] },
  };
}

type Part = { insert?: Partial<Changes['insert']>; update?: Partial<Changes['update']>; delete?: Partial<Changes['delete']> };

/** Changes from parts; records listed twice for update keep the last version. */
export function changes(...parts: Part[]): Changes {
  const all = noChanges();
  for (const part of parts) {
    for (const op of ['insert', 'update', 'delete'] as const) {
      const lists = part[op] as Record<string, unknown[]> | undefined;
      for (const [kind, list] of Object.entries(lists ?? {})) (all[op] as Record<string, unknown[]>)[kind]!.push(...list);
    }
  }
  for (const kind of ['prospects', 'touches', 'responses', 'purchases'] as const) all.update[kind] = lastById(all.update[kind] as { id: number }[]) as never;
  return all;
}

function lastById<T extends { id: number }>(list: T[]): T[] {
  const byId = new Map<number, T>();
  for (const r of list) byId.set(r.id, r);
  return [...byId.values()];
}
