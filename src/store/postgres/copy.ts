// Many records in one COPY … FROM STDIN per table (pg-copy-streams), inside the caller's transaction: an import of
// 100k prospects is a few streamed statements instead of 300k round trips.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RecordOf } from '../store.js';
import { bulkTables, type BulkKind } from '../sql/bulk-rows.js';
import type { Links } from '../sql/links.js';

/** One value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function* lines(rows: Iterable<unknown[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyText).join('\t')}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export async function copyRows(client: pg.Client, table: string, columns: string, rows: Iterable<unknown[]>): Promise<void> {
  await pipeline(Readable.from(lines(rows)), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
}

/** COPYs records of a kind (and a prospect's rows in the other tables) into their tables; `links` as linksFor gave them. */
export async function copyRecords<K extends BulkKind>(client: pg.Client, kind: K, records: readonly RecordOf[K][], links: Links): Promise<void> {
  for (const { table, columns, rows } of bulkTables(kind, links)) await copyRows(client, table, columns, rows(records));
}
