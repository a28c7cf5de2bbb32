// A store URL that points at a service which talks but is not PostgreSQL (a web server, an SSH banner, a server
// that answers garbage and never hangs up, one that lets precrm in and then ignores its queries): the built
// binary ends within PRECRM_CONNECT_TIMEOUT (plus start-up), with exit 69 and one line, whatever phase it was in.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrecrm } from '../fixtures.js';

const TIMEOUT_MS = 1_000;
/**
 * Past this after it reached the service, the process is taken for hung and killed: the timeout and a generous
 * margin for a busy machine. Its start-up is not counted (on a machine at a load average of 35 starting node
 * takes seconds), only bounded: STARTED_WITHIN for it to connect at all.
 */
const HUNG_AFTER_MS = 12_000;
const STARTED_WITHIN_MS = 60_000;

/** Bytes of the PostgreSQL protocol: one message with a type byte and an int32 body. */
const message = (type: string, ...ints: number[]): Buffer => {
  const b = Buffer.alloc(5 + 4 * ints.length);
  b.write(type, 0, 'latin1');
  b.writeInt32BE(4 + 4 * ints.length, 1);
  ints.forEach((n, i) => b.writeInt32BE(n, 5 + 4 * i));
  return b;
};
const READY = Buffer.concat([message('R', 0), Buffer.from('Z\0\0\0\x05I', 'latin1')]); // AuthenticationOk, ReadyForQuery

const isSslRequest = (b: Buffer): boolean => b.length === 8 && b.readInt32BE(4) === 80877103;

/**
 * What each fake service does with a chunk the client sends (`n` = how many chunks this connection has had). A
 * PostgreSQL-like one refuses TLS ('N') so that sslmode=prefer goes on in plain text, as against a real server.
 */
const SERVICES: Record<string, (s: Socket, chunk: Buffer, n: number) => void> = {
  'says nothing': () => undefined,
  'answers garbage and never hangs up': (s) => s.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'),
  'answers a message type PostgreSQL does not have': (s, b) => s.write(isSslRequest(b) ? 'N' : message('\x01')),
  'lets the client in, then ignores its queries': (s, b, n) => { if (isSslRequest(b)) s.write('N'); else if (n === 1) s.write(READY); },
  'asks for a password, then ignores it': (s, b, n) => { if (isSslRequest(b)) s.write('N'); else if (n === 1) s.write(message('R', 3)); },
  'agrees to TLS, then says nothing': (s, b) => { if (isSslRequest(b)) s.write('S'); },
  'asks for an authentication method that does not exist': (s, b) => s.write(isSslRequest(b) ? 'N' : message('R', 99)),
};

const servers: Server[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
});

/** A loopback TCP service that never closes a connection itself, not even when the client half-closes it. */
async function fakeService(behaviour: (s: Socket, chunk: Buffer, n: number) => void): Promise<Server> {
  const srv = createServer({ allowHalfOpen: true }, (s) => {
    sockets.push(s);
    let n = 0;
    s.on('error', () => undefined);
    s.on('data', (chunk: Buffer) => behaviour(s, chunk, isSslRequest(chunk) ? 0 : ++n));
  });
  return listen(srv);
}

async function listen(srv: Server): Promise<Server> {
  servers.push(srv);
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return srv;
}

/**
 * The built binary's `store check` against that service, killed if it has not connected within STARTED_WITHIN_MS
 * or outlives HUNG_AFTER_MS from its first connection; `ms` counts from that connection.
 */
async function checkWithin(srv: Server, sslmode: string) {
  const url = `postgres://mitra:Secret-pw@127.0.0.1:${(srv.address() as { port: number }).port}/shop?sslmode=${sslmode}`;
  let connectedAt = 0;
  let killer: NodeJS.Timeout | undefined;
  const p = startPrecrm(url, ['store', 'check'], { PRECRM_CONNECT_TIMEOUT: String(TIMEOUT_MS) });
  const kill = () => p.child.kill('SIGKILL');
  const onConnection = () => {
    connectedAt = Date.now();
    clearTimeout(killer);
    killer = setTimeout(kill, HUNG_AFTER_MS);
  };
  srv.once('connection', onConnection);
  killer = setTimeout(kill, STARTED_WITHIN_MS);
  const r = await p.done;
  clearTimeout(killer);
  srv.removeListener('connection', onConnection);
  return { ...r, ms: connectedAt ? Date.now() - connectedAt : Number.NaN };
}

function expectOneLine69(r: Awaited<ReturnType<typeof checkWithin>>): void {
  expect(r.signal, `hung: killed after ${r.ms} ms; stderr: ${r.stderr}`).toBeNull();
  expect(r.code, r.stderr).toBe(69);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: .* at 127\.0\.0\.1:\d+\b.*postgres:\/\/mitra:\*\*\*@127\.0\.0\.1:\d+\/shop/);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toContain('Secret-pw');
}

// Side by side (vitest's maxConcurrency at a time): each test mostly waits out its PRECRM_CONNECT_TIMEOUT.
describe.concurrent('a PostgreSQL URL naming a service that is not PostgreSQL', { timeout: 2 * STARTED_WITHIN_MS }, () => {
  for (const [what, behaviour] of Object.entries(SERVICES)) {
    for (const sslmode of ['prefer', 'disable']) {
      it(`${what} (sslmode=${sslmode}) → 69 on one line, no hang`, async () => {
        expectOneLine69(await checkWithin(await fakeService(behaviour), sslmode));
      });
    }
  }

  it('a server asking for GSSAPI, which pg cannot do → 77 on one line saying so (pg-protocol throws: it was a crash)', async () => {
    const srv = await fakeService((s, b) => s.write(isSslRequest(b) ? 'N' : message('R', 7)));
    const r = await checkWithin(srv, 'prefer');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 77, signal: null });
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: the PostgreSQL server at 127\.0\.0\.1:\d+ asks user "mitra" to log in with GSSAPI, which precrm does not support/)]);
  });

  it('a web server → 69 on one line, no hang', async () => {
    const srv = await listen(createHttpServer((_req, res) => res.end('hello')) as unknown as Server);
    for (const sslmode of ['prefer', 'disable', 'require']) expectOneLine69(await checkWithin(srv, sslmode));
  });
});
