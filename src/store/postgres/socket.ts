// What pg leaves to its caller about the socket under a client: dropping it when the server will not hang up, a
// deadline on any wait, and a parser error turned into a socket error instead of a crash of the process.
import type { Duplex } from 'node:stream';
import type pg from 'pg';

/** Closes the socket now: end() would wait for the server to hang up, which a service that is not PostgreSQL never does. */
export function dropConnection(client: pg.Client): void {
  client.connection.stream.destroy();
}

/**
 * `work` on `client`, given up after `ms`: the socket is dropped (whatever phase pg was in, nothing is left open)
 * and the wait ends with `late`.
 */
export async function bounded<T>(client: pg.Client, ms: number, late: Error, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      dropConnection(client);
      reject(late);
    }, Math.max(1, ms));
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * pg-protocol throws from inside the socket's 'data' handler on a message it cannot read (an authentication method
 * it lacks, such as GSSAPI, or bytes of another protocol), which would end the process with a stack trace: such a
 * throw destroys the socket with that error instead, so it reaches the connect or the statement as any other.
 */
export function guardParser(client: pg.Client): void {
  const con = client.connection as unknown as { attachListeners(stream: Duplex): void };
  const attach = con.attachListeners.bind(con);
  con.attachListeners = (stream) => attach(new Proxy(stream, {
    get(target, key) {
      if (key !== 'on') {
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (event: string, listener: (...args: unknown[]) => void) => target.on(event, event !== 'data' ? listener : (...args: unknown[]) => {
        try {
          listener(...args);
        } catch (err) {
          target.destroy(err as Error);
        }
      });
    },
  }));
}

/** Ends the session politely, but drops it if the server does not hang up within `ms`. */
export async function closeConnection(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, Math.max(1, ms)); });
  await Promise.race([client.end().catch(() => undefined), late]);
  clearTimeout(timer);
  dropConnection(client);
}
