// The SQLite store's tables, as the DDL of each schema version: SQLITE_DDL[n] takes a database from version n - 1
// to n (version 0 = no tables yet), in the write transaction that first needs it. Never edit a released one: add
// the next. Schema 3 is written for SQLite alone (PostgreSQL has its own text in src/store/postgres/).
//
// Conventions:
// - Ids come from the `counters` table inside the writing transaction, never from AUTOINCREMENT: a refused or
//   rolled-back command hands out no id, so a command sequence numbers records as the JSON store does.
// - Instants are the ISO-8601 strings of docs/CONTRACT.md §4, compared as text (the domain compares them the same way).
// - `*_key` columns hold the domain's lookup keys, computed by precrm on every write, so a look-up is an index
//   seek and means exactly what the domain means (SQLite's lower() knows only ASCII). `*_ms` columns are instants
//   as epoch milliseconds (reports/instants.ts toMs).
// - WITHOUT ROWID: a clustered table; a prospect's history rows sit together in key order (a range scan).

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

// Schema 3: a schema that guards its data. STRICT tables (a value of the wrong type is refused), foreign keys from
// every child row to its prospect (connections turn them on: connection.ts) and from responses to their survey by
// id, CHECKs on every enumeration and range; tags, purchases and the funnel's reach in tables of their own; money
// as the canonical decimal text of the domain's number (never a binary float).
//
// The foreign keys are DEFERRABLE INITIALLY DEFERRED: checked at COMMIT, so one transaction may write a prospect
// after a row that points at it (an import whose prospect refers to a later one; this migration, which copies the
// touches before the data step writes the prospects).
//
// The upgrade from schema 2: its indexes are dropped (their names are schema 3's), its tables renamed `v2_*`;
// what SQL can copy as it is (surveys, touches, responses with their survey's id) is copied here; the prospects
// and their own rows are built in TypeScript by the data step (sql/schema3-data.ts fillSchema3), which reads
// v2_prospects, v2_stage_history and v2_consent and then drops them. On a new database the same steps run on
// empty tables.
const V3 = `
DROP INDEX prospects_email_key;
DROP INDEX prospects_phone_key;
DROP INDEX prospects_name_lower;
DROP INDEX prospects_name_key;
DROP INDEX prospects_referred_by;
DROP INDEX prospects_follow_up;
DROP INDEX prospects_cadence;
DROP INDEX prospects_stage;
DROP INDEX prospects_reach_0;
DROP INDEX prospects_reach_1;
DROP INDEX prospects_reach_2;
DROP INDEX prospects_reach_3;
DROP INDEX prospects_reach_4;
DROP INDEX prospects_reach_5;
DROP INDEX prospects_created;
DROP INDEX touches_prospect_at;
DROP INDEX touches_at;
DROP INDEX surveys_name_key;
DROP INDEX responses_survey;
DROP INDEX responses_prospect;
ALTER TABLE prospects RENAME TO v2_prospects;
ALTER TABLE stage_history RENAME TO v2_stage_history;
ALTER TABLE consent RENAME TO v2_consent;
ALTER TABLE touches RENAME TO v2_touches;
ALTER TABLE surveys RENAME TO v2_surveys;
ALTER TABLE responses RENAME TO v2_responses;

INSERT INTO counters (kind, next_id) VALUES ('purchase', 1);

CREATE TABLE prospects (
  id INTEGER PRIMARY KEY,
  name TEXT,
  email TEXT,
  phone TEXT,
  company TEXT,
  source TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  owner TEXT,
  referred_by INTEGER REFERENCES prospects (id) DEFERRABLE INITIALLY DEFERRED,
  do_not_contact INTEGER NOT NULL CHECK (do_not_contact IN (0, 1)),
  cadence_days INTEGER CHECK (cadence_days >= 1),
  lost_reason TEXT,
  follow_up_at TEXT,
  follow_up_note TEXT CHECK (follow_up_note IS NULL OR follow_up_at IS NOT NULL),
  fields TEXT NOT NULL CHECK (CASE WHEN json_valid(fields) THEN json_type(fields) = 'object' ELSE 0 END),
  notes TEXT,
  forgotten_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  email_key TEXT,
  phone_key TEXT,
  name_lower TEXT,
  name_key TEXT,
  source_key TEXT,
  owner_key TEXT,
  search_text TEXT NOT NULL,
  created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX prospects_email_key ON prospects (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX prospects_phone_key ON prospects (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX prospects_name_lower ON prospects (name_lower) WHERE name_lower IS NOT NULL;
CREATE INDEX prospects_name_key ON prospects (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX prospects_referred_by ON prospects (referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX prospects_follow_up ON prospects (follow_up_at) WHERE follow_up_at IS NOT NULL;
CREATE INDEX prospects_cadence ON prospects (cadence_days) WHERE cadence_days IS NOT NULL;
CREATE INDEX prospects_stage ON prospects (stage);
CREATE INDEX prospects_created ON prospects (created_ms);

CREATE TABLE prospect_tags (
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  tag TEXT NOT NULL,
  tag_key TEXT NOT NULL,
  PRIMARY KEY (prospect_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX prospect_tags_key ON prospect_tags (tag_key, prospect_id);

CREATE TABLE stage_history (
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  stage TEXT NOT NULL CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  at TEXT NOT NULL,
  PRIMARY KEY (prospect_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE consent (
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  at TEXT NOT NULL,
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  note TEXT,
  PRIMARY KEY (prospect_id, seq)
) STRICT, WITHOUT ROWID;

-- A prospect's purchases; the first (smallest (at, id)) is its conversion. value: the canonical decimal text of
-- the amount (digits, at most one point, no sign, no exponent).
CREATE TABLE purchases (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  value TEXT CHECK (value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND value NOT GLOB '*.*.*' AND value NOT GLOB '*.'),
  currency TEXT,
  product TEXT,
  order_id TEXT
) STRICT;
CREATE INDEX purchases_prospect ON purchases (prospect_id, at, id);

-- The funnel: one row per path rank (aware = 0 … advocate = 5) the prospect reached, with the milliseconds from
-- its creation to first reaching it (at least 0), from the domain's journeyOf, rewritten on each prospect write.
-- The key finds a prospect's rows (rewrites, cascades); the one index walks a rank in time order (medians).
CREATE TABLE funnel_reach (
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  rank INTEGER NOT NULL CHECK (rank BETWEEN 0 AND 5),
  ms INTEGER NOT NULL CHECK (ms >= 0),
  PRIMARY KEY (prospect_id, rank)
) STRICT, WITHOUT ROWID;
CREATE INDEX funnel_reach_rank ON funnel_reach (rank, ms);

CREATE TABLE touches (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL CHECK (type IN ('greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting', 'event', 'website', 'social', 'referral', 'other')),
  at TEXT NOT NULL,
  note TEXT,
  outcome TEXT CHECK (outcome IN ('positive', 'neutral', 'negative')),
  direction TEXT CHECK (direction IN ('in', 'out')),
  logged_by TEXT
) STRICT;

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  questions TEXT NOT NULL CHECK (CASE WHEN json_valid(questions) THEN json_type(questions) = 'array' ELSE 0 END),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys (id) DEFERRABLE INITIALLY DEFERRED,
  prospect_id INTEGER REFERENCES prospects (id) DEFERRABLE INITIALLY DEFERRED,
  segment TEXT NOT NULL CHECK (segment IN ('anonymous', 'prospect', 'customer')),
  stage TEXT CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  at TEXT NOT NULL,
  answers TEXT NOT NULL CHECK (CASE WHEN json_valid(answers) THEN json_type(answers) = 'object' ELSE 0 END)
) STRICT;

INSERT INTO surveys (id, name, name_key, questions, created_at) SELECT id, name, name_key, questions, created_at FROM v2_surveys;
INSERT INTO touches (id, prospect_id, type, at, note, outcome, direction, logged_by)
  SELECT id, prospect_id, type, at, note, outcome, direction, logged_by FROM v2_touches;
INSERT INTO responses (id, survey_id, prospect_id, segment, stage, at, answers)
  SELECT r.id, (SELECT min(s.id) FROM surveys s WHERE s.name_key = r.survey_key), r.prospect_id, r.segment, r.stage, r.at, r.answers FROM v2_responses r;
DROP TABLE v2_surveys;
DROP TABLE v2_touches;
DROP TABLE v2_responses;

-- Built after the copies: one sort each instead of a B-tree insert per row.
CREATE INDEX surveys_name_key ON surveys (name_key);
CREATE INDEX touches_prospect_at ON touches (prospect_id, at, id);
CREATE INDEX touches_at ON touches (at, id);
CREATE INDEX responses_survey ON responses (survey_id, at, id);
CREATE INDEX responses_prospect ON responses (prospect_id) WHERE prospect_id IS NOT NULL;
`;

// Schema 4 only adds: an unnamed prospect's description, and the tallies (counts of anonymous touches, which
// belong to no prospect: no foreign key). cost: the canonical decimal text of the amount, as purchases.value.
const V4 = `
ALTER TABLE prospects ADD COLUMN description TEXT;

CREATE TABLE tallies (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting', 'event', 'website', 'social', 'referral', 'other')),
  count INTEGER NOT NULL CHECK (count >= 1),
  at TEXT NOT NULL,
  note TEXT,
  logged_by TEXT,
  cost TEXT CHECK (cost GLOB '[0-9]*' AND cost NOT GLOB '*[^0-9.]*' AND cost NOT GLOB '*.*.*' AND cost NOT GLOB '*.'),
  currency TEXT,
  CHECK (cost IS NULL OR currency IS NOT NULL)
) STRICT;
CREATE INDEX tallies_at ON tallies (at, id);
INSERT INTO counters (kind, next_id) VALUES ('tally', 1);
`;

// Schema 5: the days that matter to a prospect (occasion add). year NULL: every year. Gone with the prospect.
// Also the index an import's "is this order in already?" seeks (a new store and an upgraded one both get it).
const V5 = `
CREATE TABLE occasions (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  label TEXT NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  year INTEGER CHECK (year BETWEEN 1 AND 9999),
  remind_days INTEGER NOT NULL CHECK (remind_days >= 0),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX occasions_prospect ON occasions (prospect_id, id);
INSERT INTO counters (kind, next_id) VALUES ('occasion', 1);
CREATE INDEX purchases_order ON purchases (order_id) WHERE order_id IS NOT NULL;
`;

// Schema 6: what a touch cost, as tallies.cost (the canonical decimal text), and its currency, needed with a cost.
const V6 = `
ALTER TABLE touches ADD COLUMN cost TEXT CHECK (cost GLOB '[0-9]*' AND cost NOT GLOB '*[^0-9.]*' AND cost NOT GLOB '*.*.*' AND cost NOT GLOB '*.');
ALTER TABLE touches ADD COLUMN currency TEXT CHECK (currency IS NOT NULL OR cost IS NULL);
`;

/** SQLITE_DDL[n] takes a database from version n - 1 to n; schema 3 then needs its data step (fillSchema3). */
export const SQLITE_DDL: Record<number, string> = { 1: V1, 2: V2, 3: V3, 4: V4, 5: V5, 6: V6 };
