// The flags every import takes, parsed before anything is opened: a bad value is a usage error (exit 2).
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { parseEncoding } from '../../csv/decode.js';
import { parseMapOptions, parseValueMapOptions, type HeaderSpec } from '../../csv/headers.js';
import { parseDelimiter } from '../../csv/read.js';
import { DATE_ORDERS } from '../../csv/timestamps.js';
import { parseChoice } from '../common/options.js';
import type { BatchLimit, ImportFlags, ImportOptions } from './flags.js';

/** Rows planned and written together: ~30 MB of memory for rows like a contacts export's (bench/run.mjs --import-memory measures the peak). */
const BATCH_ROWS = 5_000;
/** …or fewer, when rows are long (notes): characters of cell text per batch. */
const BATCH_CHARS = 1_000_000;

/** PRECRM_IMPORT_BATCH (rows) tunes the batch: smaller for less memory, larger for fewer round trips. */
function batchLimit(env: Record<string, string | undefined>): BatchLimit {
  const raw = env.PRECRM_IMPORT_BATCH;
  if (raw === undefined || raw === '') return { rows: BATCH_ROWS, chars: BATCH_CHARS };
  const rows = Number(raw);
  if (!Number.isSafeInteger(rows) || rows < 1) throw usageError(`PRECRM_IMPORT_BATCH "${raw}" is not a whole number of rows of at least 1`);
  return { rows, chars: Math.max(BATCH_CHARS, rows * 200) };
}

/** `--header-line N`: a physical line number, 1 or more. */
function parseHeaderLine(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) throw usageError(`--header-line "${text}" is not a line number (1 for the first line)`);
  return n;
}

/** The common flags as options; `spec` checks --map now when the columns are known without the store. */
export function importOptions(file: string, flags: ImportFlags, ctx: Pick<Context, 'clock' | 'term'>, spec?: HeaderSpec): ImportOptions {
  const map = flags.map ?? [];
  if (spec) parseMapOptions(map, spec);
  const values = parseValueMapOptions(flags.mapValue ?? []);
  return {
    file,
    map,
    values,
    dateOrder: flags.dateOrder === undefined ? undefined : parseChoice(flags.dateOrder, DATE_ORDERS, '--date-order'),
    delimiter: flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter),
    encoding: flags.encoding === undefined ? undefined : parseEncoding(flags.encoding),
    headerLine: flags.headerLine === undefined ? undefined : parseHeaderLine(flags.headerLine),
    rejects: flags.rejects,
    skipInvalid: Boolean(flags.skipInvalid),
    dryRun: Boolean(flags.dryRun),
    batch: batchLimit(ctx.clock.env),
    format: ctx.term.format,
  };
}
