// Survey response CSV import (a form tool's export, or precrm's own): the header spec built from the survey's
// questions, rows checked by the answer rules of `survey respond`, and planResponses — which rows are new.
import { newResponse, parseAnswer, responseKey } from '../domain/survey.js';
import { takeId, type Question, type StoreDoc, type Survey } from '../domain/types.js';
import { FORM_EMAIL, FORM_SUBMITTED_AT } from './form-columns.js';
import type { HeaderSpec } from './headers.js';
import type { ImportRow, RowParser } from './load.js';
import { prospectByRef } from './prospect-index.js';
import { RowReader } from './row-reader.js';
import type { Rejection } from './report.js';

/**
 * Columns: each question by its key or its text (a form tool heads columns with the question), the answer
 * time, and who answered (`prospect` id or email as precrm exports it, or a form's email column).
 * The fixed fields come last so that they win over a question keyed the same way.
 */
export function responseHeaders(survey: Survey): HeaderSpec {
  return {
    fields: [...survey.questions.map((q) => q.key), 'prospect', 'email', 'at'],
    aliases: {
      ...Object.fromEntries(survey.questions.map((q) => [q.key, [q.text]])),
      prospect: ['prospect id', 'prospect_id', 'contact id', 'respondent id'],
      email: ['e-mail', 'email address', 'e-mail address', ...FORM_EMAIL],
      at: [...FORM_SUBMITTED_AT, 'date', 'time', 'date time', 'created', 'created at', 'date created', 'answered at'],
    },
    customFields: false,
    known: ['id', 'survey', 'segment', 'stage', 'name'],
  };
}

export interface ResponseRow {
  /** Prospect id or email from a `prospect` column (precrm's export), else null. */
  prospect: string | null;
  /** A form's email column: links to a prospect with that email, else the response is anonymous. */
  email: string | null;
  at: string;
  answers: Record<string, string | number>;
  /** With --skip-invalid: why answers of this row were left out while the others were kept. */
  dropped: string[];
}

/**
 * A form's "Other" answer (a value outside a choice question's choices, typed by the respondent) is kept as its
 * text; every other answer goes through parseAnswer, the check `survey respond --answer` uses.
 */
function importedAnswer(q: Question, raw: string): string | number {
  if (q.type !== 'choice' || q.choices!.some((c) => c.toLowerCase() === raw.trim().toLowerCase())) return parseAnswer(q, raw);
  return parseAnswer({ ...q, type: 'text', choices: null }, raw);
}

/**
 * Every problem is listed. With --skip-invalid (`keepPartial`) a row whose time and respondent are fine keeps the
 * answers that are valid (a person's NPS is not lost because another answer is out of range), the others dropped.
 */
export function responseRowParser(survey: Survey): RowParser<ResponseRow> {
  return (values, ctx) => {
    const r = new RowReader(values, ctx);
    if (!values.has('at')) r.reasons.push('has no answer time (at)');
    const at = r.date('at');
    const answers: Record<string, string | number> = {};
    const bad = new RowReader(values, ctx);
    for (const q of survey.questions) {
      const raw = values.get(q.key);
      if (raw === undefined) continue;
      const v = bad.check(() => importedAnswer(q, raw));
      if (v !== null) answers[q.key] = v;
    }
    const partial = ctx.keepPartial === true && r.reasons.length === 0 && Object.keys(answers).length > 0;
    if (!partial) r.reasons.push(...bad.reasons);
    if (r.reasons.length === 0 && Object.keys(answers).length === 0) r.reasons.push('answers no question');
    if (r.reasons.length) return { ok: false, reasons: r.reasons };
    return { ok: true, row: { prospect: values.get('prospect') ?? null, email: values.get('email') ?? null, at: at!, answers, dropped: bad.reasons } };
  };
}

export interface ResponsePlan {
  responses: { prospectId: number | null; row: ResponseRow }[];
  rejected: Rejection[];
  skipped: number;
  /** Lines whose email no prospect has: recorded as anonymous, and said so. */
  unknownEmails: number[];
  /** Answers left out of rows kept with their other answers (--skip-invalid). */
  warnings: string[];
}

/**
 * A row whose survey, time, respondent and answers match a stored response (or an earlier row) is skipped,
 * so re-importing a form export changes nothing. A `prospect` reference that matches nobody rejects the row;
 * an unknown email does not — a form's respondents are mostly not prospects yet.
 */
export function planResponses(doc: StoreDoc, survey: Survey, rows: readonly ImportRow<ResponseRow>[]): ResponsePlan {
  const find = prospectByRef(doc.prospects);
  const seen = new Set(doc.responses.map(responseKey));
  const plan: ResponsePlan = { responses: [], rejected: [], skipped: 0, unknownEmails: [], warnings: [] };
  for (const { line, cells, row } of rows) {
    if (row.dropped.length) plan.warnings.push(`line ${line}: kept the other answers, left out: ${row.dropped.join('; ')}`);
    const byRef = find(row.prospect);
    if (row.prospect !== null && !byRef) {
      plan.rejected.push({ line, cells, reason: `prospect "${row.prospect}" matches no prospect (import or add the prospect first)` });
      continue;
    }
    const p = byRef ?? (row.email?.includes('@') ? find(row.email) : undefined);
    const prospectId = p?.id ?? null;
    const key = responseKey({ survey: survey.name, at: row.at, prospectId, answers: row.answers });
    if (seen.has(key)) {
      plan.skipped++;
      continue;
    }
    seen.add(key);
    if (!p && row.email !== null) plan.unknownEmails.push(line);
    plan.responses.push({ prospectId, row });
  }
  return plan;
}

/** Records each planned response through newResponse, as `survey respond` does: segment and stage at the answer time. */
export function applyResponsePlan(doc: StoreDoc, survey: Survey, plan: ResponsePlan): void {
  const byId = new Map(doc.prospects.map((p) => [p.id, p]));
  for (const { prospectId, row } of plan.responses) {
    const p = prospectId === null ? null : byId.get(prospectId)!;
    doc.responses.push(newResponse(takeId(doc, 'response'), survey, p, row.at, row.answers));
  }
}
