// `import responses` as a kind of import: a survey's answers (a form tool's export, or `export responses`), read
// against the survey's questions; a repeated answer is skipped, an unknown email recorded as anonymous.
import { applyResponsePlan, planResponses, responseHeaders, responseRowParser, type ResponsePlan, type ResponseRow } from '../../csv/response-rows.js';
import { findSurvey } from '../common/lookup.js';
import { emptyTally } from './counts.js';
import type { ImportOptions } from './flags.js';
import type { KindOf } from './importer.js';
import { responseSlice } from './slice.js';

export interface ResponseImportOptions extends ImportOptions {
  /** The survey as named on the command line (name or id). */
  survey: string;
}

/** The survey is read first: its questions are the columns, and --map is checked against them. */
export const responseKind = (o: ResponseImportOptions): KindOf<ResponseRow, ResponsePlan> => async (_now, store) => {
  const survey = await findSurvey(await store(), o.survey);
  return {
    read: { spec: responseHeaders(survey), parse: responseRowParser(survey) },
    needs: [['at'], survey.questions.map((q) => q.key)],
    planner: {
      slice: async (reader, rows) => responseSlice(reader, await findSurvey(reader, survey.name), rows.map((r) => r.row)),
      plan: (doc, rows) => planResponses(doc, doc.surveys[0]!, rows),
      changes: (p) => p.responses.length > 0,
      apply: (doc, p) => applyResponsePlan(doc, doc.surveys[0]!, p),
      tally: (p) => ({ ...emptyTally(), created: p.responses.length, skipped: p.skipped, rejected: p.rejected, unknownEmails: p.unknownEmails, warnings: p.warnings }),
    },
  };
};
