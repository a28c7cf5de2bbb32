// What the plans of an import came to, batch by batch and added up.
import type { Rejection, RowOutcome } from '../../csv/report.js';

/** What the plans of an import came to, added up over its batches. */
export interface Tally {
  created: number;
  merged: number;
  skipped: number;
  rejected: Rejection[];
  warnings: string[];
  /** A dry run's per-row listing (created, merged, skipped). */
  outcomes: RowOutcome[];
  /** Lines whose email no prospect has (survey responses recorded as anonymous). */
  unknownEmails: number[];
  /** Rows left out for the suppression list (prospect imports only; absent for the others). */
  suppressed?: number;
  /** People kept without the email another row of the file gave (prospects). */
  shared: number;
}

export const emptyTally = (): Tally => ({ created: 0, merged: 0, skipped: 0, rejected: [], warnings: [], outcomes: [], unknownEmails: [], shared: 0 });

export function addTally(into: Tally, t: Tally): void {
  into.created += t.created;
  into.merged += t.merged;
  into.skipped += t.skipped;
  if (t.suppressed !== undefined) into.suppressed = (into.suppressed ?? 0) + t.suppressed;
  into.shared += t.shared;
  for (const key of ['rejected', 'warnings', 'outcomes', 'unknownEmails'] as const) for (const x of t[key]) (into[key] as unknown[]).push(x);
}
