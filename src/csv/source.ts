// Where an import's bytes come from, read in chunks and never as one string: a regular file is read again for each
// pass; stdin (or a pipe, a FIFO, `<(…)`) is kept as it streams by — in memory while small, else in a private
// temporary file — so that a large input can be read a second time without being held whole.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, PrecrmError } from '../domain/errors.js';
import { PRIVATE_FILE } from '../files/modes.js';

/** Bytes per read: large enough that per-chunk work is negligible, small enough to stay out of the memory budget. */
const CHUNK = 1 << 20;
/** Stdin up to this size is kept in memory for a second pass; beyond it, in a temporary file. */
const KEEP_IN_MEMORY = 8 << 20;

export interface ImportInput {
  /** As the user named it (`-` for stdin), for messages. */
  readonly name: string;
  /** Bytes, when known before reading (a regular file): for the progress bar. */
  readonly size: number | undefined;
  /** The bytes, in chunks; every call reads from the start. A file that changed since the first read is exit 66. */
  chunks(): AsyncIterable<Buffer>;
  /** Removes what a second pass would have needed (a temporary copy of stdin). */
  close(): Promise<void>;
}

const cannotRead = (name: string, err: unknown): PrecrmError => {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code ?? String(err);
  return new PrecrmError(`cannot read ${name} (${why}); check the path, or use - to read stdin`, EXIT.noInput);
};

/** `-` is stdin; a missing or unreadable file is exit 66. `keepInMemory`: bytes of a stream kept in memory (tests). */
export async function openInput(source: string, cwd: string, stdin: NodeJS.ReadableStream | undefined, keepInMemory = KEEP_IN_MEMORY): Promise<ImportInput> {
  if (source === '-') {
    if (!stdin) throw new PrecrmError('cannot read stdin', EXIT.noInput);
    return new KeptStream(source, stdin, keepInMemory);
  }
  const path = resolve(cwd, source);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw cannotRead(source, err);
  }
  const st = await fh.stat();
  if (st.isDirectory()) {
    await fh.close();
    throw cannotRead(source, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  }
  // A FIFO or `<(…)` can be read once only: keep what it gives, as for stdin.
  if (!st.isFile()) return new KeptStream(source, fh.createReadStream({ highWaterMark: CHUNK }), keepInMemory);
  return new RegularFile(source, path, fh, st);
}

type Identity = { dev: number; ino: number; size: number; mtimeMs: number };
const sameFile = (a: Identity, b: Identity) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

class RegularFile implements ImportInput {
  readonly size: number;
  private first: FileHandle | undefined;

  constructor(readonly name: string, private readonly path: string, fh: FileHandle, private readonly identity: Identity) {
    this.size = identity.size;
    this.first = fh;
  }

  async *chunks(): AsyncIterable<Buffer> {
    const fh = this.first;
    this.first = undefined;
    if (!fh) await this.unchanged();
    const stream = fh ? fh.createReadStream({ highWaterMark: CHUNK }) : createReadStream(this.path, { highWaterMark: CHUNK });
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (err) {
      throw err instanceof PrecrmError ? err : cannotRead(this.name, err);
    } finally {
      stream.destroy();
    }
    if (!fh) await this.unchanged();
  }

  /** The second pass must read what the first one checked: a file rewritten meanwhile is refused (nothing is written). */
  private async unchanged(): Promise<void> {
    const now = await stat(this.path).catch((err: unknown) => { throw cannotRead(this.name, err); });
    if (!sameFile(now, this.identity)) {
      throw new PrecrmError(`${this.name} changed while it was being imported; nothing was written (import it again once it is complete)`, EXIT.noInput);
    }
  }

  async close(): Promise<void> {
    await this.first?.close();
    this.first = undefined;
  }
}

/** A stream read once: its chunks are kept (memory, then a 0600 file in a private temporary folder) for later passes. */
class KeptStream implements ImportInput {
  readonly size = undefined;
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private spool: { dir: string; fh: FileHandle; path: string } | undefined;
  private read = false;

  constructor(readonly name: string, private readonly stream: NodeJS.ReadableStream, private readonly keepInMemory: number) {}

  async *chunks(): AsyncIterable<Buffer> {
    if (this.read) {
      yield* this.again();
      return;
    }
    this.read = true;
    try {
      for await (const raw of this.stream) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
        await this.keep(chunk);
        yield chunk;
      }
    } catch (err) {
      throw err instanceof PrecrmError ? err : cannotRead(this.name, err);
    }
  }

  private async keep(chunk: Buffer): Promise<void> {
    if (!this.spool && this.keptBytes + chunk.length <= this.keepInMemory) {
      this.kept.push(chunk);
      this.keptBytes += chunk.length;
      return;
    }
    if (!this.spool) {
      const dir = await mkdtemp(join(tmpdir(), 'precrm-import-'));
      const path = join(dir, 'input.csv');
      this.spool = { dir, path, fh: await open(path, 'wx', PRIVATE_FILE) };
      for (const k of this.kept) await this.spool.fh.write(k);
      this.kept = [];
    }
    await this.spool.fh.write(chunk);
  }

  private async *again(): AsyncIterable<Buffer> {
    if (!this.spool) {
      yield* this.kept;
      return;
    }
    const stream = createReadStream(this.spool.path, { highWaterMark: CHUNK });
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } finally {
      stream.destroy();
    }
  }

  async close(): Promise<void> {
    const spool = this.spool;
    this.spool = undefined;
    this.kept = [];
    if (!spool) return;
    await spool.fh.close().catch(() => undefined);
    await rm(spool.dir, { recursive: true, force: true });
  }
}
