// README's team on one PostgreSQL, set up line by line as it says (the administrator creates the roles and the
// database, the owner makes the tables and grants the staff role its rights): touches are signed with the staff
// member's database role, and a `prospect forget` by that role — which may not VACUUM tables it does not own —
// says what is left in the server's files and the exact command the owner must run, which then removes it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../../helpers.js';
import { asAdmin, pgUrlFor } from '../../pg.js';

const SUFFIX = `${process.pid}_${Date.now() % 100_000}`;
const OWNER = { user: `shop_owner_${SUFFIX}`, password: 'owner-Pa55' };
const STAFF = { user: `mitra_${SUFFIX}`, password: 'her-own-Pa55' };
const DB = `shop_${SUFFIX}`;
const ownerUrl = () => pgUrlFor(DB, OWNER);
const staffUrl = () => pgUrlFor(DB, STAFF);

/** Runs SQL as `who` in the shop database, as a person would in psql. */
async function sqlAs(who: { user: string; password: string }, ...statements: string[]): Promise<void> {
  const c = new Client({ connectionString: pgUrlFor(DB, who) });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** The relations (tables, indexes, TOAST) of the shop whose files on the server hold `text`, after a checkpoint. */
const filesHolding = (text: string) => asAdmin(async (c) => {
  await c.query('CHECKPOINT');
  const { rows } = await c.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't') AND c.relfilenode <> 0
        AND position(convert_to($1, 'UTF8') IN pg_read_binary_file(pg_relation_filepath(c.oid))) > 0 ORDER BY 1`, [text]);
  return rows.map((r) => r.relname as string);
}, DB);

beforeAll(async () => {
  // The administrator (README: `psql -c "CREATE ROLE …" -c "CREATE DATABASE … OWNER …"`), and later the staff role.
  await asAdmin(async (c) => {
    await c.query(`CREATE ROLE ${OWNER.user} LOGIN PASSWORD '${OWNER.password}'`);
    await c.query(`CREATE DATABASE ${DB} OWNER ${OWNER.user}`);
  });
  // The owner's first write creates precrm's tables.
  expect((await run(ownerUrl(), ['prospect', 'add', 'Set Up', '--email', 'setup@example.com'])).code).toBe(0);
  await asAdmin((c) => c.query(`CREATE ROLE ${STAFF.user} LOGIN PASSWORD '${STAFF.password}'`));
  await sqlAs(OWNER,
    `GRANT CONNECT ON DATABASE ${DB} TO ${STAFF.user}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${STAFF.user}`);
});

afterAll(async () => {
  await asAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS ${STAFF.user}`);
    await c.query(`DROP ROLE IF EXISTS ${OWNER.user}`);
  });
});

/** The staff member's commands, without PRECRM_USER (the test harness sets one otherwise). */
const asStaff = (args: string[], env: Record<string, string | undefined> = {}) => run(staffUrl(), args, { env: { PRECRM_USER: undefined, ...env } });

describe("README's team on PostgreSQL", () => {
  it('touches are signed with the database role, unless PRECRM_USER or --by says otherwise', async () => {
    expect((await asStaff(['prospect', 'add', 'Ana Lima'])).code).toBe(0);
    for (const [args, env] of [[[], {}], [[], { PRECRM_USER: 'Mitra' }], [['--by', 'Jo'], { PRECRM_USER: 'Mitra' }]] as const) {
      const r = await asStaff(['touch', 'log', 'ana', 'visit', ...args], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const touches = JSON.parse((await asStaff(['touch', 'list', 'ana', '--json'])).stdout) as { by: string }[];
    expect(touches.map((t) => t.by)).toEqual([STAFF.user, 'Mitra', 'Jo']);
  });

  it('forget by the staff role: exit 0, a warning naming what is left and the owner’s command, which then removes it', async () => {
    expect((await asStaff(['prospect', 'add', 'Zuzanna Quill', '--email', 'zq-secret@example.com'])).code).toBe(0);
    expect((await asStaff(['touch', 'log', 'zuzanna', 'visit', 'allergic to hazelnuts QX7'])).code).toBe(0);
    const r = await asStaff(['prospect', 'forget', 'zuzanna', '--yes', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+\n$/);
    const tables = 'prospects, prospect_tags, stage_history, consent, purchases, touches, responses';
    expect(r.stderr).toBe(`warning: the erased data is still in the server's table files (user "${STAFF.user}" may not vacuum ${tables}): `
      + `to remove it, the owner of database "${DB}" runs there: VACUUM FULL ${tables};\n`);
    expect(await filesHolding('QX7')).toContain('touches');
    expect(await filesHolding('zq-secret')).toContain('prospects');
    await sqlAs(OWNER, /VACUUM FULL [^;]+;/.exec(r.stderr)![0]);
    expect([...await filesHolding('QX7'), ...await filesHolding('zq-secret')]).toEqual([]);
  });

  it('import touches by the staff role with the grants; without the right to temporary tables, exit 77 naming it', async () => {
    expect((await asStaff(['prospect', 'add', 'Ines Vale', '--email', 'ines@example.com', '--stage', 'aware'])).code).toBe(0);
    const file = join(tempDir(), 'visits.csv');
    writeFileSync(file, 'email,type,at\nines@example.com,website,2026-03-01\n');
    expect(await asStaff(['import', 'touches', file])).toMatchObject({ code: 0, stderr: 'created 1, merged 0, skipped 0, rejected 0\n' });
    await asAdmin((c) => c.query(`REVOKE TEMPORARY ON DATABASE ${DB} FROM PUBLIC`));
    try {
      writeFileSync(file, 'email,type,at\nines@example.com,call,2026-03-02\n');
      const r = await asStaff(['import', 'touches', file]);
      expect(r.code, r.stderr).toBe(77);
      expect(r.stderr.split('\n')[0]).toMatch(/^error: user "mitra_\w+" lacks a permission precrm needs .*temporary tables/);
    } finally {
      await asAdmin((c) => c.query(`GRANT TEMPORARY ON DATABASE ${DB} TO PUBLIC`));
    }
  });

  it('forget by the owner rewrites the tables itself: nothing of the person is left in their files, no warning', async () => {
    expect((await run(ownerUrl(), ['prospect', 'add', 'Yannick Orr', '--email', 'yo-secret@example.com'])).code).toBe(0);
    expect((await run(ownerUrl(), ['touch', 'log', 'yannick', 'call', 'wants a gluten-free cake ZW9'])).code).toBe(0);
    const r = await run(ownerUrl(), ['prospect', 'forget', 'yannick', '--yes', '-q']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect([...await filesHolding('ZW9'), ...await filesHolding('yo-secret')]).toEqual([]);
  });
});
