// `store upgrade` through its verb: run returns the schemas before and after and the backup made first; show says
// what was done, or that there was nothing to do.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as upgrade from '../../../src/commands/store/upgrade.js';
import { SQL_SCHEMA_VERSION } from '../../../src/store/sql/tables.js';
import { sqliteFixture } from '../../store/upgrade-fixtures.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('store upgrade (verb)', () => {
  it('run on a current store changes nothing and says at which schema it is', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi Sen']);
    const done = await withContext(store, async (ctx) => upgrade.run(ctx));
    expect(done.from).toBe(done.to);
    expect(done.backup).toBeNull();
    expect((await run(store, ['store', 'upgrade'])).stderr).toBe(`${done.label} is already at schema ${done.to}; nothing to do\n`);
  });

  it('run brings a schema-2 SQLite file to this schema, keeping the old one as a backup (argv level too)', async () => {
    const done = await withContext(sqliteFixture(), async (ctx) => upgrade.run(ctx));
    expect([done.from, done.to]).toEqual([2, SQL_SCHEMA_VERSION]);
    expect(existsSync(done.backup!)).toBe(true);
    const store = sqliteFixture();
    const r = await run(store, ['store', 'upgrade']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^upgraded ${store} from schema 2 to schema ${SQL_SCHEMA_VERSION}; the schema-2 store is kept as .+\\n$`));
  });
});
