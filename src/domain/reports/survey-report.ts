// report survey (docs/CONTRACT.md §5): per question (and per group with --by) the responses, mean, NPS, distribution and top values.
import { numericRange } from '../survey.js';
import { PATH_STAGES, SEGMENTS, type Prospect, type Question, type Survey, type SurveyResponse } from '../types.js';
import { topWords, type TopValue } from './words.js';

export const SURVEY_GROUPS = ['segment', 'stage', 'source'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

export interface SurveyReportRow {
  /** The group's value with --by (segment, stage at answer time, or the prospect's source); absent otherwise. */
  group?: string;
  question: string;
  type: Question['type'];
  responses: number;
  mean: number | null;
  nps: number | null;
  /** Counts per possible answer, every value present (scale 1–5, nps 0–10, each choice); null for text. */
  distribution: Record<string, number> | null;
  /** choice: non-zero counts, most first; text: most frequent words; nps: promoters, passives, detractors. */
  top: TopValue[] | null;
}

interface SurveyReportQuery {
  by?: SurveyGroup;
}

/** How many words a text question's `top` lists. */
const TOP_WORDS = 5;
const ANONYMOUS = 'anonymous';
const NO_SOURCE = '(none)';

const round = (n: number, decimals: number) => Number(n.toFixed(decimals));

/** NPS = % promoters (9–10) − % detractors (0–6), −100..100, one decimal; null without answers. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return round(((promoters - detractors) * 100) / scores.length, 1);
}

function numericFigures(q: Question, values: number[]): Pick<SurveyReportRow, 'mean' | 'nps' | 'distribution' | 'top'> {
  const [lo, hi] = numericRange(q.type)!;
  const distribution: Record<string, number> = {};
  for (let v = lo; v <= hi; v++) distribution[String(v)] = 0;
  for (const v of values) distribution[String(v)] = (distribution[String(v)] ?? 0) + 1;
  const mean = values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
  if (q.type !== 'nps') return { mean, nps: null, distribution, top: null };
  const count = (f: (v: number) => boolean) => values.filter(f).length;
  const top = [
    { value: 'promoters', count: count((v) => v >= 9) },
    { value: 'passives', count: count((v) => v === 7 || v === 8) },
    { value: 'detractors', count: count((v) => v <= 6) },
  ];
  return { mean, nps: netPromoterScore(values), distribution, top };
}

function choiceFigures(q: Question, values: string[]): Pick<SurveyReportRow, 'mean' | 'nps' | 'distribution' | 'top'> {
  const distribution: Record<string, number> = Object.fromEntries(q.choices!.map((c) => [c, 0]));
  for (const v of values) if (Object.hasOwn(distribution, v)) distribution[v]! += 1;
  const top = q.choices!
    .map((value) => ({ value, count: distribution[value]! }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
  return { mean: null, nps: null, distribution, top };
}

/** One row: the figures of one question over the answers of some responses. */
function questionRow(q: Question, responses: readonly SurveyResponse[]): SurveyReportRow {
  const answered = responses.filter((r) => Object.hasOwn(r.answers, q.key)).map((r) => r.answers[q.key]!);
  const base = { question: q.key, type: q.type, responses: answered.length };
  if (q.type === 'scale' || q.type === 'nps') return { ...base, ...numericFigures(q, answered.map(Number)) };
  if (q.type === 'choice') return { ...base, ...choiceFigures(q, answered.map(String)) };
  return { ...base, mean: null, nps: null, distribution: null, top: topWords(answered.map(String), TOP_WORDS) };
}

function groupOf(by: SurveyGroup, r: SurveyResponse, prospects: ReadonlyMap<number, Pick<Prospect, 'source'>>): string {
  if (by === 'segment') return r.segment;
  if (r.prospectId === null) return ANONYMOUS;
  if (by === 'stage') return r.stage ?? ANONYMOUS;
  return prospects.get(r.prospectId)?.source ?? NO_SOURCE;
}

/** Groups in a reading order: segments and stages along the path, sources alphabetically, anonymous last. */
function groupOrder(by: SurveyGroup, groups: Iterable<string>): string[] {
  const fixed: readonly string[] = by === 'segment' ? SEGMENTS : by === 'stage' ? [...PATH_STAGES, 'lost', ANONYMOUS] : [];
  const rank = (g: string) => (fixed.includes(g) ? fixed.indexOf(g) : g === ANONYMOUS ? 1e6 : g === NO_SOURCE ? 1e6 - 1 : -1);
  return [...groups].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The report rows of a survey over its responses (as StoreReader.listResponses selects them: the survey's, in the
 * window): one row per question, or per group and question with `by`. `respondents` give the source for --by source.
 */
export function surveyReport(
  survey: Survey,
  responses: readonly SurveyResponse[],
  respondents: readonly Pick<Prospect, 'id' | 'source'>[],
  query: SurveyReportQuery = {},
): SurveyReportRow[] {
  if (!query.by) return survey.questions.map((q) => questionRow(q, responses));
  const by = query.by;
  const byId = new Map(respondents.map((p) => [p.id, p]));
  const groups = new Map<string, SurveyResponse[]>();
  for (const r of responses) {
    const g = groupOf(by, r, byId);
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  return groupOrder(by, groups.keys()).flatMap((g) => survey.questions.map((q) => ({ group: g, ...questionRow(q, groups.get(g)!) })));
}
