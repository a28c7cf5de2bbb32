// The PostgreSQL store's tables, as numbered migrations written in PostgreSQL's own SQL (no translation from
// another dialect). Versions 1 and 2 are the text that every PostgreSQL store made so far was created with (64-bit
// integers, double precision for money, every text column in the "C" collation so comparisons, ranges and ORDER BY
// follow code points as on SQLite and in JavaScript): never edit a released one, add the next.

import { DIRECTIONS, OUTCOMES, SEGMENTS, STAGES, SUPPRESSION_REASONS, TOUCH_TYPES } from '../../domain/types.js';

const oneOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** An instant column written as ISO text by schema 2, now a timestamptz (the text names its zone: Z). */
const instant = (column: string) => `ALTER COLUMN ${column} TYPE timestamptz USING ${column}::timestamptz`;

// Schema 3: PostgreSQL's own types (timestamptz instants, boolean flags, json custom fields, survey questions and
// answers — json, not jsonb, because jsonb reorders an object's keys and the order a shop gave its fields in is
// what every command shows —, numeric money), foreign keys from every child row, CHECKs on every enumeration and
// range, and the new tables: tags, purchases (a conversion is a prospect's first purchase), the funnel's narrow
// table. The new tables are filled set-based from the old columns before those are dropped; every ALTER of a table
// is one statement, so it is rewritten once.
const V3 = `
ALTER TABLE schema_version ${instant('applied_at')};

INSERT INTO counters (kind, next_id) VALUES ('purchase', 1);

CREATE TABLE prospect_tags (
  prospect_id BIGINT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  tag TEXT COLLATE "C" NOT NULL,
  tag_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (prospect_id, seq)
);
INSERT INTO prospect_tags (prospect_id, seq, tag, tag_key)
  SELECT p.id, t.n - 1, t.tag, lower(t.tag COLLATE "C") FROM prospects p, json_array_elements_text(p.tags::json) WITH ORDINALITY AS t(tag, n);
CREATE INDEX prospect_tags_key ON prospect_tags (tag_key, prospect_id);

CREATE TABLE purchases (
  id BIGINT PRIMARY KEY,
  prospect_id BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  value NUMERIC CHECK (value >= 0),
  currency TEXT COLLATE "C",
  product TEXT COLLATE "C",
  order_id TEXT COLLATE "C"
);
INSERT INTO purchases (id, prospect_id, at, value, currency, product)
  SELECT row_number() OVER (ORDER BY id), id, conversion_at::timestamptz, conversion_value::text::numeric, conversion_currency, conversion_product
  FROM prospects WHERE conversion_at IS NOT NULL;
UPDATE counters SET next_id = (SELECT count(*) + 1 FROM purchases) WHERE kind = 'purchase';
CREATE INDEX purchases_prospect ON purchases (prospect_id, at, id);
CREATE INDEX purchases_at ON purchases (at, id);

CREATE TABLE funnel_reach (
  prospect_id BIGINT NOT NULL,
  rank SMALLINT NOT NULL CHECK (rank BETWEEN 0 AND 5),
  ms BIGINT NOT NULL CHECK (ms >= 0),
  PRIMARY KEY (rank, ms, prospect_id)
);
INSERT INTO funnel_reach (prospect_id, rank, ms)
  SELECT p.id, r.rank, r.ms FROM prospects p,
    LATERAL (VALUES (0, p.reach_ms_0), (1, p.reach_ms_1), (2, p.reach_ms_2), (3, p.reach_ms_3), (4, p.reach_ms_4), (5, p.reach_ms_5)) AS r(rank, ms)
  WHERE r.ms IS NOT NULL;

ALTER TABLE prospects
  DROP COLUMN tags, DROP COLUMN conversion_at, DROP COLUMN conversion_value, DROP COLUMN conversion_currency,
  DROP COLUMN conversion_product, DROP COLUMN conversion_ms, DROP COLUMN furthest_rank, DROP COLUMN reach_ms_0,
  DROP COLUMN reach_ms_1, DROP COLUMN reach_ms_2, DROP COLUMN reach_ms_3, DROP COLUMN reach_ms_4, DROP COLUMN reach_ms_5,
  ALTER COLUMN do_not_contact TYPE BOOLEAN USING do_not_contact <> 0,
  ALTER COLUMN fields TYPE JSON USING fields::json,
  ${instant('follow_up_at')}, ${instant('forgotten_at')}, ${instant('created_at')}, ${instant('updated_at')},
  ADD CONSTRAINT prospects_stage_known CHECK (stage IN (${oneOf(STAGES)})),
  ADD CONSTRAINT prospects_cadence_positive CHECK (cadence_days >= 1),
  ADD CONSTRAINT prospects_fields_object CHECK (json_typeof(fields) = 'object'),
  ADD CONSTRAINT prospects_referred_by_fkey FOREIGN KEY (referred_by) REFERENCES prospects (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX prospects_stage ON prospects (stage);

ALTER TABLE prospect_tags ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE;
ALTER TABLE purchases ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE;
ALTER TABLE funnel_reach ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE;
-- A prospect's funnel rows are rewritten with each write of it: found by prospect, not by a scan.
CREATE INDEX funnel_reach_prospect ON funnel_reach (prospect_id);

ALTER TABLE stage_history
  ${instant('at')},
  ADD CHECK (stage IN (${oneOf(STAGES)})),
  ADD CHECK (seq >= 0),
  ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE;

ALTER TABLE consent
  ${instant('at')},
  ALTER COLUMN granted TYPE BOOLEAN USING granted <> 0,
  ADD CHECK (seq >= 0),
  ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE;

ALTER TABLE touches
  ${instant('at')},
  ADD CHECK (type IN (${oneOf(TOUCH_TYPES)})),
  ADD CHECK (outcome IN (${oneOf(OUTCOMES)})),
  ADD CHECK (direction IN (${oneOf(DIRECTIONS)})),
  ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id);

ALTER TABLE surveys
  ALTER COLUMN questions TYPE JSON USING questions::json,
  ${instant('created_at')},
  ADD CHECK (json_typeof(questions) = 'array');

ALTER TABLE responses ADD COLUMN survey_id BIGINT;
UPDATE responses r SET survey_id = (SELECT min(s.id) FROM surveys s WHERE s.name_key = r.survey_key);
ALTER TABLE responses
  DROP COLUMN survey, DROP COLUMN survey_key,
  ALTER COLUMN survey_id SET NOT NULL,
  ${instant('at')},
  ALTER COLUMN answers TYPE JSON USING answers::json,
  ADD CHECK (segment IN (${oneOf(SEGMENTS)})),
  ADD CHECK (stage IN (${oneOf(STAGES)})),
  ADD CHECK (json_typeof(answers) = 'object'),
  ADD FOREIGN KEY (survey_id) REFERENCES surveys (id),
  ADD FOREIGN KEY (prospect_id) REFERENCES prospects (id);
CREATE INDEX responses_survey ON responses (survey_id, at, id);

ALTER TABLE suppression
  ${instant('at')},
  ADD CHECK (reason IN (${oneOf(SUPPRESSION_REASONS)}));
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
};
