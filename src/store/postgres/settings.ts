// What a PostgreSQL store URL means, as libpq reads it: the URL's parts first, then its query parameters, then the
// PG* variables, then libpq's defaults; and the same URL with its password hidden, for anything shown to people.
import { usageError } from '../../domain/errors.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

export interface PgSettings {
  host: string;
  port: number;
  user: string;
  database: string;
  /** From the URL or PGPASSWORD; otherwise ~/.pgpass is read when the server asks. */
  password: string | undefined;
  sslmode: SslMode;
  sslrootcert: string | undefined;
  sslcert: string | undefined;
  sslkey: string | undefined;
  /** The URL for people: the password shown as ***. */
  label: string;
}

/** What the settings may be filled from besides the URL (never read from the process here). */
interface PgEnvironment {
  env: Record<string, string | undefined>;
  /** The OS user name: libpq's default user. */
  osUser: string;
}

const SCHEME = /^postgres(?:ql)?:\/\//i;
/** The libpq query parameters precrm honours; any other one is refused, as libpq refuses it. */
const KNOWN_PARAMS = ['host', 'port', 'user', 'password', 'dbname', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'application_name', 'connect_timeout'];

/**
 * The URL with any password replaced by ***, whether or not it parses: the user-info part (up to the last @ before
 * the path) keeps only its user name, and a `password=` query parameter loses its value.
 */
export function redactPostgresUrl(location: string): string {
  const scheme = SCHEME.exec(location)?.[0] ?? '';
  const rest = location.slice(scheme.length);
  const q = rest.search(/[?#]/);
  let main = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q);
  const at = main.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = main.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) main = `${userinfo.slice(0, colon)}:***${main.slice(at)}`;
  }
  return scheme + main + query.replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function decode(part: string, what: string, label: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw usageError(`the ${what} in ${label} is not valid percent-encoding`);
  }
}

/** Stands in for the empty host of `postgres://user@/db`, which libpq allows and WHATWG URL parsing does not. */
const NO_HOST = 'precrm-no-host.invalid';

function parseUrl(location: string, label: string): URL {
  for (const candidate of [location, location.replace(/@(?=[/?]|$)/, `@${NO_HOST}`)]) {
    try {
      return new URL(candidate);
    } catch {
      // try the next form
    }
  }
  throw usageError(`${label} is not a PostgreSQL URL (e.g. postgres://mitra@db.example/shop)`);
}

/** Reads a PostgreSQL URL with libpq's precedence: URL, then query parameters, then PG* variables, then defaults. */
export function pgSettings(location: string, { env, osUser }: PgEnvironment): PgSettings {
  const label = redactPostgresUrl(location);
  const url = parseUrl(location, label);
  const params = url.searchParams;
  for (const key of params.keys()) {
    if (!KNOWN_PARAMS.includes(key)) {
      throw usageError(`${label}: unknown parameter "${key}" (precrm reads ${KNOWN_PARAMS.join(', ')})`);
    }
  }
  const pick = (...values: (string | null | undefined)[]): string | undefined => values.find((v): v is string => typeof v === 'string' && v !== '');
  // A Unix socket folder may stand percent-encoded in the host part (postgres://%2Fvar%2Frun%2Fpostgresql/shop).
  const urlHost = url.hostname === NO_HOST ? '' : decode(url.hostname.replace(/^\[(.*)\]$/, '$1'), 'host', label);
  const host = pick(urlHost, params.get('host'), env.PGHOST) ?? 'localhost';
  const portText = pick(url.port, params.get('port'), env.PGPORT) ?? '5432';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw usageError(`${label}: port "${portText}" is not a port number`);
  const user = pick(decode(url.username, 'user name', label), params.get('user'), env.PGUSER) ?? osUser;
  const path = url.pathname.replace(/^\//, '');
  const database = pick(decode(path, 'database name', label), params.get('dbname'), env.PGDATABASE) ?? user;
  const password = pick(decode(url.password, 'password', label), params.get('password'), env.PGPASSWORD);
  const mode = pick(params.get('sslmode'), env.PGSSLMODE) ?? 'prefer';
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw usageError(`${label}: sslmode "${mode}" is not one of ${SSL_MODES.join(', ')}`);
  }
  return {
    host,
    port,
    user,
    database,
    password,
    sslmode: mode as SslMode,
    sslrootcert: pick(params.get('sslrootcert'), env.PGSSLROOTCERT),
    sslcert: pick(params.get('sslcert'), env.PGSSLCERT),
    sslkey: pick(params.get('sslkey'), env.PGSSLKEY),
    label,
  };
}

/** `host:port` for messages (a socket folder shown as it is). */
export const serverName = (s: Pick<PgSettings, 'host' | 'port'>): string => (s.host.startsWith('/') ? `${s.host} (port ${s.port})` : `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`);

/**
 * The role a PostgreSQL store URL logs in as (URL, `user=`, PGUSER, else the OS user, as libpq decides): the
 * database's name for the person at the keyboard. Undefined when the URL does not parse (opening it says why).
 */
export function pgLoginRole(location: string, env: Record<string, string | undefined>, osUser: string): string | undefined {
  try {
    return pgSettings(location, { env, osUser }).user;
  } catch {
    return undefined;
  }
}
