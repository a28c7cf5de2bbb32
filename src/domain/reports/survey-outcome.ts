// report survey --outcome: per question and answer, what the respondents did next (first and second purchase
// within a window after answering), so "of those who said price, how many bought within 90 days?" has an answer.
import { isCustomer } from '../stages.js';
import { numericRange } from '../survey.js';
import type { Purchase, Question, Survey, SurveyResponse } from '../types.js';
import { DAY_MS, daysBetweenMs, toMs } from './instants.js';
import { median, rate } from './stats.js';

export interface OutcomeRow {
  question: string;
  /** A choice, a scale value (`1`..`5`), or an NPS group (promoters, passives, detractors). */
  answer: string;
  /** Anonymous responses giving this answer: nobody to follow. */
  not_linked: number;
  /** Prospects who gave this answer (each once, at their earliest response with it). */
  linked: number;
  /** Linked respondents who had already bought when answering (stage customer/advocate, or a purchase before). */
  already_customers: number;
  /** Of the others, those whose first purchase came within the window after answering. */
  first_purchases: number;
  /** first_purchases / (linked − already_customers); null over nobody. */
  first_rate: number | null;
  /** Of first_purchases, those whose second purchase came within the same window (the answer + within). */
  second_purchases: number;
  /** second_purchases / first_purchases; null over nobody. */
  second_rate: number | null;
  /** Median fractional days from the answer to the first purchase, over first_purchases. */
  median_days: number | null;
  /** Linked non-customers who have not bought and whose window has not ended yet: they still may. */
  still_open: number;
}

/** The window after an answer a purchase counts in when none is asked for. */
export const OUTCOME_DAYS = 90;

interface OutcomeQuery {
  /** The window after each answer, in days of 24 hours. */
  withinDays: number;
  /** The report's moment (ISO), to tell a window still running. */
  now: string;
}

type Dated = Pick<Purchase, 'id' | 'prospectId' | 'at'>;

/** The NPS groups as `report survey` names them in `top`. */
const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;
const npsGroup = (score: number): string => (score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors');

/** The answers a question's rows list, in reading order; empty for text (left out of the outcome). */
export function outcomeAnswers(q: Question): string[] {
  if (q.type === 'choice') return [...q.choices!];
  if (q.type === 'nps') return [...NPS_GROUPS];
  const range = numericRange(q.type);
  if (!range) return [];
  return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => String(range[0] + i));
}

/** The row an answer counts in, or null when it is not one of the question's (a legacy value). */
function answerOf(q: Question, value: string | number): string | null {
  if (q.type === 'nps') return Number.isFinite(Number(value)) ? npsGroup(Number(value)) : null;
  const text = q.type === 'scale' ? String(Number(value)) : String(value);
  return outcomeAnswers(q).includes(text) ? text : null;
}

/** Each prospect's purchases by time, then id. */
function purchasesByProspect(purchases: readonly Dated[]): Map<number, number[]> {
  const sorted = [...purchases].sort((a, b) => toMs(a.at) - toMs(b.at) || a.id - b.id);
  const by = new Map<number, number[]>();
  for (const u of sorted) {
    const times = by.get(u.prospectId);
    if (times) times.push(toMs(u.at));
    else by.set(u.prospectId, [toMs(u.at)]);
  }
  return by;
}

interface Tally { notLinked: number; respondents: Map<number, SurveyResponse> }

/** One row from the answer's responses: each linked prospect followed from its earliest response. */
function outcomeRow(question: string, answer: string, t: Tally, bought: Map<number, number[]>, q: OutcomeQuery): OutcomeRow {
  const windowMs = q.withinDays * DAY_MS;
  const nowMs = toMs(q.now);
  let already = 0, first = 0, second = 0, open = 0;
  const days: number[] = [];
  for (const [prospectId, r] of t.respondents) {
    const answeredMs = toMs(r.at);
    const [p1, p2] = bought.get(prospectId) ?? [];
    // A purchase at the very moment of the answer counts as after it (a survey filled in at the till).
    if ((r.stage !== null && isCustomer(r.stage)) || (p1 !== undefined && p1 < answeredMs)) { already++; continue; }
    const end = answeredMs + windowMs;
    if (p1 !== undefined && p1 <= end) {
      first++;
      days.push(daysBetweenMs(answeredMs, p1));
      if (p2 !== undefined && p2 <= end) second++;
    } else if (end > nowMs) open++;
  }
  const linked = t.respondents.size;
  return {
    question, answer, not_linked: t.notLinked, linked, already_customers: already,
    first_purchases: first, first_rate: rate(first, linked - already),
    second_purchases: second, second_rate: rate(second, first),
    median_days: median(days), still_open: open,
  };
}

/**
 * The outcome rows of a survey: one per question (text questions left out) and answer. `responses` are the
 * survey's (in a window, as listResponses selects them); `purchases` every purchase of the linked respondents.
 */
export function surveyOutcome(survey: Survey, responses: readonly SurveyResponse[], purchases: readonly Dated[], query: OutcomeQuery): OutcomeRow[] {
  const bought = purchasesByProspect(purchases);
  const inOrder = [...responses].sort((a, b) => toMs(a.at) - toMs(b.at) || a.id - b.id);
  return survey.questions.flatMap((q) => {
    const tallies = new Map(outcomeAnswers(q).map((a) => [a, { notLinked: 0, respondents: new Map() } as Tally]));
    for (const r of inOrder) {
      if (!Object.hasOwn(r.answers, q.key)) continue;
      const t = tallies.get(answerOf(q, r.answers[q.key]!) ?? '');
      if (!t) continue;
      if (r.prospectId === null) t.notLinked++;
      else if (!t.respondents.has(r.prospectId)) t.respondents.set(r.prospectId, r);
    }
    return [...tallies].map(([answer, t]) => outcomeRow(q.key, answer, t, bought, query));
  });
}
