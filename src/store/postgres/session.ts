// A pg connection as the shared SQL layer's runner: `?` placeholders numbered for PostgreSQL, rows as arrays of
// values in the shapes SQLite gives (types.ts), and server errors turned into precrm's exit codes.
import pg from 'pg';
import type { SqlRunner } from '../sql/runner.js';
import { copyRows } from './copy.js';
import { POSTGRES_DIALECT } from './dialect.js';
import { statementError } from './errors.js';
import type { PgSettings } from './settings.js';
import { PRECRM_TYPES as types } from './types.js';

/** `?` → `$1, $2 …` (precrm's SQL has no `?` inside literals or operators). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PgRunner implements SqlRunner {
  readonly dialect = POSTGRES_DIALECT;

  /** The work last handed to the connection: each query waits for it (one connection runs one query at a time). */
  private last: Promise<unknown> = Promise.resolve();

  /**
   * What broke the connection, when the client heard of it outside a statement (the server ending an idle session
   * sends its reason then): later statements fail only with pg's "not queryable", so this is what gets reported.
   */
  private lost: unknown;

  private readonly onError = (err: unknown) => { this.lost ??= err; };

  constructor(readonly client: pg.Client, private readonly settings: PgSettings) {
    client.on('error', this.onError);
  }

  /** Whether the connection broke while idle (then it must not serve another store). */
  get broken(): boolean {
    return this.lost !== undefined;
  }

  /** Stops listening on the client, which goes on to serve another runner (a kept connection, kept.ts). */
  detach(): void {
    this.client.removeListener('error', this.onError);
  }

  /**
   * Runs `work` on the client after everything handed to it before. Reads issued together (Promise.all) would
   * otherwise overlap on the one connection: pg queues them today, deprecates it, and pg 9 refuses it.
   */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.last.then(work, work);
    this.last = next.catch(() => undefined);
    return next;
  }

  private async query(sql: string, params: readonly unknown[]): Promise<pg.QueryArrayResult> {
    try {
      // Without parameters the simple protocol runs it (several statements allowed: DDL, BEGIN; SET LOCAL …).
      return await this.serially(() => (params.length === 0
        ? this.client.query({ text: sql, rowMode: 'array', types })
        : this.client.query({ text: numbered(sql), values: params as unknown[], rowMode: 'array', types })));
    } catch (err) {
      throw statementError(err, this.settings, this.lost);
    }
  }

  /** Runs a COPY (or any work on the raw client), with the same error mapping as statements. */
  async copy(work: (client: pg.Client) => Promise<void>): Promise<void> {
    try {
      await this.serially(() => work(this.client));
    } catch (err) {
      throw statementError(err, this.settings, this.lost);
    }
  }

  /** Rows into a table through one COPY (an upgrade's data step writes 100k prospects' rows this way). */
  copyRows(table: string, columns: string, rows: Iterable<unknown[]>): Promise<void> {
    return this.copy((client) => copyRows(client, table, columns, rows));
  }

  async rows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    return (await this.query(sql, params)).rows;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
}
