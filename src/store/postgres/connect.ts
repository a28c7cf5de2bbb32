// One connection to the server, made as libpq would make it from the same settings (sslmode included): TCP, TLS,
// start-up, authentication and the session's first statement all within one PRECRM_CONNECT_TIMEOUT, a password
// asked at the terminal when the server wants one nobody gave; every failure becomes one line and exit 69 or 77
// (errors.ts), and leaves no socket behind to keep the process alive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { connectError } from './errors.js';
import { connectionKey, takeKeptConnection } from './kept.js';
import { pgpassPassword } from './pgpass.js';
import { bounded, dropConnection, guardParser } from './socket.js';
import { serverName, type PgSettings } from './settings.js';

interface ConnectOptions {
  timeoutMs: number;
  env: Record<string, string | undefined>;
  homedir: string;
  /** Asks the person at the terminal for a password (absent when nobody can be asked: no TTY, --no-input). */
  askPassword?: (question: string) => Promise<string>;
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
function tlsOptions(s: PgSettings, homedir: string): ConnectionOptions | undefined {
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

/** The server wants a password that neither the URL, PGPASSWORD nor ~/.pgpass gave. */
class PasswordMissing extends PrecrmError {}

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
        throw new PasswordMissing(`the PostgreSQL server asks for a password for user "${s.user}" (${s.label}): give it in the URL, PGPASSWORD or ~/.pgpass`, EXIT.noPerm);
      }
      return password;
    },
    ssl: ssl ?? false,
    application_name: 'precrm',
  };
}

/** One connection attempt within `ms`; on any failure its socket is dropped. */
async function attempt(config: pg.ClientConfig, ms: number, late: Error): Promise<pg.Client> {
  const client = new pg.Client(config);
  guardParser(client);
  // A connection that breaks while idle must not crash the process; the next statement reports it.
  client.on('error', () => undefined);
  try {
    await bounded(client, ms, late, () => client.connect());
    return client;
  } catch (err) {
    // pg leaves the socket open after an error during start-up (and after sslmode=prefer's refused TLS request).
    dropConnection(client);
    throw err;
  }
}

/** Connects (sslmode=prefer falling back to plain text) and runs `first`, all within one PRECRM_CONNECT_TIMEOUT. */
async function connectOnce<T>(s: PgSettings, options: ConnectOptions, first: (client: pg.Client) => Promise<T>): Promise<{ client: pg.Client; first: T }> {
  const started = Date.now();
  const left = () => options.timeoutMs - (Date.now() - started);
  const late = connectError(Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' }), s, options.timeoutMs);
  const ssl = tlsOptions(s, options.homedir);
  let client: pg.Client;
  try {
    client = await attempt(clientConfig(s, ssl, options), left(), late);
  } catch (err) {
    // sslmode=prefer: a server without TLS is asked again in plain text, as libpq does.
    if (!(s.sslmode === 'prefer' && ssl && /does not support SSL/i.test(String((err as Error)?.message)))) throw connectError(err, s, options.timeoutMs);
    try {
      client = await attempt(clientConfig(s, undefined, options), left(), late);
    } catch (again) {
      throw connectError(again, s, options.timeoutMs);
    }
  }
  try {
    // A service may let precrm in and then never answer: the first statement is part of connecting.
    return { client, first: await bounded(client, left(), late, () => first(client)) };
  } catch (err) {
    dropConnection(client);
    throw err;
  }
}

/**
 * Connects and runs the session's first statement, or throws a PrecrmError (69 unreachable / not PostgreSQL / TLS
 * refused / no answer in time, 77 credentials or permission). A password the server asks for and nobody gave is
 * asked at the terminal when someone can answer (the wait for it is not counted), as psql does: then a new
 * connection is made with it.
 */
export async function openConnection<T>(s: PgSettings, options: ConnectOptions, first: (client: pg.Client) => Promise<T>): Promise<{ client: pg.Client; first: T }> {
  const kept = await reuseKept(s, options, first);
  if (kept) return kept;
  try {
    return await connectOnce(s, options, first);
  } catch (err) {
    if (!(err instanceof PasswordMissing) || !options.askPassword) throw err;
    const password = await options.askPassword(`Password for user ${s.user} on ${serverName(s)}:`);
    return connectOnce({ ...s, password }, options, first);
  }
}

/**
 * A connection kept from an earlier store of this process (kept.ts; the tests turn that on) with `first` run on it,
 * or undefined: none kept, or the kept one failed (the server ended it meanwhile), which is then dropped.
 */
async function reuseKept<T>(s: PgSettings, options: ConnectOptions, first: (client: pg.Client) => Promise<T>): Promise<{ client: pg.Client; first: T } | undefined> {
  const client = takeKeptConnection(connectionKey(s));
  if (!client) return undefined;
  const late = connectError(Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' }), s, options.timeoutMs);
  try {
    return { client, first: await bounded(client, options.timeoutMs, late, () => first(client)) };
  } catch {
    dropConnection(client);
    return undefined;
  }
}

/** Connects, or throws a PrecrmError (69 / 77, as openConnection). */
export async function connect(s: PgSettings, options: ConnectOptions): Promise<pg.Client> {
  return (await openConnection(s, options, async () => undefined)).client;
}
