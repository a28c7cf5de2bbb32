// Where a report's rows go and what is said beside them: stdout or `-o FILE` (the format from --format, else the
// file's extension), then on stderr "wrote N row(s) to FILE" or, after a table, a note (why it is empty, what was read).
import type { Context } from '../../context/context.js';
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { fileFormat } from '../common/rows-out.js';
import { info, type Part, type Shown } from '../show.js';

/** -o FILE, which every report takes. */
export interface OutputFlags { output?: string }

/** Where the rows go: the format they are written in, and `-o FILE` when given (`-` is stdout). */
export interface ReportOut { format: Format; output?: string }

/** The empty cohort's note under a table; on stderr, so pipes see only the header. */
const NO_DATA = 'no data for this cohort yet (try a wider --since/--until or fewer filters)';

export function reportOut(flags: OutputFlags, ctx: Pick<Context, 'term'>): ReportOut {
  const format = fileFormat(ctx.term.format, flags.output);
  return flags.output === undefined ? { format } : { format, output: flags.output };
}

/** True when the rows go to a file, not stdout (`-o -` is stdout). */
const toFile = (out: ReportOut): boolean => out.output !== undefined && out.output !== '-';

export interface RowsNotes {
  /** A line under a table on stdout (a report's reading of it). */
  footing?: string;
  /** Said on stderr after a table on stdout (an empty report's why, a survey's response count). */
  tableNote?: string;
}

/** The rows to stdout or the file, then what was written (a file) or the table's note. */
export function reportRows<R>(rows: readonly R[], columns: readonly Column<R>[], out: ReportOut, sheet: string, notes: RowsNotes = {}): Shown {
  const part: Part = {
    kind: 'rows-out', rows, columns,
    out: { format: out.format, output: out.output, sheet, ...(notes.footing === undefined ? {} : { footing: notes.footing }) },
  };
  if (toFile(out)) return [part, info(`wrote ${rows.length} row(s) to ${out.output}`)];
  return notes.tableNote !== undefined && out.format === 'table' ? [part, info(notes.tableNote)] : [part];
}

/** The note of a report whose empty table needs a why: NO_DATA when there are no rows. */
export const emptyNote = (rows: readonly unknown[], note = NO_DATA): RowsNotes => (rows.length === 0 ? { tableNote: note } : {});
