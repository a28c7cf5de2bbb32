// `precrm help <topic>`: the manual's topics. Lists that the code also uses (stages, formats, exit codes, CSV
// columns) are printed from the code's own declarations, so the manual cannot drift from what precrm does.
import { EXIT } from '../../domain/errors.js';
import { STAGES, TOUCH_TYPES } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import { FORMATS } from '../../output/render.js';
import { CONVERSION_CSV_COLUMNS, TOUCH_CSV_COLUMNS } from '../export/columns.js';
import { PROSPECT_CSV_COLUMNS } from '../prospect/columns.js';
import {
  ACTIVITY_COLUMNS, COHORT_COLUMNS, FUNNEL_COLUMNS, VELOCITY_COLUMNS, referralColumns, sourceColumns, touchColumns,
} from '../report/columns.js';
import { DUE_COLUMNS } from '../due/columns.js';
import { STALE_COLUMNS } from '../stale/columns.js';

const STAGE_MEANING: Record<(typeof STAGES)[number], string> = {
  aware: 'noticed us, or we noticed them (a passer-by, saw an ad)',
  interested: 'showed interest: stopped at the window, asked a price, signed up (the default for new prospects)',
  engaged: 'a relationship is forming: accepted a sample, came into the kitchen, replied',
  intent: 'considering a purchase: asked for a quote, put an order on hold',
  customer: 'made a first purchase; reached only through `precrm convert`',
  advocate: 'a customer who refers others: automatic on the first referral, or set by hand',
  lost: 'ended without a purchase (the reason is kept); `precrm prospect reopen` returns to the furthest stage',
};

const EXIT_MEANING: Record<keyof typeof EXIT, string> = {
  ok: 'success (an empty list or report is a success)',
  internal: 'internal error, a bug: rerun with PRECRM_DEBUG=1 for the details',
  usage: 'usage: unknown command or option, bad value, missing argument without a terminal, ambiguous reference',
  notFound: 'not found: a prospect, touch or survey reference that matches nothing',
  conflict: 'conflict: duplicate prospect, impossible transition (convert a lost prospect …)',
  dataErr: 'invalid data: CSV rows that fail (nothing written), a corrupt or newer store (left untouched)',
  noInput: 'an input file or an existing store that cannot be read',
  unavailable: 'a database server that cannot be reached',
  cantCreate: 'the store cannot be created or written (permissions, read-only, disk full)',
  tempFail: 'another process held the store lock past PRECRM_LOCK_TIMEOUT: try again later',
  noPerm: 'a database server refused the credentials or a permission',
  interrupted: 'interrupted (Ctrl-C): nothing half-written; during a write, the message says whether the change was saved',
  terminated: 'terminated (SIGTERM) during a write: the message says whether the change was saved',
};

const keys = (cols: readonly Column<any>[]) => cols.map((c) => c.key).join(', ');

function stages(): string {
  return [
    'STAGES',
    '',
    'A prospect moves along aware → interested → engaged → intent → customer → advocate, or off the path to lost. '
      + 'Every change is kept in the stage history, moves backwards too; reports count the furthest stage a prospect ever reached.',
    '',
    ...STAGES.map((s) => `  ${s.padEnd(11)} ${STAGE_MEANING[s]}`),
    '',
    `Touch types: ${TOUCH_TYPES.join(', ')}.`,
    '',
    '  precrm prospect stage ravi engaged',
    '  precrm convert ravi --value 250 --currency INR',
    '  precrm prospect lose tomas --reason "moved away"',
  ].join('\n');
}

function dates(): string {
  return [
    'DATES',
    '',
    'Wherever precrm takes a date or time (--at, --since, --until, --follow-up, --within, PRECRM_NOW, dates in '
      + 'imported files):',
    '',
    '  2026-03-05, 2026-03-05T18:30  ISO dates and times, in local time unless they carry a zone',
    '  12 Mar 2026, March 12, 2026   a day with its month\'s name (English); without a year, the nearest such day '
      + 'back for --at, ahead for --follow-up',
    '  today, yesterday, tomorrow    now, or the same time a day before or after',
    '  friday                        a weekday name: the coming one ahead, the last one back',
    '  10:00, 6pm                    a time of day, today',
    '  yesterday 18:00, friday 9:30  any of the days above with a time of day (also 12 Mar 2026 18:30)',
    '  3d, 2w, 1m, 1y                spans: days, weeks, months (30 days for cadences), years; also "every 2w"',
    '  2h, 30min, 2 hours ago        hours and minutes (m alone is a month)',
    '',
    'Spans and weekdays point back for --at, --since and --until (3d = three days ago) and ahead for --follow-up, '
      + '--within and cadences (3d = in three days). --since and --until are whole local days, both included. '
      + 'Forms such as 03/04 are refused: they mean March 4 or April 3 depending on the country. '
      + 'Dates are stored in UTC and shown in local time; days and times of day are your time zone\'s (set TZ).',
    '',
    '  precrm touch log ravi call --at "yesterday 18:00" --follow-up "friday 9:30"',
    '  precrm convert ravi --value 86.40 --at 2h',
    '  precrm report funnel --since 2026-01-01 --until 2026-03-31',
    '  precrm due --within 7d',
  ].join('\n');
}

function formats(): string {
  return [
    'FORMATS',
    '',
    `Every command that prints records or a report takes --format ${FORMATS.join('|')} (or --json; PRECRM_FORMAT sets a default).`,
    '',
    '  table  for people: on a terminal it fits the window (columns left out are named on stderr), long output goes '
      + 'through a pager, rates are percentages and the funnel has bars',
    '  csv    RFC 4180 with a header row, for spreadsheets: rates as decimals 0..1, ISO dates in UTC, lists joined '
      + 'with ;, empty cells for absent values, cells a spreadsheet would run as a formula prefixed with \'',
    '  tsv    the same columns separated by tabs',
    '  json   an array of objects with the same keys as the CSV header; null for absent values',
    '',
    'Write commands print the id they wrote, or the whole record with --json. Data goes to stdout, messages to '
      + 'stderr (-q silences them). `precrm help csv` lists the columns.',
    '',
    '  precrm report sources --format csv > sources.csv',
    '  precrm prospect list --stage intent --json',
  ].join('\n');
}

function exitCodes(): string {
  const entries = Object.entries(EXIT) as [keyof typeof EXIT, number][];
  return [
    'EXIT CODES',
    '',
    ...entries.sort((a, b) => a[1] - b[1]).map(([name, code]) => `  ${String(code).padStart(3)}  ${EXIT_MEANING[name]}`),
    '',
    'Cron jobs can act on them, e.g. try again later on 75 (the store was busy):',
    '',
    '  precrm -q import touches visits.csv',
    '  [ $? -eq 75 ] && sleep 60 && precrm -q import touches visits.csv',
  ].join('\n');
}

function csv(): string {
  const table = (rows: [string, string][]) => rows.flatMap(([name, cols]) => [`  ${name}`, `    ${cols}`]);
  return [
    'CSV COLUMNS',
    '',
    'Fixed columns, in this order, for csv, tsv and (as keys) json.',
    '',
    ...table([
      ['export prospects, prospect list', `${keys(PROSPECT_CSV_COLUMNS)}, then field.<key> per custom field`],
      ['export touches', keys(TOUCH_CSV_COLUMNS)],
      ['export conversions', keys(CONVERSION_CSV_COLUMNS)],
      ['export responses <survey>', 'id, survey, prospect_id, segment, stage, at, then one column per question'],
      ['due', keys(DUE_COLUMNS)],
      ['stale', keys(STALE_COLUMNS)],
      ['report funnel', keys(FUNNEL_COLUMNS)],
      ['report sources', `${keys(sourceColumns([], 'csv'))}, then cost, revenue_per_cost once a touch has a cost`],
      ['report touches', `${keys(touchColumns([], 'csv'))}, then revenue, cost, revenue_per_cost once a touch or tally has a cost`],
      ['report velocity', keys(VELOCITY_COLUMNS)],
      ['report cohorts', keys(COHORT_COLUMNS)],
      ['report referrals', keys(referralColumns([], 'csv'))],
      ['report activity', keys(ACTIVITY_COLUMNS)],
    ]),
    '',
    'With --by, a report starts with the group column (source, owner, tag, month, type or staff). '
      + 'Money in several currencies is never added up: each money column becomes one per currency (revenue_EUR, '
      + 'revenue_INR), or --currency picks one. '
      + '`import prospects` reads the export columns back (and many other spellings: see README); an export imported '
      + 'into an empty store exports to the same bytes.',
  ].join('\n');
}

/** The manual's topics (help.ts lists them for `precrm help` and completion). */
export type Topic = 'stages' | 'dates' | 'formats' | 'exit-codes' | 'csv';

const BUILDERS: Record<Topic, () => string> = { stages, dates, formats, 'exit-codes': exitCodes, csv };

/** Prose wider than this is hard to read, however wide the terminal. */
const MAX_WIDTH = 100;

/**
 * The topic wrapped to `width`, once: each paragraph and each `  term  text` entry is one line in the builders,
 * and a long one continues under its own text (a term's text under the text, not under the term).
 */
export function topicText(topic: Topic, width: number): string {
  return `${BUILDERS[topic]().split('\n').map((line) => hang(line, Math.min(width, MAX_WIDTH))).join('\n')}\n`;
}

/** `  term, with words  its text`: the text's column (a term may have single spaces; two end it). */
const TERM = /^(\s+\S(?:\S| (?! ))*\s{2,})/;

function hang(line: string, width: number): string {
  if (line.length <= width) return line;
  const indent = ' '.repeat((TERM.exec(line) ?? /^\s*/.exec(line))![0].length);
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= indent.length) break;
    out.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1).trimStart();
  }
  return [...out, rest].join('\n');
}
