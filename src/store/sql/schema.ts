// What both SQL backends know of their schema, whatever their dialect: the version this program writes, the kinds
// of ids the counters table hands out, and the tables a precrm database has. Each backend spells the tables in
// its own DDL (sqlite/, postgres/); neither imports the other.

/** The version this program writes; a database with a higher one is refused (exit 65), a lower one migrated. */
export const SQL_SCHEMA_VERSION = 2;

/** The kinds of ids, each with its own counter (the same kinds as the JSON store's `nextId`). */
export const ID_KINDS = ['prospect', 'touch', 'survey', 'response'] as const;

/** The tables a precrm database has, for telling "empty", "ours" and "someone else's" apart. */
export const TABLES = ['schema_version', 'counters', 'prospects', 'stage_history', 'consent', 'touches', 'surveys', 'responses', 'suppression_secret', 'suppression'] as const;
