// The reading half of an import: a first pass over the file checks every row (so an invalid row writes nothing) and
// keeps the rows only while they fit one batch; a larger file is read again, batch by batch, while it is written.
// Memory is bounded by the batch, never by the file.
import { EXIT, PrecrmError, dataError, usageError } from '../../domain/errors.js';
import { matchHeaders, parseMapOptions, resolveValueMaps, type HeaderMatch, type HeaderSpec } from '../../csv/headers.js';
import { RowLoader, type ImportRow, type RowParser } from '../../csv/load.js';
import { readCsv, type CsvLayout, type ParseOptions } from '../../csv/read.js';
import type { CsvRecord } from '../../csv/record.js';
import type { Rejection } from '../../csv/report.js';
import { openInput, type ImportInput } from '../../csv/source.js';
import { startProgress, type Progress } from '../../output/progress.js';
import type { BatchLimit, ImportContext, ImportOptions } from './flags.js';

/** Checks a `--map-value` replacement once, before any row is read (e.g. that a stage column gets a stage). */
type ValueCheck = (field: string, value: string) => void;

export interface ReadRows<T> {
  header: string[];
  delimiter: string;
  /** How the file was read (encoding, header line, CSV or vCard): what the dry run reports. */
  layout: CsvLayout;
  match: HeaderMatch;
  /** Data rows in the file (blank lines aside). */
  rowCount: number;
  /** Every invalid row of the file, by line. */
  rejected: Rejection[];
  /** Every valid row, when the file fits one batch; null: read them again with `batches`. */
  whole: ImportRow<T>[] | null;
  /** The valid rows again, a batch at a time, from a new read of the input. */
  batches(): AsyncGenerator<ImportRow<T>[]>;
  /** Removes what the second pass needed (a temporary copy of stdin). */
  close(): Promise<void>;
}

/** A file of a megabyte or more takes long enough to deserve a progress bar. */
const LARGE_FILE = 1 << 20;

const charsOf = (cells: readonly string[]): number => {
  let n = 0;
  for (const c of cells) n += c.length;
  return n;
};

// The bar is drawn on stderr while the file is read: a long run's progress, not its result.
async function progressFor(ctx: ImportContext, input: ImportInput, label: string): Promise<Progress> {
  const show = Boolean(ctx.term.stderr.isTTY) && !ctx.term.quiet && (input.size ?? 0) >= LARGE_FILE;
  return startProgress(ctx.term.stderr, `${label} ${input.name}`, show);
}

/** The input's chunks, moving the progress bar as bytes go by. */
async function* counted(input: ImportInput, progress: Progress): AsyncGenerator<Buffer> {
  let done = 0;
  for await (const chunk of input.chunks()) {
    done += chunk.length;
    if (input.size !== undefined) progress.update(Math.min(done, input.size), input.size);
    yield chunk;
  }
}

/** How one kind of import reads its rows. */
export interface ReadSetup<T> {
  spec: HeaderSpec;
  parse: RowParser<T>;
  checkValue?: ValueCheck;
  /** Whether a vCard file gives these rows (prospects: a card is a contact). */
  vcard?: boolean;
}

/** How the first pass reads the input: the flags, a `.vcf` name, and the search for a header after a preamble. */
function parseOptions(o: ImportOptions, spec: HeaderSpec, overrides: ReadonlyMap<string, string | null>): ParseOptions {
  return {
    delimiter: o.delimiter,
    encoding: o.encoding,
    headerLine: o.headerLine,
    recognise: (cells) => cells.length - matchHeaders(cells, spec, overrides).unknown.length,
    vcard: /\.(vcf|vcard)$/i.test(o.file) ? true : undefined,
  };
}

/** The same reading again, for the second pass: the encoding, delimiter and header line the first pass settled on. */
const sameLayout = (l: CsvLayout): ParseOptions => ({ encoding: l.encoding, delimiter: l.delimiter, headerLine: l.headerLine, vcard: l.format === 'vcard' });

/** The first pass: header, column checks, every row validated; rows kept only while they fit one batch. */
export async function readRows<T>(ctx: ImportContext, o: ImportOptions, setup: ReadSetup<T>): Promise<ReadRows<T>> {
  const { file, dateOrder, batch: limit } = o;
  // Checked in parse where the columns are known without the store; a survey's, here.
  const overrides = parseMapOptions(o.map, setup.spec);
  const options = parseOptions(o, setup.spec, overrides);
  const input = await openInput(file, ctx.clock.cwd, ctx.term.stdin.stream);
  try {
    const progress = await progressFor(ctx, input, 'reading');
    try {
      const csv = await readCsv(counted(input, progress), options);
      if (csv.format === 'vcard' && !setup.vcard) throw dataError(`${file} is a vCard file (contacts): import it with import prospects`);
      if (csv.format === 'vcard' && o.headerLine !== undefined) throw usageError('--header-line does not apply to a vCard file (it has no header row)');
      const values = resolveValueMaps(o.values, csv.header);
      if (setup.checkValue) {
        const targets = matchHeaders(csv.header, setup.spec, overrides).targets;
        for (const [i, map] of values) for (const to of map.values()) if (targets[i]) setup.checkValue(targets[i]!, to);
      }
      // One "now" for both passes: a row checked against today must not be checked against tomorrow the second time.
      const now = ctx.clock.now();
      const loader = () => new RowLoader(csv.header, setup.spec, { overrides, values }, setup.parse, { now, decimalComma: csv.delimiter === ';', dateOrder, keepPartial: o.skipInvalid });
      const first = loader();
      const layout: CsvLayout = { format: csv.format, encoding: csv.encoding, encodingSource: csv.encodingSource, delimiter: csv.delimiter, headerLine: csv.headerLine, headerFound: csv.headerFound };
      const result = { header: csv.header, delimiter: csv.delimiter, layout, match: first.match, rowCount: 0, rejected: [] as Rejection[], whole: [] as ImportRow<T>[] | null };
      let chars = 0;
      for await (const records of csv.batches) {
        result.rowCount += records.length;
        const loaded = first.load(records);
        // Without --rejects, a rejected row's cells are never written anywhere: keep only its line and reason.
        for (const r of loaded.rejected) result.rejected.push(o.rejects === undefined ? { ...r, cells: [] } : r);
        if (!result.whole) continue;
        for (const r of loaded.rows) chars += charsOf(r.cells);
        if (result.whole.length + loaded.rows.length > limit.rows || chars > limit.chars) result.whole = null;
        else for (const r of loaded.rows) result.whole.push(r);
      }
      const again = () => secondPass(input, { layout: sameLayout(layout), loader, limit, rejected: result.rejected.length }, ctx);
      return { ...result, batches: again, close: () => input.close() };
    } finally {
      progress.stop();
    }
  } catch (err) {
    await input.close();
    throw err;
  }
}

interface PassOne<T> { layout: ParseOptions; loader: () => RowLoader<T>; limit: BatchLimit; rejected: number }

/** The second pass: the same records, checked the same way, as batches of valid rows (invalid ones were listed already). */
async function* secondPass<T>(input: ImportInput, first: PassOne<T>, ctx: ImportContext): AsyncGenerator<ImportRow<T>[]> {
  const { loader, limit } = first;
  const progress = await progressFor(ctx, input, 'importing');
  try {
    const csv = await readCsv(counted(input, progress), first.layout);
    const rows = loader();
    let batch: ImportRow<T>[] = [];
    let chars = 0;
    let rejected = 0;
    for await (const records of csv.batches as AsyncGenerator<CsvRecord[]>) {
      const loaded = rows.load(records);
      rejected += loaded.rejected.length;
      for (const r of loaded.rows) {
        batch.push(r);
        chars += charsOf(r.cells);
        if (batch.length < limit.rows && chars < limit.chars) continue;
        yield batch;
        batch = [];
        chars = 0;
      }
    }
    // Never a row skipped unreported: the second reading must find exactly the rows the first one checked.
    if (rejected !== first.rejected) throw new PrecrmError(`${input.name} read differently the second time; nothing was written (import it again)`, EXIT.noInput);
    if (batch.length) yield batch;
  } finally {
    progress.stop();
  }
}
