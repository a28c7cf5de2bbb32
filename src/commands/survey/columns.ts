// The columns of `survey list` (a survey with its counts) and `survey show` (its questions).
import type { Question, Survey } from '../../domain/types.js';
import { WHOLE, type Column } from '../../output/columns.js';

/** A survey with how many responses it has. */
export type SurveyRow = Survey & { responses: number };

export const SURVEY_COLUMNS: Column<SurveyRow>[] = [
  { key: 'id', type: 'int' },
  { key: 'name', type: 'string' },
  { key: 'questions', type: 'int', get: (s) => s.questions.length, priority: 2 },
  { key: 'responses', type: 'int', priority: 1 },
  { key: 'created_at', type: 'datetime', label: 'created', get: (s) => s.createdAt, priority: 3 },
];

export const QUESTION_COLUMNS: Column<Question>[] = [
  { key: 'key', type: 'string' },
  { key: 'type', type: 'string', minWidth: WHOLE, priority: 1 },
  { key: 'text', type: 'string', minWidth: 16 },
  { key: 'choices', type: 'list', get: (q) => q.choices, priority: 2 },
];
