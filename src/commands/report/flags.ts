// The flags the reports share — the cohort filters, -o FILE, --currency — declared once, in one order and wording,
// and parsed once into typed options: the cohort's ProspectFilter and the currency picked.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { MoneyQuery } from '../../domain/reports/currencies.js';
import { currencyCode } from '../common/money-option.js';
import { addFilterOptions, parseProspectFilter } from '../common/prospect-filter.js';
import { reportOut, type OutputFlags, type ReportOut } from './output.js';

export interface CohortFlags extends OutputFlags { since?: string; until?: string; source?: string; owner?: string; tag?: string[] }
/** The flags of a report with money: --currency picks one currency's figures. */
export interface MoneyFlags extends CohortFlags { currency?: string }

/** --currency on every report with money. */
export const CURRENCY_HELP = 'only money in this currency (e.g. EUR); amounts in different currencies are never added up';

/** Every report can be written to a file; xlsx only so (a typed workbook for spreadsheets). */
export function addOutputOption(cmd: Command): Command {
  return cmd.option('-o, --output <file>', 'write to this file (mode 0600; - is stdout); the format is --format, else the extension (.xlsx, .csv, .tsv, .json)');
}

/** The cohort filters most reports take (docs/CONTRACT.md §3), after -o. */
export function addCohortOptions(cmd: Command): Command {
  return addFilterOptions(addOutputOption(cmd), { only: ['source', 'tag', 'owner', 'since', 'until'], prefix: 'cohort: ', dates: 'prospects created' });
}

/** The cohort of the shared flags: prospects created in whole local days since ≤ until, of a source, owner, tags. */
export function cohortFilter(flags: CohortFlags, now: Date): ProspectFilter {
  return parseProspectFilter(flags, now, { refuseEmptyWindow: true });
}

/** --currency as the reports' money query: one currency's figures, or every currency's side by side. */
export const moneyQuery = (flags: { currency?: string }): MoneyQuery =>
  (flags.currency === undefined ? {} : { currency: currencyCode(flags.currency, '--currency') });

/** What a report of a cohort reads: its filter, the currency picked (or none), and where its rows go. */
export interface CohortOptions { filter: ProspectFilter; money: MoneyQuery; out: ReportOut }

export function parseCohortReport(flags: MoneyFlags, ctx: Pick<Context, 'clock' | 'term'>): CohortOptions {
  const filter = cohortFilter(flags, ctx.clock.now());
  return { filter, money: moneyQuery(flags), out: reportOut(flags, ctx) };
}
