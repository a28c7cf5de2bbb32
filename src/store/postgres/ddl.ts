// The PostgreSQL store's tables, as numbered migrations written in PostgreSQL's own SQL (no translation from
// another dialect). Versions 1 and 2 are the text that every PostgreSQL store made so far was created with (64-bit
// integers, double precision for money, every text column in the "C" collation so comparisons, ranges and ORDER BY
// follow code points as on SQLite and in JavaScript): never edit a released one, add the next. The enumerations
// are spelled out, not taken from the domain's lists: a released migration's text never changes.

// Schema 3 in PostgreSQL's own types: timestamptz instants, boolean flags, numeric money, json for custom fields,
// survey questions and answers (json, not jsonb: jsonb reorders an object's keys, and the order a shop gave its
// custom fields in is the order every command shows them in), bigint ids, text in the "C" collation. Foreign keys
// from every child row to its prospect and from responses to their survey by id, CHECKs on every enumeration and
// range; tags, purchases (a conversion is a prospect's first purchase) and the funnel's reach in tables of their own.
//
// The foreign keys are DEFERRABLE INITIALLY DEFERRED: checked at COMMIT, so one transaction may write a row before
// the prospect it points at (an import whose prospect refers to a later one; this upgrade, which copies the touches
// before the data step writes the prospects).
//
// The upgrade from schema 2, as SQLite's (the data step is shared): schema 2's prospects, stage_history and consent
// are renamed v2_* (their constraints and indexes too, as index names are per schema here) and the new tables made;
// touches, surveys and responses are copied set-based with their values cast (the text instants name their zone: Z);
// the data step (sql/schema3-data.ts fillSchema3) then builds the prospects and their rows in TypeScript from
// v2_prospects, v2_stage_history and v2_consent, and drops them. On a new database the same steps run on empty tables.
const FK = (table: string, cascade = false) => `REFERENCES ${table} (id)${cascade ? ' ON DELETE CASCADE' : ''} DEFERRABLE INITIALLY DEFERRED`;

/** Raises PRC03 (errors.ts notUpgradable: exit 65) naming the first `table` row whose `column` points at no `parent` row. */
const pointsAtNothing = (table: string, column: string, parent: string, parentKey = 'id') => `
  SELECT min(c.id), count(*) INTO first_id, n_rows FROM ${table} c
    WHERE c.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parent} x WHERE x.${parentKey} = c.${column});
  IF n_rows > 0 THEN
    RAISE EXCEPTION 'cannot be upgraded to schema 3: ${table} row % points at a missing row of ${parent}%', first_id,
      CASE WHEN n_rows > 1 THEN format(' (%s such rows in all)', n_rows) ELSE '' END USING ERRCODE = 'PRC03';
  END IF;`;

const V3 = `
-- Rows of schema 2 that the new foreign keys would refuse at COMMIT: refused here, by kind and id, before anything changes.
DO $$
DECLARE
  first_id bigint;
  n_rows bigint;
BEGIN${pointsAtNothing('touches', 'prospect_id', 'prospects')}${pointsAtNothing('responses', 'prospect_id', 'prospects')}${pointsAtNothing('responses', 'survey_key', 'surveys', 'name_key')}${pointsAtNothing('prospects', 'referred_by', 'prospects')}
END $$;

DROP INDEX prospects_email_key, prospects_phone_key, prospects_name_lower, prospects_name_key, prospects_referred_by,
  prospects_follow_up, prospects_cadence, prospects_stage, prospects_reach_0, prospects_reach_1, prospects_reach_2,
  prospects_reach_3, prospects_reach_4, prospects_reach_5, prospects_created, touches_prospect_at, touches_at,
  surveys_name_key, responses_survey, responses_prospect;
ALTER TABLE prospects RENAME TO v2_prospects;
ALTER TABLE v2_prospects RENAME CONSTRAINT prospects_pkey TO v2_prospects_pkey;
ALTER TABLE stage_history RENAME TO v2_stage_history;
ALTER TABLE v2_stage_history RENAME CONSTRAINT stage_history_pkey TO v2_stage_history_pkey;
ALTER TABLE consent RENAME TO v2_consent;
ALTER TABLE v2_consent RENAME CONSTRAINT consent_pkey TO v2_consent_pkey;
ALTER TABLE touches RENAME TO v2_touches;
ALTER TABLE v2_touches RENAME CONSTRAINT touches_pkey TO v2_touches_pkey;
ALTER TABLE surveys RENAME TO v2_surveys;
ALTER TABLE v2_surveys RENAME CONSTRAINT surveys_pkey TO v2_surveys_pkey;
ALTER TABLE responses RENAME TO v2_responses;
ALTER TABLE v2_responses RENAME CONSTRAINT responses_pkey TO v2_responses_pkey;

ALTER TABLE schema_version ALTER COLUMN applied_at TYPE TIMESTAMPTZ USING applied_at::timestamptz;
ALTER TABLE suppression
  ALTER COLUMN at TYPE TIMESTAMPTZ USING at::timestamptz,
  ADD CONSTRAINT suppression_reason_check CHECK (reason IN ('forgotten', 'removed', 'do-not-contact'));
INSERT INTO counters (kind, next_id) VALUES ('purchase', 1);

CREATE TABLE prospects (
  id BIGINT PRIMARY KEY,
  name TEXT COLLATE "C",
  email TEXT COLLATE "C",
  phone TEXT COLLATE "C",
  company TEXT COLLATE "C",
  source TEXT COLLATE "C",
  stage TEXT COLLATE "C" NOT NULL CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  owner TEXT COLLATE "C",
  referred_by BIGINT ${FK('prospects')},
  do_not_contact BOOLEAN NOT NULL,
  cadence_days BIGINT CHECK (cadence_days >= 1),
  lost_reason TEXT COLLATE "C",
  follow_up_at TIMESTAMPTZ,
  follow_up_note TEXT COLLATE "C" CHECK (follow_up_note IS NULL OR follow_up_at IS NOT NULL),
  fields JSON NOT NULL CHECK (json_typeof(fields) = 'object'),
  notes TEXT COLLATE "C",
  forgotten_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  email_key TEXT COLLATE "C",
  phone_key TEXT COLLATE "C",
  name_lower TEXT COLLATE "C",
  name_key TEXT COLLATE "C",
  source_key TEXT COLLATE "C",
  owner_key TEXT COLLATE "C",
  search_text TEXT COLLATE "C" NOT NULL,
  created_ms BIGINT NOT NULL
);
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
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  seq INTEGER NOT NULL CHECK (seq >= 0),
  tag TEXT COLLATE "C" NOT NULL,
  tag_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (prospect_id, seq)
);
CREATE INDEX prospect_tags_key ON prospect_tags (tag_key, prospect_id);

CREATE TABLE stage_history (
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  seq INTEGER NOT NULL CHECK (seq >= 0),
  stage TEXT COLLATE "C" NOT NULL CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (prospect_id, seq)
);

CREATE TABLE consent (
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  seq INTEGER NOT NULL CHECK (seq >= 0),
  at TIMESTAMPTZ NOT NULL,
  granted BOOLEAN NOT NULL,
  note TEXT COLLATE "C",
  PRIMARY KEY (prospect_id, seq)
);

-- A prospect's purchases; the first (smallest (at, id)) is its conversion.
CREATE TABLE purchases (
  id BIGINT PRIMARY KEY,
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  at TIMESTAMPTZ NOT NULL,
  at_ms BIGINT NOT NULL,
  value NUMERIC CHECK (value >= 0),
  currency TEXT COLLATE "C",
  product TEXT COLLATE "C",
  order_id TEXT COLLATE "C"
);
CREATE INDEX purchases_prospect ON purchases (prospect_id, at, id);

-- The funnel: one row per path rank (aware = 0 … advocate = 5) the prospect reached, with the milliseconds from its
-- creation to first reaching it (journeyOf), rewritten with each write of the prospect.
CREATE TABLE funnel_reach (
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  rank SMALLINT NOT NULL CHECK (rank BETWEEN 0 AND 5),
  ms BIGINT NOT NULL CHECK (ms >= 0),
  PRIMARY KEY (prospect_id, rank)
);
CREATE INDEX funnel_reach_rank ON funnel_reach (rank, ms);

CREATE TABLE touches (
  id BIGINT PRIMARY KEY,
  prospect_id BIGINT NOT NULL ${FK('prospects')},
  type TEXT COLLATE "C" NOT NULL CHECK (type IN ('greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting', 'event', 'website', 'social', 'referral', 'other')),
  at TIMESTAMPTZ NOT NULL,
  note TEXT COLLATE "C",
  outcome TEXT COLLATE "C" CHECK (outcome IN ('positive', 'neutral', 'negative')),
  direction TEXT COLLATE "C" CHECK (direction IN ('in', 'out')),
  logged_by TEXT COLLATE "C"
);

CREATE TABLE surveys (
  id BIGINT PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  name_key TEXT COLLATE "C" NOT NULL,
  questions JSON NOT NULL CHECK (json_typeof(questions) = 'array'),
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE responses (
  id BIGINT PRIMARY KEY,
  survey_id BIGINT NOT NULL ${FK('surveys')},
  prospect_id BIGINT ${FK('prospects')},
  segment TEXT COLLATE "C" NOT NULL CHECK (segment IN ('anonymous', 'prospect', 'customer')),
  stage TEXT COLLATE "C" CHECK (stage IN ('aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost')),
  at TIMESTAMPTZ NOT NULL,
  answers JSON NOT NULL CHECK (json_typeof(answers) = 'object')
);

-- Made before the copies: PostgreSQL builds no index on a table whose rows wait for their deferred FK checks.
CREATE INDEX surveys_name_key ON surveys (name_key);
CREATE INDEX touches_prospect_at ON touches (prospect_id, at, id);
CREATE INDEX touches_at ON touches (at, id);
CREATE INDEX responses_survey ON responses (survey_id, at, id);
CREATE INDEX responses_prospect ON responses (prospect_id) WHERE prospect_id IS NOT NULL;

INSERT INTO surveys (id, name, name_key, questions, created_at)
  SELECT id, name, name_key, questions::json, created_at::timestamptz FROM v2_surveys;
INSERT INTO touches (id, prospect_id, type, at, note, outcome, direction, logged_by)
  SELECT id, prospect_id, type, at::timestamptz, note, outcome, direction, logged_by FROM v2_touches;
INSERT INTO responses (id, survey_id, prospect_id, segment, stage, at, answers)
  SELECT r.id, (SELECT min(s.id) FROM surveys s WHERE s.name_key = r.survey_key), r.prospect_id, r.segment, r.stage, r.at::timestamptz, r.answers::json
  FROM v2_responses r;
DROP TABLE v2_surveys, v2_touches, v2_responses;
`;

// Schema 5: the days that matter to a prospect (occasion add). year NULL: every year. Gone with the prospect.
// Also the index an import's "is this order in already?" seeks (a new store and an upgraded one both get it).
const V5 = `
CREATE TABLE occasions (
  id BIGINT PRIMARY KEY,
  prospect_id BIGINT NOT NULL ${FK('prospects', true)},
  label TEXT COLLATE "C" NOT NULL,
  month SMALLINT NOT NULL CHECK (month BETWEEN 1 AND 12),
  day SMALLINT NOT NULL CHECK (day BETWEEN 1 AND 31),
  year SMALLINT CHECK (year BETWEEN 1 AND 9999),
  remind_days INTEGER NOT NULL CHECK (remind_days >= 0),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX occasions_prospect ON occasions (prospect_id, id);
INSERT INTO counters (kind, next_id) VALUES ('occasion', 1);
CREATE INDEX purchases_order ON purchases (order_id) WHERE order_id IS NOT NULL;
`;

/** PG_DDL[n] takes a database from schema n - 1 to n (0 = no tables yet). */
export const PG_DDL: Record<number, string> = {
  1: `
CREATE TABLE schema_version (
  version BIGINT PRIMARY KEY,
  applied_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE counters (
  kind TEXT COLLATE "C" PRIMARY KEY,
  next_id BIGINT NOT NULL
);
INSERT INTO counters (kind, next_id) VALUES ('prospect', 1), ('touch', 1), ('survey', 1), ('response', 1);

CREATE TABLE prospects (
  id BIGINT PRIMARY KEY,
  name TEXT COLLATE "C",
  email TEXT COLLATE "C",
  phone TEXT COLLATE "C",
  company TEXT COLLATE "C",
  source TEXT COLLATE "C",
  stage TEXT COLLATE "C" NOT NULL,
  tags TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C",
  referred_by BIGINT,
  do_not_contact BIGINT NOT NULL,
  cadence_days BIGINT,
  lost_reason TEXT COLLATE "C",
  follow_up_at TEXT COLLATE "C",
  follow_up_note TEXT COLLATE "C",
  fields TEXT COLLATE "C" NOT NULL,
  conversion_at TEXT COLLATE "C",
  conversion_value DOUBLE PRECISION,
  conversion_currency TEXT COLLATE "C",
  conversion_product TEXT COLLATE "C",
  notes TEXT COLLATE "C",
  forgotten_at TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  email_key TEXT COLLATE "C",
  phone_key TEXT COLLATE "C",
  name_lower TEXT COLLATE "C",
  name_key TEXT COLLATE "C",
  created_ms BIGINT NOT NULL,
  conversion_ms BIGINT,
  furthest_rank BIGINT NOT NULL,
  reach_ms_0 BIGINT,
  reach_ms_1 BIGINT,
  reach_ms_2 BIGINT,
  reach_ms_3 BIGINT,
  reach_ms_4 BIGINT,
  reach_ms_5 BIGINT
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
  prospect_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  stage TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (prospect_id, seq)
);

CREATE TABLE consent (
  prospect_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  granted BIGINT NOT NULL,
  note TEXT COLLATE "C",
  PRIMARY KEY (prospect_id, seq)
);

CREATE TABLE touches (
  id BIGINT PRIMARY KEY,
  prospect_id BIGINT NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C",
  outcome TEXT COLLATE "C",
  direction TEXT COLLATE "C",
  logged_by TEXT COLLATE "C"
);
CREATE INDEX touches_prospect_at ON touches (prospect_id, at, id);
CREATE INDEX touches_at ON touches (at, id);

CREATE TABLE surveys (
  id BIGINT PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  name_key TEXT COLLATE "C" NOT NULL,
  questions TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX surveys_name_key ON surveys (name_key);

CREATE TABLE responses (
  id BIGINT PRIMARY KEY,
  survey TEXT COLLATE "C" NOT NULL,
  survey_key TEXT COLLATE "C" NOT NULL,
  prospect_id BIGINT,
  segment TEXT COLLATE "C" NOT NULL,
  stage TEXT COLLATE "C",
  at TEXT COLLATE "C" NOT NULL,
  answers TEXT COLLATE "C" NOT NULL
);
CREATE INDEX responses_survey ON responses (survey_key, at, id);
CREATE INDEX responses_prospect ON responses (prospect_id) WHERE prospect_id IS NOT NULL;
`,
  2: `
CREATE TABLE suppression_secret (
  id BIGINT PRIMARY KEY,
  secret TEXT COLLATE "C" NOT NULL
);

CREATE TABLE suppression (
  hash TEXT COLLATE "C" PRIMARY KEY,
  reason TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL
);
`,
  3: V3,
  // Schema 4 only adds: an unnamed prospect's description, and the tallies (counts of anonymous touches, which
  // belong to no prospect: no foreign key).
  // Earlier steps of the same upgrade leave deferred foreign-key checks pending, and PostgreSQL alters no table with
  // pending checks: they are made now (a broken link fails here as it would at COMMIT), then deferred again.
  4: `
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
ALTER TABLE prospects ADD COLUMN description TEXT COLLATE "C";

CREATE TABLE tallies (
  id BIGINT PRIMARY KEY,
  type TEXT COLLATE "C" NOT NULL CHECK (type IN ('greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting', 'event', 'website', 'social', 'referral', 'other')),
  count BIGINT NOT NULL CHECK (count >= 1),
  at TIMESTAMPTZ NOT NULL,
  note TEXT COLLATE "C",
  logged_by TEXT COLLATE "C",
  cost NUMERIC CHECK (cost >= 0),
  currency TEXT COLLATE "C",
  CHECK (cost IS NULL OR currency IS NOT NULL)
);
CREATE INDEX tallies_at ON tallies (at, id);
INSERT INTO counters (kind, next_id) VALUES ('tally', 1);
`,
  5: V5,
  // Schema 6: what a touch cost (exact, as tallies.cost) and its currency, needed with a cost. Pending deferred
  // checks of earlier steps are made first, as for schema 4: PostgreSQL alters no table with pending checks.
  6: `
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
ALTER TABLE touches ADD COLUMN cost NUMERIC CHECK (cost >= 0), ADD COLUMN currency TEXT COLLATE "C",
  ADD CONSTRAINT touches_cost_currency CHECK (cost IS NULL OR currency IS NOT NULL);
`,
};
