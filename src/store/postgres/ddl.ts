// The PostgreSQL store's tables, as numbered migrations written in PostgreSQL's own SQL (no translation from
// another dialect). Versions 1 and 2 are the text that every PostgreSQL store made so far was created with (64-bit
// integers, double precision for money, every text column in the "C" collation so comparisons, ranges and ORDER BY
// follow code points as on SQLite and in JavaScript): never edit a released one, add the next.

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
};
