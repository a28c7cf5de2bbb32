// What the SQL backends share about their tables, whatever the dialect: the id kinds and their counters, and the
// tables a precrm database of the current schema has.
import type { IdKind } from '../../domain/types.js';

/** The schema version both SQL backends write (a database with a higher one is refused, a lower one upgraded). */
export const SQL_SCHEMA_VERSION = 6;

/** The record kinds with ids of their own (the same kinds, in the same order, as the JSON store's `nextId`). */
export const ID_KINDS = ['prospect', 'touch', 'survey', 'response', 'purchase', 'tally', 'occasion'] as const satisfies readonly IdKind[];

/** Every counter of the `counters` table: one per record kind. */
export const COUNTER_KINDS = ID_KINDS;
export type CounterKind = (typeof COUNTER_KINDS)[number];

/** The tables a precrm database has, for telling "empty", "ours" and "someone else's" apart. */
export const TABLES = [
  'schema_version', 'counters', 'prospects', 'prospect_tags', 'stage_history', 'consent', 'purchases', 'funnel_reach',
  'touches', 'surveys', 'responses', 'suppression_secret', 'suppression', 'tallies', 'occasions',
] as const;

/** The table of each record kind. */
export const TABLE_OF: Record<IdKind, string> = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses', purchase: 'purchases', tally: 'tallies', occasion: 'occasions' };
