// The columns of `export responses`, which the survey decides: loaded when that export runs.
import type { Survey, SurveyResponse } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import { recordColumns } from '../common/record-columns.js';

/**
 * The response's own fields as declared (id, survey, prospect_id, segment, stage, at), then one column per question
 * in the survey's order (the answer, or empty when unanswered).
 */
export function responseColumns(survey: Survey): Column<SurveyResponse>[] {
  return [
    ...recordColumns('response', ['answers']),
    ...survey.questions.map((q): Column<SurveyResponse> => ({
      key: q.key, type: q.type === 'scale' || q.type === 'nps' ? 'int' : 'string', get: (r) => (Object.hasOwn(r.answers, q.key) ? r.answers[q.key] : null),
    })),
  ];
}
