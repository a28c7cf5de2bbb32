// A survey: a name and its questions (kept whole, as one JSON value), answered by responses.
import { ID, INSTANT, TEXT, type Fields, type KindDecl } from './declare.js';

export const QUESTION_TYPES = ['scale', 'nps', 'choice', 'text'] as const;

export const QUESTION = {
  key: { column: 'key', value: TEXT },
  type: { column: 'type', value: { kind: 'enum', values: QUESTION_TYPES } },
  text: { column: 'text', value: TEXT },
  choices: { column: 'choices', value: { kind: 'list', of: TEXT }, nullable: true },
} as const satisfies Fields;

export const SURVEY = {
  kind: 'survey',
  table: 'surveys',
  fields: {
    id: { column: 'id', value: ID },
    name: { column: 'name', value: TEXT },
    questions: { column: 'questions', value: { kind: 'json', of: { kind: 'list', of: { kind: 'object', fields: QUESTION } } } },
    createdAt: { column: 'created_at', value: INSTANT },
  },
} as const satisfies KindDecl;
