// `precrm report survey <name> --outcome`: each answer joined to what its respondents bought next, in every format.
import type { Context } from '../../context/context.js';
import { OUTCOME_DAYS, surveyOutcome, type OutcomeRow } from '../../domain/reports/survey-outcome.js';
import { usageError } from '../../domain/errors.js';
import { WHOLE, type Column } from '../../output/columns.js';
import { findSurvey } from '../common/lookup.js';
import { parseDayWindow, parseSpanDays } from '../common/options.js';

/** The flags of `report survey` this report reads. */
export interface OutcomeFlags { by?: string; since?: string; until?: string; output?: string; outcome?: boolean; within?: string }

// Days are fractional in csv/tsv/json and shown with one decimal in tables, as in the other reports.
export const SURVEY_OUTCOME_COLUMNS: Column<OutcomeRow>[] = [
  { key: 'question', type: 'string', minWidth: WHOLE },
  { key: 'answer', type: 'string', minWidth: 12 },
  { key: 'not_linked', type: 'int', priority: 5 },
  { key: 'linked', type: 'int', priority: 1 },
  { key: 'already_customers', type: 'int', priority: 4 },
  { key: 'first_purchases', type: 'int', priority: 2 },
  { key: 'first_rate', type: 'rate', priority: 1 },
  { key: 'second_purchases', type: 'int', priority: 3 },
  { key: 'second_rate', type: 'rate', priority: 2 },
  { key: 'median_days', type: 'number', decimals: 1, priority: 3 },
  { key: 'still_open', type: 'int', priority: 6 },
];

/** `--within` (default 90d) as whole days; it only means something with `--outcome`. */
export function outcomeWithinDays(flags: OutcomeFlags): number {
  if (!flags.outcome && flags.within !== undefined) throw usageError('--within goes with --outcome (the window after each answer a purchase counts in)');
  if (flags.outcome && flags.by !== undefined) throw usageError('--by does not go with --outcome (the outcome is per question and answer)');
  return flags.within === undefined ? OUTCOME_DAYS : parseSpanDays(flags.within, '--within span');
}

export async function reportSurveyOutcome(ctx: Context, ref: string, flags: OutcomeFlags): Promise<void> {
  const withinDays = outcomeWithinDays(flags);
  const now = ctx.clock.now();
  const { since, until } = parseDayWindow(flags, now);
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, ref);
  const responses = await store.listResponses({ survey: survey.name, since, until });
  const purchases = await store.purchasesOf([...new Set(responses.flatMap((r) => (r.prospectId === null ? [] : [r.prospectId])))]);
  const rows = surveyOutcome(survey, responses, purchases, { withinDays, now: now.toISOString() });
  const { emitRows, fileFormat } = await import('../common/rows-out.js');
  const format = fileFormat(ctx.term.format, flags.output);
  const wrote = await emitRows(ctx, rows, SURVEY_OUTCOME_COLUMNS, { format, output: flags.output, sheet: 'outcome' });
  if (wrote) ctx.term.info(`wrote ${rows.length} row(s) to ${flags.output}`);
  else if (format === 'table') ctx.term.info(`survey "${survey.name}": ${responses.length} response(s), purchases within ${withinDays} days of each answer`);
}
