// The steps every import takes: check the --rejects target, read and check every row (read.ts), say how the file
// was read, plan and apply in one locked write (apply.ts: batch by batch for a large file), write the rejected rows.
import { dataError } from '../../domain/errors.js';
import type { HeaderMatch } from '../../csv/headers.js';
import { missingColumns } from '../../csv/load.js';
import { byLine, rejectsCsv, type RowOutcome } from '../../csv/report.js';
import type { StoreReader } from '../../store/store.js';
import { outputTarget, writeOutput, type OutputTarget } from '../common/output-file.js';
import { importRows, type Planner } from './apply.js';
import type { Tally } from './counts.js';
import { readNotes } from './explain.js';
import type { ImportContext, ImportOptions } from './flags.js';
import { readRows, type ReadRows, type ReadSetup } from './read.js';
import type { ImportResult } from './result.js';

/** One kind of import: how its rows are read, the columns it needs, and how they are planned and applied. */
export interface ImportKind<R, P> {
  read: ReadSetup<R>;
  /** Column groups the file must give one of each (`[['email', 'prospect'], ['at']]`). */
  needs: string[][];
  /** A warning about the columns found, said before the rows are planned. */
  warn?(match: HeaderMatch): string | undefined;
  planner: Planner<R, P>;
  /** Whether a dry run lists what each row would do (prospects, under csv, tsv or json). */
  outcomes?: boolean;
}

/** The kind for this run's "now"; `store` opens the store for a kind that reads it first (responses: the survey). */
export type KindOf<R, P> = (now: string, store: () => Promise<StoreReader>) => ImportKind<R, P> | Promise<ImportKind<R, P>>;

/** The rejects file, checked before anything else happens: an import refused for its --rejects target writes nothing. */
const rejectsTarget = async (ctx: ImportContext, o: ImportOptions): Promise<OutputTarget | undefined> =>
  o.rejects === undefined ? undefined : outputTarget(ctx, o.rejects, 'the rejects file');

function requireColumns(match: HeaderMatch, needs: string[][], header: readonly string[]): void {
  const missing = missingColumns(match, needs);
  if (missing.length) {
    throw dataError(`no column gives ${missing.join(', ')} (columns: ${header.map((h) => `"${h}"`).join(', ')}); map one with --map "Header=field"`);
  }
}

/** Reads, plans and applies the file; what it came to (a refused import too: show ends it with exit 65). */
export async function importFile<R, P>(ctx: ImportContext, o: ImportOptions, kindOf: KindOf<R, P>): Promise<ImportResult> {
  const rejects = await rejectsTarget(ctx, o);
  const kind = await kindOf(ctx.clock.now().toISOString(), () => ctx.stores.open());
  const read = await readRows(ctx, o, kind.read);
  try {
    // Said as soon as the file is read, before the long part: they must show when the import then fails or is stopped.
    for (const note of readNotes(read, kind.read.spec, o.dryRun)) ctx.term.info(note);
    requireColumns(read.match, kind.needs, read.header);
    const warning = kind.warn?.(read.match);
    if (warning !== undefined) ctx.term.warn(warning);
    const { tally, written } = await importRows(ctx, o, read, kind.planner);
    return await finish(ctx, o, read, { tally, written, listed: Boolean(kind.outcomes) && listsRows(o) }, rejects);
  } finally {
    await read.close();
  }
}

/** Whether a dry run lists what each row would do: under csv, tsv or json (a table gets the summary alone). */
export const listsRows = (o: ImportOptions): boolean => o.dryRun && o.format !== 'table';

interface Applied { tally: Tally; written: boolean; listed: boolean }

/** Writes the rejects file and adds up the result; a dry run's listing gets the rejections among its rows. */
async function finish(ctx: ImportContext, o: ImportOptions, read: ReadRows<unknown>, { tally: t, written, listed }: Applied, rejects: OutputTarget | undefined): Promise<ImportResult> {
  const rejected = byLine(t.rejected);
  if (rejects) await writeOutput(ctx, rejects, await rejectsCsv(read.header, rejected, read.delimiter));
  const outcomes = listed ? [...t.outcomes, ...rejected.map((r): RowOutcome => ({ line: r.line, action: 'rejected', id: null, reason: r.reason }))].sort((a, b) => a.line - b.line) : undefined;
  const { created, merged, skipped, suppressed, shared, warnings, unknownEmails } = t;
  return { created, merged, skipped, suppressed, shared, rejected, warnings, unknownEmails, outcomes, written, refused: rejected.length > 0 && !o.skipInvalid, rowCount: read.rowCount };
}
