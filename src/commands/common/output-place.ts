// What an output path names, and how to write there when it is not a file to replace: a device, a FIFO, a socket,
// or a descriptor (`/dev/stdout`, `/proc/self/fd/N`). A temp file renamed over such a path replaces the node itself
// (as root, /dev/null becomes a regular file), so these are written in place, streaming, as a shell's `>` would.
import { write } from 'node:fs';
import { open, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { createConnection } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';

export type Place =
  /** A regular file, or nothing yet: replaced atomically. */
  | { kind: 'file' }
  /** One of this process's descriptors: written where the shell left it, so `>> log` keeps appending. */
  | { kind: 'descriptor'; fd: number }
  /** A device, a FIFO or another process's descriptor: opened and written; `append` for a regular file behind it. */
  | { kind: 'open'; append: boolean }
  | { kind: 'socket' }
  | { kind: 'folder' };

/** A descriptor folder, as realpath names it: /proc/self/fd is /proc/<pid>/fd, /dev/fd links there too. */
const FD_FOLDER = /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd$/;
const MAX_LINKS = 40;

/** The process and descriptor a path reaches through /proc/<pid>/fd/<n> (following symlinks one by one), if any. */
async function descriptorLink(path: string): Promise<{ pid: number; fd: number } | undefined> {
  let p = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const dir = await realpath(dirname(p)).catch(() => null);
    if (dir === null) return undefined;
    const name = basename(p);
    const m = FD_FOLDER.exec(dir);
    if (m && /^\d+$/.test(name)) return { pid: Number(m[1]), fd: Number(name) };
    const next = await readlink(join(dir, name)).catch(() => null);
    if (next === null) return undefined;
    p = resolve(dir, next);
  }
  return undefined;
}

/** What `path` (absolute) names, seen from the process `pid` (precrm's own). Never opens it: a FIFO cannot block here. */
export async function placeOf(path: string, pid: number): Promise<Place> {
  const link = await descriptorLink(path);
  if (link?.pid === pid) return { kind: 'descriptor', fd: link.fd };
  const st = await stat(path).catch(() => null);
  if (link) return { kind: 'open', append: st?.isFile() ?? false };
  if (st === null || st.isFile()) return { kind: 'file' };
  if (st.isDirectory()) return { kind: 'folder' };
  if (st.isSocket()) return { kind: 'socket' };
  return { kind: 'open', append: false };
}

const O_ACCMODE = 3;

/**
 * Why our descriptor `fd` cannot take output, from its flags in /proc. Only stdout and stderr are the shell's for
 * sure: from 3 up, Node keeps its own pipes and event descriptors, and bytes written there corrupt the process.
 */
export async function descriptorProblem(fd: number): Promise<string | undefined> {
  if (fd === 0) return 'it is stdin';
  if (fd !== 1 && fd !== 2) return `descriptor ${fd} may be one of precrm's own; of its descriptors only stdout and stderr are written in place`;
  const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => null);
  if (info === null) return `EBADF: descriptor ${fd} is not open`;
  const flags = /^flags:\s*([0-7]+)$/m.exec(info);
  if (flags !== null && (parseInt(flags[1]!, 8) & O_ACCMODE) === constants.O_RDONLY) return 'it is open for reading only';
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function writeOnce(fd: number, bytes: Buffer, offset: number): Promise<number> {
  return new Promise((done, fail) => write(fd, bytes, offset, bytes.length - offset, null, (err, n) => (err ? fail(err) : done(n))));
}

/**
 * Writes all of `bytes` at the descriptor's own position (null: as the shell opened it, appending or not). A pipe or
 * terminal that Node made non-blocking answers EAGAIN when full: wait for the reader rather than fail.
 */
export async function writeDescriptor(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += await writeOnce(fd, bytes, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      await sleep(5);
    }
  }
}

/** Opens the device or FIFO (a FIFO waits for its reader, as the shell's `>` does) and writes everything. */
export async function writeOpened(path: string, bytes: Buffer, append: boolean): Promise<void> {
  // No O_CREAT and no O_TRUNC: the node exists and stays what it is; O_APPEND only for a regular file behind it.
  const fh = await open(path, constants.O_WRONLY | constants.O_NOCTTY | (append ? constants.O_APPEND : 0));
  try {
    await writeDescriptor(fh.fd, bytes);
  } finally {
    await fh.close();
  }
}

/** Connects to a Unix socket and sends everything. */
export function writeSocket(path: string, bytes: Buffer): Promise<void> {
  return new Promise((done, fail) => {
    const socket = createConnection({ path });
    socket.on('error', fail);
    socket.on('connect', () => socket.end(bytes));
    socket.on('close', (hadError) => { if (!hadError) done(); });
  });
}
