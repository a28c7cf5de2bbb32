// The SQLite store's tables and indexes, as numbered migrations. Written in the SQL that SQLite and PostgreSQL
// share (TEXT, INTEGER, partial indexes, no AUTOINCREMENT, no sequences) so a PostgreSQL backend can reuse it with
// a few substitutions: INTEGER ids → BIGINT, REAL → DOUBLE PRECISION, and no WITHOUT ROWID (SQLite's clustered
// tables: a prospect's history rows sit together in key order, so reading them is a range scan, not a look-up each).
//
// Conventions:
// - Ids come from the `counters` table inside the writing transaction, never from AUTOINCREMENT or a sequence:
//   a refused or rolled-back command hands out no id, so a command sequence numbers records as the JSON store does.
// - Instants are the ISO-8601 strings of docs/CONTRACT.md §4, compared as text (the domain compares them the same way).
// - Lists and maps that no query looks inside (tags, custom fields, survey questions, answers) are JSON text.
// - `*_key` columns hold the domain's lookup keys (dedupe.ts, references.ts, queries.ts), computed by precrm on
//   every write, so a lookup is an index seek and means exactly what the domain means (SQLite's lower() knows
//   only ASCII). `*_ms` columns are instants as epoch milliseconds (reports/instants.ts toMs): a window on them
//   compares instants, as the domain does, whatever ISO form the text has.
// - The funnel's per-prospect facts, from the domain's journeyOf on every write: `furthest_rank` (aware = 0 …
//   advocate = 5) and `reach_ms_<r>`, the milliseconds from creation to first reaching rank r (at least 0; NULL if
//   never). With (stage, furthest_rank) and one index per rank, `report funnel` counts and takes medians in the
//   database instead of reading 100,000 rows into JavaScript.

import { SQL_SCHEMA_VERSION } from '../sql/schema.js';

export { ID_KINDS, TABLES } from '../sql/schema.js';

/** The version this program writes; a database with a higher one is refused (exit 65), a lower one migrated. */
export const SQLITE_SCHEMA_VERSION = SQL_SCHEMA_VERSION;

const V1 = `
CREATE TABLE schema_version (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL
);

CREATE TABLE counters (
  kind TEXT PRIMARY KEY,
  next_id INTEGER NOT NULL
);
INSERT INTO counters (kind, next_id) VALUES ('prospect', 1), ('touch', 1), ('survey', 1), ('response', 1);

CREATE TABLE prospects (
  id INTEGER PRIMARY KEY,
  name TEXT,
  email TEXT,
  phone TEXT,
  company TEXT,
  source TEXT,
  stage TEXT NOT NULL,
  tags TEXT NOT NULL,
  owner TEXT,
  referred_by INTEGER,
  do_not_contact INTEGER NOT NULL,
  cadence_days INTEGER,
  lost_reason TEXT,
  follow_up_at TEXT,
  follow_up_note TEXT,
  fields TEXT NOT NULL,
  conversion_at TEXT,
  conversion_value REAL,
  conversion_currency TEXT,
  conversion_product TEXT,
  notes TEXT,
  forgotten_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  email_key TEXT,
  phone_key TEXT,
  name_lower TEXT,
  name_key TEXT,
  created_ms INTEGER NOT NULL,
  conversion_ms INTEGER,
  furthest_rank INTEGER NOT NULL,
  reach_ms_0 INTEGER,
  reach_ms_1 INTEGER,
  reach_ms_2 INTEGER,
  reach_ms_3 INTEGER,
  reach_ms_4 INTEGER,
  reach_ms_5 INTEGER
);
CREATE INDEX prospects_email_key ON prospects (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX prospects_phone_key ON prospects (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX prospects_name_lower ON prospects (name_lower) WHERE name_lower IS NOT NULL;
CREATE INDEX prospects_name_key ON prospects (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX prospects_referred_by ON prospects (referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX prospects_follow_up ON prospects (follow_up_at) WHERE follow_up_at IS NOT NULL;
CREATE INDEX prospects_cadence ON prospects (cadence_days) WHERE cadence_days IS NOT NULL;
CREATE INDEX prospects_stage ON prospects (stage, furthest_rank);
CREATE INDEX prospects_reach_0 ON prospects (reach_ms_0);
CREATE INDEX prospects_reach_1 ON prospects (reach_ms_1) WHERE reach_ms_1 IS NOT NULL;
CREATE INDEX prospects_reach_2 ON prospects (reach_ms_2) WHERE reach_ms_2 IS NOT NULL;
CREATE INDEX prospects_reach_3 ON prospects (reach_ms_3) WHERE reach_ms_3 IS NOT NULL;
CREATE INDEX prospects_reach_4 ON prospects (reach_ms_4) WHERE reach_ms_4 IS NOT NULL;
CREATE INDEX prospects_reach_5 ON prospects (reach_ms_5) WHERE reach_ms_5 IS NOT NULL;
CREATE INDEX prospects_created ON prospects (created_ms);

CREATE TABLE stage_history (
  prospect_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  stage TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (prospect_id, seq)
) WITHOUT ROWID;

CREATE TABLE consent (
  prospect_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  granted INTEGER NOT NULL,
  note TEXT,
  PRIMARY KEY (prospect_id, seq)
) WITHOUT ROWID;

CREATE TABLE touches (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT,
  outcome TEXT,
  direction TEXT,
  logged_by TEXT
);
CREATE INDEX touches_prospect_at ON touches (prospect_id, at, id);
CREATE INDEX touches_at ON touches (at, id);

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  questions TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX surveys_name_key ON surveys (name_key);

CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  survey TEXT NOT NULL,
  survey_key TEXT NOT NULL,
  prospect_id INTEGER,
  segment TEXT NOT NULL,
  stage TEXT,
  at TEXT NOT NULL,
  answers TEXT NOT NULL
);
CREATE INDEX responses_survey ON responses (survey_key, at, id);
CREATE INDEX responses_prospect ON responses (prospect_id) WHERE prospect_id IS NOT NULL;
`;

// The suppression list (domain/suppression.ts): one row per keyed hash, and the store's one secret they are keyed
// with (id is always 1, so "keep it unless there is one" is a single INSERT … ON CONFLICT DO NOTHING).
const V2 = `
CREATE TABLE suppression_secret (
  id INTEGER PRIMARY KEY,
  secret TEXT NOT NULL
);

CREATE TABLE suppression (
  hash TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * MIGRATIONS[n - 1] takes a database from version n - 1 to n (version 0 = no tables yet). Each runs in the
 * write transaction that first needs it, and records its number in `schema_version`. Never edit a released one:
 * add the next.
 */
export const MIGRATIONS: readonly string[] = [V1, V2];
