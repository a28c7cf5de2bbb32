// Tallies: counts of anonymous touches ("greeted 40 passers-by", "60 samples at the market"), made from checked
// input. They belong to no prospect, so nothing else changes when one is logged.
import type { Tally, TouchType } from './types.js';

export interface TallyInput {
  type: TouchType;
  count: number;
  at: string;
  note: string | null;
  by: string | null;
  /** What it cost, with its currency (both or neither). */
  cost: { value: number; currency: string } | null;
}

export function newTally(id: number, input: TallyInput): Tally {
  return {
    id,
    type: input.type,
    count: input.count,
    at: input.at,
    note: input.note,
    by: input.by,
    cost: input.cost?.value ?? null,
    currency: input.cost?.currency ?? null,
  };
}
