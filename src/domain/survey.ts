// Surveys (docs/CONTRACT.md §3 survey, §5): question specs, answer validation, lookup by name, and the respondent's segment.
import { notFoundError, usageError } from './errors.js';
import { checkText } from './prospect.js';
import { surveyKey } from './queries.js';
import { furthestStage, isCustomer } from './stages.js';
import type { Prospect, Question, Segment, Stage, Survey, SurveyResponse } from './types.js';

const KEY = /^[a-z][a-z0-9_-]{0,39}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const QUESTION_TYPES = ['scale', 'nps', 'choice(a|b|c)', 'text'] as const;
const SPEC_FORM = 'key:type:text, e.g. "price:scale:How fair are our prices?" or "reason:choice(taste|price):Why us?"';

/** The inclusive range of a numeric question: scale 1–5, nps 0–10. */
export function numericRange(type: Question['type']): [number, number] | null {
  if (type === 'scale') return [1, 5];
  if (type === 'nps') return [0, 10];
  return null;
}

function parseChoices(spec: string, inner: string): string[] {
  const choices = inner.split('|').map((c) => c.trim());
  if (choices.some((c) => c === '')) throw usageError(`question "${spec}" has an empty choice (write choice(a|b|c))`);
  // Choices are printed in report tables and CSV headers of form tools: no control characters.
  if (choices.some((c) => /[\u0000-\u001f\u007f]/.test(c))) throw usageError(`question "${spec.replace(/[\u0000-\u001f\u007f]/g, '?')}" has a choice with a control character`);
  const seen = new Set<string>();
  for (const c of choices) {
    if (seen.has(c.toLowerCase())) throw usageError(`question "${spec}" lists the choice "${c}" twice`);
    seen.add(c.toLowerCase());
  }
  if (choices.length < 2) throw usageError(`question "${spec}" needs at least two choices (write choice(a|b|c))`);
  return choices;
}

/**
 * Parses `key:type:text`. The text may contain colons; a missing text defaults to the key.
 * Keys are stored in lower case so `--answer Price=3` and a CSV header `PRICE` find the same question.
 */
export function parseQuestionSpec(spec: string): Question {
  const colon = spec.indexOf(':');
  if (colon < 0) throw usageError(`question "${spec}" is not ${SPEC_FORM}`);
  const key = spec.slice(0, colon).trim().toLowerCase();
  if (!KEY.test(key) || FORBIDDEN_KEYS.has(key)) {
    throw usageError(`question key "${spec.slice(0, colon).trim()}" must start with a letter and use only letters, digits, - and _ (at most 40)`);
  }
  const rest = spec.slice(colon + 1);
  const choice = /^\s*choice\s*\(([^)]*)\)\s*(?::|$)/i.exec(rest);
  let type: Question['type'];
  let choices: string[] | null = null;
  let text: string;
  if (choice) {
    type = 'choice';
    choices = parseChoices(spec, choice[1]!);
    text = rest.slice(choice[0].length);
  } else {
    const c2 = rest.indexOf(':');
    const typeText = (c2 < 0 ? rest : rest.slice(0, c2)).trim().toLowerCase();
    if (typeText !== 'scale' && typeText !== 'nps' && typeText !== 'text') {
      throw usageError(`question "${key}" has unknown type "${typeText}" (use one of: ${QUESTION_TYPES.join(', ')})`);
    }
    type = typeText;
    text = c2 < 0 ? '' : rest.slice(c2 + 1);
  }
  text = checkText(`the text of question "${key}"`, text.trim()) || key;
  return { key, type, text, choices };
}

export function checkSurveyName(name: string): string {
  const n = name.trim();
  if (!n) throw usageError('the survey name is empty');
  if (n.length > 100) throw usageError(`the survey name is ${n.length} characters long; the limit is 100`);
  return n;
}

/** Builds a survey from question specs; keys must be unique (case-insensitively, as they are stored lower-case). */
export function newSurvey(id: number, name: string, specs: readonly string[], at: string): Survey {
  if (specs.length === 0) throw usageError('a survey needs at least one --question "key:type:text"');
  const questions = specs.map(parseQuestionSpec);
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.key)) throw usageError(`question key "${q.key}" is used twice (each question needs its own key)`);
    seen.add(q.key);
  }
  return { id, name: checkSurveyName(name), questions, createdAt: at };
}

/** Finds a survey by name (case-insensitive) or, failing that, by numeric id. */
export function findSurvey(surveys: readonly Survey[], ref: string): Survey {
  const key = surveyKey(ref.trim());
  const byName = surveys.find((s) => surveyKey(s.name) === key);
  if (byName) return byName;
  if (/^\d+$/.test(key)) {
    const byId = surveys.find((s) => s.id === Number(key));
    if (byId) return byId;
  }
  throw notFoundError(`no survey is named "${ref.trim()}" (try: precrm survey list)`);
}

const questionLabel = (q: Question) => `question "${q.key}" (${q.text})`;

/** Validates one answer and returns the value to store: an integer for scale/nps, the canonical choice, trimmed text. */
export function parseAnswer(q: Question, raw: string): string | number {
  const text = raw.trim();
  const range = numericRange(q.type);
  if (range) {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < range[0] || n > range[1]) {
      throw usageError(`answer "${raw}" to ${questionLabel(q)} must be a whole number from ${range[0]} to ${range[1]}`);
    }
    return n;
  }
  if (q.type === 'choice') {
    const match = q.choices!.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!match) throw usageError(`answer "${raw}" to ${questionLabel(q)} is not one of: ${q.choices!.join(', ')}`);
    return match;
  }
  if (!text) throw usageError(`the answer to ${questionLabel(q)} is empty`);
  return checkText(`the answer to ${questionLabel(q)}`, text);
}

/** Parses `key=value` pairs from --answer into stored values; unknown keys and repeated keys are usage errors. */
export function parseAnswerAssignments(survey: Survey, assignments: readonly string[]): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw usageError(`--answer "${a}" is not key=value (keys: ${survey.questions.map((q) => q.key).join(', ')})`);
    const key = a.slice(0, eq).trim().toLowerCase();
    const q = survey.questions.find((x) => x.key === key);
    if (!q) throw usageError(`survey "${survey.name}" has no question "${a.slice(0, eq).trim()}" (keys: ${survey.questions.map((x) => x.key).join(', ')})`);
    if (Object.hasOwn(answers, key)) throw usageError(`question "${key}" is answered twice`);
    answers[key] = parseAnswer(q, a.slice(eq + 1));
  }
  return answers;
}

/**
 * The respondent's segment when answering. `lost` people are judged by the furthest stage they reached
 * before: someone who never bought is a prospect (a non-customer), a lapsed buyer stays a customer.
 */
export function segmentOf(prospect: Pick<Prospect, 'stage' | 'stageHistory'> | null): Segment {
  if (!prospect) return 'anonymous';
  const stage: Stage = prospect.stage === 'lost' ? furthestStage(prospect) : prospect.stage;
  return isCustomer(stage) ? 'customer' : 'prospect';
}

/**
 * The prospect as it stood at `at`: its stage then and the history up to then. An answer older than the
 * prospect's first recorded stage counts at that first stage (they were not yet known, but it is where they came in).
 */
export function prospectAt(p: Pick<Prospect, 'stage' | 'stageHistory'>, at: string): Pick<Prospect, 'stage' | 'stageHistory'> {
  const upTo = p.stageHistory.filter((h) => h.at <= at);
  if (upTo.length === 0) return p.stageHistory.length ? { stage: p.stageHistory[0]!.stage, stageHistory: p.stageHistory.slice(0, 1) } : p;
  // History is appended in time order, except backfilled entries: take the latest moment, the later entry on a tie.
  const latest = upTo.reduce((a, b) => (b.at >= a.at ? b : a));
  return { stage: latest.stage, stageHistory: upTo };
}

/** A response as `survey respond` and `import responses` both record it: segment and stage taken at the answer time. */
export function newResponse(id: number, survey: Survey, prospect: Prospect | null, at: string, answers: Record<string, string | number>): SurveyResponse {
  const then = prospect ? prospectAt(prospect, at) : null;
  return { id, survey: survey.name, prospectId: prospect?.id ?? null, segment: segmentOf(then), stage: then?.stage ?? null, at, answers };
}

/** What makes two responses the same answer: survey, moment, respondent and answers (so a re-import is a no-op). */
export function responseKey(r: Pick<SurveyResponse, 'survey' | 'at' | 'prospectId' | 'answers'>): string {
  const answers = Object.keys(r.answers).sort().map((k) => [k, r.answers[k]]);
  return JSON.stringify([surveyKey(r.survey), new Date(r.at).toISOString(), r.prospectId, answers]);
}
