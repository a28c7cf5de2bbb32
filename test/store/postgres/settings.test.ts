// A PostgreSQL store URL read as libpq reads it (URL, query parameters, PG* variables, defaults), ~/.pgpass,
// and the redacted form every message shows.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../../src/domain/errors.js';
import { parsePgpassLine, pgpassPassword } from '../../../src/store/postgres/pgpass.js';
import { pgSettings, redactPostgresUrl } from '../../../src/store/postgres/settings.js';
import { tempDir } from '../../helpers.js';

const read = (url: string, env: Record<string, string> = {}) => pgSettings(url, { env, osUser: 'osuser' });

describe('pgSettings', () => {
  it('takes user, password, host, port, database and sslmode from the URL', () => {
    const s = read('postgres://mitra:s3cret@db.example:6543/shop?sslmode=require');
    expect(s).toMatchObject({ host: 'db.example', port: 6543, user: 'mitra', password: 's3cret', database: 'shop', sslmode: 'require' });
    expect(s.label).toBe('postgres://mitra:***@db.example:6543/shop?sslmode=require');
  });

  it('fills what the URL leaves out from PG* variables, then libpq defaults', () => {
    const env = { PGHOST: 'pg.internal', PGPORT: '5433', PGUSER: 'anya', PGDATABASE: 'bakery', PGPASSWORD: 'pw', PGSSLMODE: 'verify-full' };
    expect(read('postgres://', env)).toMatchObject({ host: 'pg.internal', port: 5433, user: 'anya', database: 'bakery', password: 'pw', sslmode: 'verify-full' });
    expect(read('postgresql:///')).toMatchObject({ host: 'localhost', port: 5432, user: 'osuser', database: 'osuser', password: undefined, sslmode: 'prefer' });
    expect(read('postgres://mitra@/shop', env)).toMatchObject({ host: 'pg.internal', user: 'mitra', database: 'shop' });
  });

  it('lets the URL win over the variables', () => {
    const s = read('postgres://mitra:a@db:1/shop?sslmode=disable', { PGHOST: 'x', PGPORT: '2', PGUSER: 'y', PGDATABASE: 'z', PGPASSWORD: 'b', PGSSLMODE: 'require' });
    expect(s).toMatchObject({ host: 'db', port: 1, user: 'mitra', database: 'shop', password: 'a', sslmode: 'disable' });
  });

  it('reads query parameters, percent-encoding, IPv6 and socket folders', () => {
    expect(read('postgres:///shop?host=/var/run/postgresql&user=mitra&port=5444')).toMatchObject({ host: '/var/run/postgresql', user: 'mitra', port: 5444 });
    expect(read('postgres://%2Fvar%2Frun%2Fpostgresql/shop')).toMatchObject({ host: '/var/run/postgresql', database: 'shop' });
    expect(read('postgres://m%40x:p%40ss%2Fw@[::1]:5432/sh%20op')).toMatchObject({ host: '::1', user: 'm@x', password: 'p@ss/w', database: 'sh op' });
  });

  it('refuses an unknown sslmode, an unknown parameter and a bad port with exit 2, without the password', () => {
    for (const url of ['postgres://u:hunter2@h/d?sslmode=sometimes', 'postgres://u:hunter2@h/d?pooling=on', 'postgres://u:hunter2@h:99999/d']) {
      let caught: unknown;
      try {
        read(url);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(PrecrmError);
      expect((caught as PrecrmError).exitCode).toBe(EXIT.usage);
      expect((caught as PrecrmError).message).not.toContain('hunter2');
      expect((caught as PrecrmError).message).toContain('postgres://u:***@h');
    }
  });
});

describe('redactPostgresUrl', () => {
  it.each([
    ['postgres://mitra:s3cret@db.example/shop', 'postgres://mitra:***@db.example/shop'],
    ['postgresql://mitra:s3cret@db.example:5432/shop?sslmode=require', 'postgresql://mitra:***@db.example:5432/shop?sslmode=require'],
    ['postgres://mitra@db.example/shop', 'postgres://mitra@db.example/shop'],
    ['postgres://db.example/shop?user=mitra&password=s3cret', 'postgres://db.example/shop?user=mitra&password=***'],
    // Unencoded @ and / in a password: everything up to the last @ is user information.
    ['postgres://mitra:s3@c/ret@db.example/shop', 'postgres://mitra:***@db.example/shop'],
    ['postgres://mitra:s3cret@', 'postgres://mitra:***@'],
  ])('%s → %s', (url, shown) => {
    expect(redactPostgresUrl(url)).toBe(shown);
  });
});

describe('~/.pgpass', () => {
  it('splits lines with escapes and skips comments', () => {
    expect(parsePgpassLine('db:5432:shop:mitra:pa\\:ss\\\\word')).toEqual(['db', '5432', 'shop', 'mitra', 'pa:ss\\word']);
    expect(parsePgpassLine('# db:5432:shop:mitra:pw')).toBeNull();
    expect(parsePgpassLine('db:5432:shop')).toBeNull();
    expect(parsePgpassLine('db:5432:shop:mitra:pw:with:colons')).toEqual(['db', '5432', 'shop', 'mitra', 'pw:with:colons']);
  });

  it('gives the first matching line, with * wildcards, from HOME or PGPASSFILE, only when owner-only', () => {
    const home = tempDir();
    const file = join(home, '.pgpass');
    writeFileSync(file, ['other:5432:shop:mitra:wrong', '*:5432:shop:mitra:right', '*:*:*:*:fallback', ''].join('\n'));
    chmodSync(file, 0o600);
    const s = { host: 'db.example', port: 5432, database: 'shop', user: 'mitra' };
    expect(pgpassPassword(s, {}, home)).toBe('right');
    expect(pgpassPassword({ ...s, user: 'anya' }, {}, home)).toBe('fallback');
    expect(pgpassPassword(s, { HOME: '/nonexistent' }, home)).toBeUndefined();
    expect(pgpassPassword(s, { PGPASSFILE: file }, '/nonexistent')).toBe('right');
    chmodSync(file, 0o644);
    expect(pgpassPassword(s, {}, home)).toBeUndefined();
  });
});
