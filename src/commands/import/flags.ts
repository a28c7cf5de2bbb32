// The flags every import takes (how to read the file, what to do with invalid rows, --dry-run) and the typed
// options they become (options.ts parses them, loaded only when an import runs: CSV code stays out of start-up).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { Encoding } from '../../csv/decode.js';
import type { parseValueMapOptions } from '../../csv/headers.js';
import type { DateOrder } from '../../csv/timestamps.js';
import type { Format } from '../../output/render.js';
import { collect } from '../common/options.js';

export interface ImportFlags {
  map?: string[];
  mapValue?: string[];
  dateOrder?: string;
  delimiter?: string;
  encoding?: string;
  headerLine?: string;
  rejects?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

/** Rows planned and written together: at most `rows`, or fewer rows holding `chars` characters of cell text. */
export interface BatchLimit { rows: number; chars: number }

export interface ImportOptions {
  /** The file as typed; `-` is stdin. */
  file: string;
  /** `--map Header=field` as typed: checked against the columns the import reads (responses: its survey's, in run). */
  map: readonly string[];
  /** `--map-value Column:value=new`, parsed. */
  values: ReturnType<typeof parseValueMapOptions>;
  dateOrder?: DateOrder;
  delimiter?: string;
  encoding?: Encoding;
  headerLine?: number;
  rejects?: string;
  skipInvalid: boolean;
  dryRun: boolean;
  batch: BatchLimit;
  /** The output format: a dry run under csv, tsv or json lists what each row would do. */
  format: Format;
}

/** What an import's run uses: the store, the clock, stdin and stderr (progress), the interruption of a long import. */
export type ImportContext = Pick<Context, 'stores' | 'clock' | 'term' | 'interruption'>;

const MAP_HELP = 'read a column as a field (repeatable; field.<key> for a custom field, ignore to drop)';

export function withImportFlags(cmd: Command, mapHelp = MAP_HELP): Command {
  return cmd
    .option('--map <header=field>', mapHelp, collect)
    .option('--map-value <column:value=new>', 'read a value of a column as another (repeatable), e.g. "Lifecycle Stage:lead=interested"', collect)
    .option('--date-order <order>', 'how the file writes 03/07/2024: dmy (3 July) or mdy (March 7); unset, such dates are refused')
    .option('--delimiter <char>', 'field delimiter (default: , ; or tab, sniffed from the header)')
    .option('--encoding <name>', 'the file\'s encoding: utf8, utf16le, utf16be, windows-1252 or latin1 (default: detected)')
    .option('--header-line <n>', 'the line the header row is on (default: 1, or the first after a preamble such as LinkedIn\'s notes)')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones (listed on stderr)')
    .option('--rejects <file>', 'write the rejected rows there (their columns plus a reason column)')
    .option('--dry-run', 'report what would happen and how the columns were read; write nothing (--format csv|json: one row per line)');
}
