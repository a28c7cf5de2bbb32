// export prospects|touches|conversions|responses: fixed columns, formula-guarded CSV, TSV, JSON or an xlsx workbook.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { calendarDaysBetween } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';
import { findSurvey } from '../domain/survey.js';
import { TOUCH_TYPES, type Prospect, type StoreDoc, type Survey, type SurveyResponse, type Touch } from '../domain/types.js';
import type { Column } from '../output/columns.js';
import type { Format } from '../output/render.js';
import { parseChoice, parseDayWindow } from './options.js';
import { emitRows, fileFormat } from './rows-out.js';
import { PROSPECT_CSV_COLUMNS, fieldColumns } from './prospect-columns.js';
import { prospectFilter, type ListFlags } from './prospect-read.js';

export interface ExportFlags extends ListFlags {
  contactable?: boolean;
  output?: string;
  excel?: boolean;
  type?: string;
  by?: string;
}

export const TOUCH_CSV_COLUMNS: Column<{ t: Touch; p: Prospect }>[] = [
  { key: 'id', type: 'int', get: (r) => r.t.id },
  { key: 'prospect_id', type: 'int', get: (r) => r.t.prospectId },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'type', type: 'string', get: (r) => r.t.type },
  { key: 'at', type: 'datetime', get: (r) => r.t.at },
  { key: 'direction', type: 'string', get: (r) => r.t.direction },
  { key: 'outcome', type: 'string', get: (r) => r.t.outcome },
  { key: 'by', type: 'string', get: (r) => r.t.by },
  { key: 'note', type: 'string', get: (r) => r.t.note },
];

interface ConversionRow { p: Prospect; touches: number }
export const CONVERSION_CSV_COLUMNS: Column<ConversionRow>[] = [
  { key: 'prospect_id', type: 'int', get: (r) => r.p.id },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'source', type: 'string', get: (r) => r.p.source },
  { key: 'owner', type: 'string', get: (r) => r.p.owner },
  { key: 'referred_by', type: 'int', get: (r) => r.p.referredBy },
  { key: 'created_at', type: 'datetime', get: (r) => r.p.createdAt },
  { key: 'converted_at', type: 'datetime', get: (r) => r.p.conversion!.at },
  { key: 'days_to_convert', type: 'int', get: (r) => calendarDaysBetween(new Date(r.p.createdAt), new Date(r.p.conversion!.at)) },
  { key: 'touches_before_conversion', type: 'int', get: (r) => r.touches },
  { key: 'value', type: 'number', get: (r) => r.p.conversion!.value },
  { key: 'currency', type: 'string', get: (r) => r.p.conversion!.currency },
  { key: 'product', type: 'string', get: (r) => r.p.conversion!.product },
];

/** Export writes data files: csv (default), tsv, json or xlsx; an explicit --format table is a mistake. */
function exportFormat(ctx: Context, cmd: Command, output: string | undefined): Format {
  if (ctx.format !== 'table') return ctx.format;
  if (cmd.optsWithGlobals().format === 'table') throw usageError('export writes csv, tsv, json or xlsx (use --format csv|tsv|json|xlsx; table is for prospect list)');
  return fileFormat('table', output ?? 'out.csv');
}

/** Time window on the exported record's own date (touch time, conversion date). */
function window(flags: ExportFlags, now: Date): (iso: string) => boolean {
  const { since, until } = parseDayWindow(flags, now);
  return (iso) => (!since || iso >= since) && (!until || iso <= until);
}

function keepProspect(flags: ExportFlags, now: Date, ownDates: boolean): (p: Prospect) => boolean {
  const base = prospectFilter(ownDates ? flags : { ...flags, since: undefined, until: undefined }, now);
  return (p) => base(p) && !(flags.contactable && (p.doNotContact || p.forgottenAt !== null));
}

async function emit<R>(ctx: Context, flags: ExportFlags, format: Format, rows: readonly R[], columns: readonly Column<R>[],
  out: { what: string; sheet: string; jsonRecords?: unknown[] }): Promise<void> {
  const wrote = await emitRows(ctx, rows, columns, { format, output: flags.output, excel: flags.excel, jsonRecords: out.jsonRecords, sheet: out.sheet });
  if (wrote) ctx.info(`wrote ${rows.length} ${out.what} to ${flags.output}`);
}

const byIdOrder = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

export async function exportProspects(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const keep = keepProspect(flags, ctx.now(), true);
  const rows = (await ctx.documentStore.read()).prospects.filter(keep).sort(byIdOrder);
  await emit(ctx, flags, format, rows, [...PROSPECT_CSV_COLUMNS, ...fieldColumns(rows)], { what: 'prospect(s)', sheet: 'prospects', jsonRecords: rows });
}

export async function exportTouches(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const type = flags.type === undefined ? undefined : parseChoice(flags.type, TOUCH_TYPES, 'touch type');
  const inWindow = window(flags, ctx.now());
  const keep = keepProspect(flags, ctx.now(), false);
  const doc = await ctx.documentStore.read();
  const prospects = new Map(doc.prospects.filter(keep).map((p) => [p.id, p]));
  const by = flags.by?.toLowerCase();
  const rows = doc.touches
    .filter((t) => prospects.has(t.prospectId) && (!type || t.type === type) && (by === undefined || t.by?.toLowerCase() === by) && inWindow(t.at))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id))
    .map((t) => ({ t, p: prospects.get(t.prospectId)! }));
  await emit(ctx, flags, format, rows, TOUCH_CSV_COLUMNS, { what: 'touch(es)', sheet: 'touches', jsonRecords: rows.map((r) => r.t) });
}

/** Touches up to and including the conversion date, per prospect: one pass over the touches. */
function touchesBeforeConversion(doc: StoreDoc): Map<number, number> {
  const convertedAt = new Map(doc.prospects.filter((p) => p.conversion).map((p) => [p.id, p.conversion!.at]));
  const counts = new Map<number, number>();
  for (const t of doc.touches) {
    const at = convertedAt.get(t.prospectId);
    if (at !== undefined && t.at <= at) counts.set(t.prospectId, (counts.get(t.prospectId) ?? 0) + 1);
  }
  return counts;
}

export async function exportConversions(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const inWindow = window(flags, ctx.now());
  const keep = keepProspect(flags, ctx.now(), false);
  const doc = await ctx.documentStore.read();
  const counts = touchesBeforeConversion(doc);
  const rows = doc.prospects
    .filter((p) => p.conversion !== null && keep(p) && inWindow(p.conversion.at))
    .sort((a, b) => (a.conversion!.at < b.conversion!.at ? -1 : a.conversion!.at > b.conversion!.at ? 1 : a.id - b.id))
    .map((p) => ({ p, touches: counts.get(p.id) ?? 0 }));
  await emit(ctx, flags, format, rows, CONVERSION_CSV_COLUMNS, { what: 'conversion(s)', sheet: 'conversions' });
}

/** Fixed columns, then one per question in the survey's order (the answer, or empty when unanswered). */
export function responseColumns(survey: Survey): Column<SurveyResponse>[] {
  return [
    { key: 'id', type: 'int', get: (r) => r.id },
    { key: 'survey', type: 'string', get: (r) => r.survey },
    { key: 'prospect_id', type: 'int', get: (r) => r.prospectId },
    { key: 'segment', type: 'string', get: (r) => r.segment },
    { key: 'stage', type: 'string', get: (r) => r.stage },
    { key: 'at', type: 'datetime', get: (r) => r.at },
    ...survey.questions.map((q): Column<SurveyResponse> => ({
      key: q.key, type: q.type === 'scale' || q.type === 'nps' ? 'int' : 'string', get: (r) => (Object.hasOwn(r.answers, q.key) ? r.answers[q.key] : null),
    })),
  ];
}

export async function exportResponses(ctx: Context, surveyRef: string, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const inWindow = window(flags, ctx.now());
  const doc = await ctx.documentStore.read();
  const survey = findSurvey(doc.surveys, surveyRef);
  const hidden = new Set(doc.prospects.filter((p) => p.doNotContact || p.forgottenAt !== null).map((p) => p.id));
  const rows = doc.responses
    .filter((r) => r.survey === survey.name && inWindow(r.at) && !(flags.contactable && r.prospectId !== null && hidden.has(r.prospectId)))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  await emit(ctx, flags, format, rows, responseColumns(survey), { what: 'response(s)', sheet: 'responses', jsonRecords: rows });
}
