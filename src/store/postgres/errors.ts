// What went wrong with a PostgreSQL server, in one line a person can act on, with docs/CONTRACT.md §2's exit code:
// 69 when the server cannot be reached (down, unknown host or database, TLS refused), 77 when it refuses the
// credentials or the role lacks a permission. Messages name the server by host and port and the store by its
// redacted URL; they never hold a password, and never the server's text about a customer's data.
import { EXIT, PrecrmError, dataError } from '../../domain/errors.js';
import { serverName, type PgSettings } from './settings.js';

type Where = Pick<PgSettings, 'host' | 'port' | 'user' | 'database' | 'sslmode' | 'label'>;

/** SQLSTATE codes precrm names (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const SQLSTATE = {
  serializationFailure: '40001',
  deadlock: '40P01',
  lockNotAvailable: '55P03',
  insufficientPrivilege: '42501',
  invalidPassword: '28P01',
  invalidAuthorization: '28000',
  unknownDatabase: '3D000',
  tooManyConnections: '53300',
  cannotConnectNow: '57P03',
  adminShutdown: '57P01',
  crashShutdown: '57P02',
  databaseDropped: '57P04',
  idleSessionTimeout: '57P05',
  idleInTransactionTimeout: '25P03',
  readOnlyTransaction: '25006',
  diskFull: '53100',
  uniqueViolation: '23505',
  /** precrm's own (ddl.ts): a store whose rows an upgrade's new constraints would refuse; the message names the row. */
  notUpgradable: 'PRC03',
} as const;

interface ErrorLike { code?: unknown; message?: unknown; severity?: unknown }
const codeOf = (err: unknown): string => String((err as ErrorLike)?.code ?? '');
const messageOf = (err: unknown): string => String((err as ErrorLike)?.message ?? '');
/** A server ErrorResponse (pg's DatabaseError carries severity and a five-character SQLSTATE). */
const isServerError = (err: unknown): boolean => typeof (err as ErrorLike)?.severity === 'string' && /^[0-9A-Z]{5}$/.test(codeOf(err));

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL|EPROTO/;
const NETWORK_GONE = /^(ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|ECONNABORTED|ETIMEDOUT)$/;
/** pg's own words (client.js, connection.js) for a connection that broke, was closed, or never became usable. */
const DRIVER_GONE = /Connection terminated|not queryable|timeout expired|Query read timeout/i;
/** pg's and pg-protocol's words for bytes that are not the PostgreSQL protocol: the service is something else. */
const NOT_POSTGRES = /received invalid response|Received unexpected|error establishing an SSL connection|Unknown authenticationOk/i;

/** Authentication requests PostgreSQL defines that pg cannot answer, by their number in the protocol. */
const AUTH_METHODS: Record<string, string> = { 2: 'Kerberos', 7: 'GSSAPI', 9: 'SSPI' };

/** Why the server ended a session it had accepted (FATAL errors that close the connection). */
const ENDED: Record<string, string> = {
  [SQLSTATE.adminShutdown]: 'it is shutting down, or an administrator ended the session',
  [SQLSTATE.crashShutdown]: 'it is restarting after a crash',
  [SQLSTATE.databaseDropped]: 'the database was dropped',
  [SQLSTATE.idleSessionTimeout]: 'the session was idle too long',
  [SQLSTATE.idleInTransactionTimeout]: 'the session was idle too long',
};

const unavailable = (msg: string) => new PrecrmError(msg, EXIT.unavailable);
const noPermission = (msg: string) => new PrecrmError(msg, EXIT.noPerm);

/** An error met while connecting (TCP, TLS, start-up, authentication), as a PrecrmError. */
export function connectError(err: unknown, s: Where, timeoutMs: number): PrecrmError {
  if (err instanceof PrecrmError) return err;
  const at = serverName(s);
  const code = codeOf(err);
  const message = messageOf(err);
  if (code === 'ECONNREFUSED' || code === 'ENOENT') {
    return unavailable(`cannot reach the PostgreSQL server at ${at} for ${s.label} (connection refused): is it running, and are the host and port right?`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return unavailable(`cannot find the host "${s.host}" of ${s.label}: check the host name in the store URL`);
  }
  if (/timeout/i.test(message) || code === 'ETIMEDOUT') {
    return unavailable(`no answer from the PostgreSQL server at ${at} for ${s.label} within ${timeoutMs} ms: is it up? (PRECRM_CONNECT_TIMEOUT sets the wait)`);
  }
  if (/does not support SSL/i.test(message)) {
    return unavailable(`the PostgreSQL server at ${at} refused TLS, which sslmode=${s.sslmode} requires (${s.label}): turn TLS on at the server, or use sslmode=prefer on a trusted network`);
  }
  if (TLS_CODE.test(code) || /certificate|SSL routines|TLS/i.test(message)) {
    return unavailable(`TLS with the PostgreSQL server at ${at} failed (${code || 'handshake'}) under sslmode=${s.sslmode} for ${s.label}: check its certificate and sslrootcert`);
  }
  switch (code) {
    case SQLSTATE.invalidPassword:
      return noPermission(`the PostgreSQL server at ${at} refused the password of user "${s.user}" for ${s.label}: check the password in the URL, PGPASSWORD or ~/.pgpass`);
    case SQLSTATE.invalidAuthorization:
      // pg_hba.conf has no line letting this user in from here; "no encryption" means only TLS connections are allowed.
      return noPermission(/no encryption/i.test(message)
        ? `the PostgreSQL server at ${at} accepts user "${s.user}" only over TLS (${s.label}): add sslmode=require to the URL`
        : `the PostgreSQL server at ${at} does not let user "${s.user}" into database "${s.database}" from here (${s.label}): its pg_hba.conf must allow it`);
    case SQLSTATE.insufficientPrivilege:
      return noPermission(`user "${s.user}" may not connect to database "${s.database}" on the PostgreSQL server at ${at} (${s.label}): GRANT CONNECT ON DATABASE to it`);
    case SQLSTATE.unknownDatabase:
      return unavailable(`the PostgreSQL server at ${at} has no database "${s.database}" (${s.label}): create it (createdb ${s.database}) or check the URL`);
    case SQLSTATE.tooManyConnections:
      return unavailable(`the PostgreSQL server at ${at} takes no more connections (too many clients) for ${s.label}: try again later, or put a pooler such as PgBouncer in front`);
    case SQLSTATE.notUpgradable:
      return dataError(`the store ${s.label} ${messageOf(err)}; it was left as it was`);
    case SQLSTATE.cannotConnectNow:
    case SQLSTATE.adminShutdown:
      return unavailable(`the PostgreSQL server at ${at} is starting up or shutting down (${s.label}): try again in a moment`);
  }
  const method = AUTH_METHODS[/Unknown authenticationOk message type (\d+)/.exec(message)?.[1] ?? ''];
  if (method) {
    return noPermission(`the PostgreSQL server at ${at} asks user "${s.user}" to log in with ${method}, which precrm does not support (${s.label}): its pg_hba.conf must allow a password (scram-sha-256) for this user`);
  }
  if (NOT_POSTGRES.test(message)) {
    return unavailable(`the service at ${at} does not answer as a PostgreSQL server does (${s.label}): check the host and port in the store URL`);
  }
  if (NETWORK_GONE.test(code) || /terminated|closed|ended/i.test(message)) {
    return unavailable(`the PostgreSQL server at ${at} closed the connection while precrm was connecting (${s.label}): is it a PostgreSQL server, and does it accept this client?`);
  }
  return unavailable(`cannot connect to the PostgreSQL server at ${at} for ${s.label} (${code || 'unknown error'})`);
}

/** Whether a failed transaction may simply run again (another transaction won a race; nothing was written). */
export const isRetryable = (err: unknown): boolean =>
  codeOf(err) === SQLSTATE.serializationFailure || codeOf(err) === SQLSTATE.deadlock;

/** Whether an error says the connection itself is gone (rather than that one statement failed). */
const isConnectionLost = (err: unknown): boolean =>
  isServerError(err)
    ? codeOf(err).startsWith('08') || ENDED[codeOf(err)] !== undefined
    : NETWORK_GONE.test(codeOf(err)) || DRIVER_GONE.test(messageOf(err)) || NOT_POSTGRES.test(messageOf(err));

/**
 * An error from a statement, as a PrecrmError when it is about the server or the role rather than a bug in precrm;
 * anything else is returned unchanged (an internal error, exit 1). `lost` is what broke the connection, when the
 * client heard of it between statements: the statement's own error ("not queryable") says less than that.
 */
export function statementError(err: unknown, s: Where, lost?: unknown): unknown {
  if (err instanceof PrecrmError) return err;
  const cause = lost !== undefined && !isServerError(err) ? lost : err;
  const at = serverName(s);
  const why = ENDED[codeOf(cause)];
  if (why !== undefined && isServerError(cause)) {
    return unavailable(`the PostgreSQL server at ${at} ended the connection (${why}) for ${s.label}; a change in progress was either completed or not started: check before repeating it`);
  }
  if (lost !== undefined || isConnectionLost(cause)) {
    return unavailable(`lost the connection to the PostgreSQL server at ${at} (${s.label}); a change in progress was either completed or not started: check before repeating it`);
  }
  if (!isServerError(err)) return err;
  switch (codeOf(err)) {
    case SQLSTATE.insufficientPrivilege:
      // The server's text names the object ("permission denied for table touches"), never a customer's data.
      return noPermission(`user "${s.user}" lacks a permission precrm needs on ${s.label} (${messageOf(err)}): README § team shows the grants`);
    case SQLSTATE.lockNotAvailable:
      return new PrecrmError(`another precrm process held rows of ${s.label} too long; try again later (or raise PRECRM_LOCK_TIMEOUT)`, EXIT.tempFail);
    case SQLSTATE.readOnlyTransaction:
      return new PrecrmError(`the PostgreSQL server at ${at} is read-only (a standby?), so ${s.label} cannot be written: point the URL at the primary`, EXIT.cantCreate);
    case SQLSTATE.diskFull:
      return new PrecrmError(`the PostgreSQL server at ${at} is out of disk space; nothing was written to ${s.label}`, EXIT.cantCreate);
    case SQLSTATE.notUpgradable:
      return dataError(`the store ${s.label} ${messageOf(err)}; it was left as it was`);
    case SQLSTATE.cannotConnectNow:
      return unavailable(`the PostgreSQL server at ${at} is starting up or shutting down (${s.label}); nothing was written, try again in a moment`);
  }
  return err;
}
