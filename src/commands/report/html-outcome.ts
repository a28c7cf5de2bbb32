// The survey-outcome section of `report html`: `report survey --outcome` (default window) as a compact table a phone can read.
import { OUTCOME_DAYS, surveyOutcome, type OutcomeRow } from '../../domain/reports/survey-outcome.js';
import type { Purchase, Survey, SurveyResponse } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import type { Section } from '../../output/html-page.js';

// Short labels, the question in the answer's cell and the rate early: on a 390-px screen the answer, how many were
// followed, how many bought and the rate show without scrolling the table.
const OUTCOME_PAGE_COLUMNS: Column<OutcomeRow>[] = [
  { key: 'answer', type: 'string', get: (r) => `${r.question}: ${r.answer}` },
  { key: 'linked', type: 'int' },
  { key: 'first_purchases', type: 'int', label: 'bought' },
  { key: 'first_rate', type: 'rate', label: 'rate' },
  { key: 'second_purchases', type: 'int', label: 'again' },
  { key: 'median_days', type: 'number', decimals: 1, label: 'median days' },
  { key: 'already_customers', type: 'int', label: 'already bought' },
  { key: 'not_linked', type: 'int', label: 'not linked' },
];

/** The section of one survey, or none when nobody answered it; answers nobody gave are left out. */
export function outcomeSection(survey: Survey, responses: readonly SurveyResponse[], purchases: readonly Purchase[], now: Date): Section | null {
  if (responses.length === 0) return null;
  const days = OUTCOME_DAYS;
  const rows = surveyOutcome(survey, responses, purchases, { withinDays: days, now: now.toISOString() }).filter((r) => r.linked + r.not_linked > 0);
  const linked = rows.some((r) => r.linked > 0);
  return {
    id: `survey-outcome-${survey.id}`,
    title: `Survey outcome: ${survey.name}`,
    intro: `Of the prospects who gave each answer, how many made a first purchase within ${days} days after answering (rate: of those who had not bought before), and how many bought again within those days. Anonymous answers are counted as not linked.`,
    columns: OUTCOME_PAGE_COLUMNS,
    rows: linked ? rows : [],
    empty: 'No answer is linked to a prospect yet, so there is nothing to follow (answer with --prospect, or import answers with an email column).',
  };
}
