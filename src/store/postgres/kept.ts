// Idle connections a process may keep from one store's close to the next open of the same database as the same
// role: off unless turned on, as the CLI runs one command per process; a harness that runs hundreds of commands
// in one process (the tests) turns it on, so a command costs its statements rather than a new server session.
import type pg from 'pg';
import type { PgSettings } from './settings.js';

/** Idle clients by what they were connected with (server, role, password, database, TLS settings). */
const idle = new Map<string, pg.Client[]>();
let keeping = false;

/** What a connection was made with: two stores share one only when every setting is the same. */
export function connectionKey(s: PgSettings): string {
  const { label: _label, ...settings } = s;
  return JSON.stringify(settings);
}

/** Turns keeping on or off; off closes what is kept. */
export async function keepConnections(on: boolean): Promise<void> {
  keeping = on;
  if (!on) await closeKeptConnections();
}

/** A kept client for `key`, no longer kept (the caller owns it), or undefined. */
export function takeKeptConnection(key: string): pg.Client | undefined {
  const clients = idle.get(key);
  const client = clients?.pop();
  if (clients?.length === 0) idle.delete(key);
  if (client) client.removeListener('end', forgetOnEnd);
  return client;
}

/**
 * Keeps `client` for the next open of `key` when keeping is on and it is idle outside a transaction (nothing of
 * the last command can leak into the next); false when the caller must close it.
 */
export function keepConnection(key: string, client: pg.Client): boolean {
  const alive = !(client as unknown as { _ending: boolean })._ending && !client.connection.stream.destroyed;
  if (!keeping || !alive || client.getTransactionStatus() !== 'I') return false;
  keys.set(client, key);
  client.once('end', forgetOnEnd);
  idle.set(key, [...(idle.get(key) ?? []), client]);
  return true;
}

const keys = new WeakMap<pg.Client, string>();

/** A kept client the server hung up on (a test emptying its database ends every session on it) is let go. */
function forgetOnEnd(this: pg.Client): void {
  const key = keys.get(this);
  const clients = key === undefined ? undefined : idle.get(key);
  if (!clients) return;
  const rest = clients.filter((c) => c !== this);
  if (rest.length) idle.set(key!, rest);
  else idle.delete(key!);
}

/** Ends every kept connection (before a test drops or empties the databases they are on). */
export async function closeKeptConnections(): Promise<void> {
  const clients = [...idle.values()].flat();
  idle.clear();
  await Promise.all(clients.map(async (client) => {
    client.removeListener('end', forgetOnEnd);
    await client.end().catch(() => undefined);
  }));
}
