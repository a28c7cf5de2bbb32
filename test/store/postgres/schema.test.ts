// Setting up and upgrading a PostgreSQL store: the first write creates the tables (two first writers cannot race),
// a newer or foreign schema is refused with 65 and left untouched, a role that may only read and write the tables
// (README's three lines) runs precrm once they exist, and erasing a person rewrites the tables that held them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../../src/domain/errors.js';
import { PG_SCHEMA_VERSION } from '../../../src/store/postgres/schema.js';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { P } from '../contract.js';
import { asAdmin, freshDatabase, pgUrlFor } from '../../pg.js';

const OPTIONS = { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000, env: {}, homedir: '/nonexistent', osUser: 'tester' };
const open = (url: string) => new PostgresStore(url, OPTIONS);
const stores: PostgresStore[] = [];
const opened = (url: string) => {
  const s = open(url);
  stores.push(s);
  return s;
};
afterAll(async () => {
  for (const s of stores) await s.close();
});

const addProspect = (s: PostgresStore, name: string) => s.transaction(async (tx) => {
  const id = await tx.takeId('prospect');
  await tx.insert('prospect', [P(id, { name })]);
  return id;
});

async function refusal(promise: Promise<unknown>): Promise<PrecrmError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(PrecrmError);
  return err as PrecrmError;
}

const versions = (db: string) => asAdmin(async (c) => (await c.query('SELECT version::int AS v FROM schema_version ORDER BY version')).rows.map((r) => r.v), db);

describe('PostgreSQL schema set-up', () => {
  it('eight first writers at once: one sets the tables up, every write is kept, ids 1..8', async () => {
    const { url, name } = await freshDatabase();
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => addProspect(opened(url), `writer ${i}`)));
    expect([...ids].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await versions(name)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    expect((await opened(url).counts()).prospects).toBe(8);
  });

  it('a newer schema is refused (65) by reads, writes and check, and left untouched', async () => {
    const { url, name } = await freshDatabase();
    await addProspect(opened(url), 'Ravi');
    await asAdmin((c) => c.query(`INSERT INTO schema_version (version, applied_at) VALUES (${PG_SCHEMA_VERSION + 1}, '2027-01-01T00:00:00.000Z')`), name);
    const s = opened(url);
    for (const attempt of [s.listProspects(), addProspect(s, 'Anna')]) {
      const err = await refusal(attempt);
      expect(err.exitCode).toBe(EXIT.dataErr);
      expect(err.message).toContain(`written by a newer precrm (schema ${PG_SCHEMA_VERSION + 1})`);
    }
    expect((await s.check())[0]).toMatch(/newer precrm/);
    const left = await asAdmin(async (c) => (await c.query('SELECT count(*)::int AS n FROM prospects')).rows[0].n, name);
    expect(left).toBe(1);
  });

  it("tables named like precrm's without a schema_version are another program's: refused (65)", async () => {
    const { url, name } = await freshDatabase();
    await asAdmin((c) => c.query('CREATE TABLE prospects (id int)'), name);
    const err = await refusal(addProspect(opened(url), 'Ravi'));
    expect([err.exitCode, err.message]).toEqual([EXIT.dataErr, expect.stringMatching(/no schema_version table; it was left untouched/)]);
  });
});

describe('a role that may only read and write the tables', () => {
  const ROLE = `precrm_clerk_${process.pid}`;
  const PASSWORD = 'clerk-pass';
  let db: { url: string; name: string };
  let clerkUrl: string;

  beforeAll(async () => {
    db = await freshDatabase();
    clerkUrl = pgUrlFor(db.name, { user: ROLE, password: PASSWORD });
    await asAdmin((c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`));
  });
  afterAll(async () => {
    for (const s of stores.splice(0)) await s.close();
    await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`));
    await asAdmin((c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`));
  });

  it('cannot make the tables (77, saying who can), then works once the owner has', async () => {
    // README's three lines, as the database owner.
    await asAdmin(async (c) => {
      await c.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
      await c.query(`GRANT CONNECT ON DATABASE "${db.name}" TO ${ROLE}`);
    });
    const first = await refusal(addProspect(opened(clerkUrl), 'Ravi'));
    expect([first.exitCode, first.message]).toEqual([EXIT.noPerm, expect.stringMatching(/first write creates precrm's tables: make it once as the database owner/)]);

    await addProspect(opened(db.url), 'set up by the owner');
    await asAdmin((c) => c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ROLE}`), db.name);

    const clerk = opened(clerkUrl);
    expect(await addProspect(clerk, 'Anna')).toBe(2);
    await clerk.transaction(async (tx) => {
      const anna = (await tx.getProspect(2))!;
      await tx.update('prospect', [{ ...anna, name: null, forgottenAt: '2026-03-10T12:00:00.000Z' }]); // erase: VACUUM follows
      await tx.insert('touch', [{ id: await tx.takeId('touch'), prospectId: 2, type: 'visit', at: '2026-03-10T12:00:00.000Z', note: null, outcome: null, direction: null, by: 'clerk', cost: null, currency: null }]);
    });
    expect((await clerk.listProspects()).map((p) => p.name)).toEqual(['set up by the owner', null]);
    expect(await clerk.check()).toEqual([]);
  });

  it('lacking a privilege on a table is 77, naming what was denied', async () => {
    await asAdmin((c) => c.query(`REVOKE UPDATE ON counters FROM ${ROLE}`), db.name);
    const err = await refusal(addProspect(opened(clerkUrl), 'Tomás'));
    expect([err.exitCode, err.message]).toEqual([EXIT.noPerm, expect.stringMatching(new RegExp(`user "${ROLE}" lacks a permission precrm needs .*permission denied for table counters`))]);
    await asAdmin((c) => c.query(`GRANT UPDATE ON counters TO ${ROLE}`), db.name);
  });
});

describe('erasing a person', () => {
  it('rewrites the tables that held them (VACUUM FULL: new files) once the transaction has committed', async () => {
    const { url, name } = await freshDatabase();
    const s = opened(url);
    await addProspect(s, 'Ravi Sen');
    const files = () => asAdmin(async (c) => (await c.query("SELECT relname, relfilenode FROM pg_class WHERE relname IN ('prospects', 'touches') ORDER BY 1")).rows, name);
    const before = await files();
    await s.transaction(async (tx) => {
      const ravi = (await tx.getProspect(1))!;
      await tx.update('prospect', [{ ...ravi, name: null, forgottenAt: '2026-03-10T12:00:00.000Z' }]);
    });
    const after = await files();
    expect(after.map((r) => r.relname)).toEqual(['prospects', 'touches']);
    for (const [i, row] of after.entries()) expect(row.relfilenode).not.toBe(before[i].relfilenode);
  });
});

describe('one store handle', () => {
  it('runs its transactions one at a time on its one connection (no interleaving in one server transaction)', async () => {
    const s = opened((await freshDatabase()).url);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => s.transaction(async (tx) => {
      const before = await tx.counts();
      const id = await tx.takeId('prospect');
      await tx.insert('prospect', [P(id, { name: `p${i}` })]);
      return [id, before.prospects];
    })));
    expect(ids.map(([id]) => id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids.map(([id, before]) => id! - before!)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('store check on PostgreSQL', () => {
  it("names what the constraints cannot refuse by kind and id, never by a person's data; the constraints refuse the rest", async () => {
    const { url, name } = await freshDatabase();
    const s = opened(url);
    await addProspect(s, 'Ravi Sen');
    await addProspect(s, 'Anna Berg');
    expect(await s.check()).toEqual([]);
    const refused = (sql: string) => asAdmin((c) => c.query(sql).then(() => 'accepted', (e: { code?: string }) => e.code), name);
    expect(await refused("UPDATE prospects SET stage = 'bogus' WHERE id = 1")).toBe('23514');
    expect(await refused("INSERT INTO touches (id, prospect_id, type, at) VALUES (1, 99, 'visit', '2026-01-01T00:00:00.000Z')")).toBe('23503');
    await asAdmin(async (c) => {
      await c.query('DELETE FROM funnel_reach WHERE prospect_id = 1');
      await c.query("UPDATE prospects SET email = 'anna@example.com' WHERE id = 2");
      await c.query("UPDATE counters SET next_id = 2 WHERE kind = 'prospect'");
    }, name);
    expect(await s.check()).toEqual([
      'prospect ids reach 2 but the counter would hand out 2 again',
      'prospect 1: its funnel_reach rows disagree with its stage history (journeyOf)',
      'prospect 2: its lookup keys are out of date',
    ]);
  });
});
