// One connection to the server, made as libpq would make it from the same settings (sslmode included), within
// PRECRM_CONNECT_TIMEOUT; every failure becomes one line and exit 69 or 77 (errors.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { connectError } from './errors.js';
import { pgpassPassword } from './pgpass.js';
import type { PgSettings } from './settings.js';

export interface ConnectOptions {
  timeoutMs: number;
  env: Record<string, string | undefined>;
  homedir: string;
}

function readPem(path: string, what: string, s: PgSettings): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new PrecrmError(`cannot read the ${what} ${path} named for ${s.label}`, EXIT.noInput);
  }
}

/**
 * sslmode as libpq means it, mapped to Node's TLS options by hand: node-postgres's own reading of sslmode treats
 * prefer/require/verify-ca as verify-full and prints a multi-line SECURITY WARNING. `undefined` = no TLS.
 */
export function tlsOptions(s: PgSettings, homedir: string): ConnectionOptions | undefined {
  if (s.sslmode === 'disable' || s.sslmode === 'allow' || s.host.startsWith('/')) return undefined;
  const opts: ConnectionOptions = {};
  if (s.sslcert) opts.cert = readPem(s.sslcert, 'client certificate (sslcert)', s);
  if (s.sslkey) opts.key = readPem(s.sslkey, 'client key (sslkey)', s);
  const defaultRoot = join(homedir, '.postgresql', 'root.crt');
  const root = s.sslrootcert ?? (existsSync(defaultRoot) ? defaultRoot : undefined);
  // sslrootcert=system (libpq 16): the operating system's trusted authorities, which is Node's default.
  if (root && root !== 'system') opts.ca = readPem(root, 'root certificate (sslrootcert)', s);
  if (s.sslmode === 'prefer' || (s.sslmode === 'require' && !s.sslrootcert)) {
    opts.rejectUnauthorized = false; // encrypted, not authenticated: what libpq does in these modes
  } else if (s.sslmode === 'require' || s.sslmode === 'verify-ca') {
    opts.checkServerIdentity = () => undefined; // the chain is checked, the host name is not
  }
  return opts;
}

function clientConfig(s: PgSettings, ssl: ConnectionOptions | undefined, options: ConnectOptions): pg.ClientConfig {
  return {
    host: s.host,
    port: s.port,
    user: s.user,
    database: s.database,
    // Asked only when the server wants a password: the URL's or PGPASSWORD, else ~/.pgpass, else a clear refusal.
    password: async () => {
      const password = s.password ?? pgpassPassword(s, options.env, options.homedir);
      if (password === undefined) {
        throw new PrecrmError(`the PostgreSQL server asks for a password for user "${s.user}" (${s.label}): give it in the URL, PGPASSWORD or ~/.pgpass`, EXIT.noPerm);
      }
      return password;
    },
    ssl: ssl ?? false,
    connectionTimeoutMillis: Math.max(1, options.timeoutMs),
    application_name: 'precrm',
  };
}

async function attempt(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  // A connection that breaks while idle must not crash the process; the next statement reports it.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Connects, or throws a PrecrmError (69 unreachable / TLS refused, 77 credentials or permission). */
export async function connect(s: PgSettings, options: ConnectOptions): Promise<pg.Client> {
  const started = Date.now();
  const ssl = tlsOptions(s, options.homedir);
  try {
    return await attempt(clientConfig(s, ssl, options));
  } catch (err) {
    // sslmode=prefer: a server without TLS is asked again in plain text, as libpq does.
    if (s.sslmode === 'prefer' && ssl && /does not support SSL/i.test(String((err as Error)?.message))) {
      const left = options.timeoutMs - (Date.now() - started);
      try {
        return await attempt(clientConfig(s, undefined, { ...options, timeoutMs: left }));
      } catch (again) {
        throw connectError(again, s, options.timeoutMs);
      }
    }
    throw connectError(err, s, options.timeoutMs);
  }
}
