// export prospects|touches|conversions|purchases|responses: fixed columns, formula-guarded CSV, TSV, JSON or an xlsx workbook.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { calendarDaysToConvert } from '../../domain/lifecycle.js';
import { mayContact } from '../../domain/queries.js';
import { TOUCH_TYPES, type Prospect, type Purchase, type Survey, type SurveyResponse, type Touch } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { parseChoice, parseDayWindow } from '../common/options.js';
import { emitRows, fileFormat } from '../common/rows-out.js';
import { PROSPECT_CSV_COLUMNS, fieldColumns } from '../prospect/columns.js';
import { findSurvey } from '../common/lookup.js';
import { recordColumns } from '../common/record-columns.js';
import { parseProspectFilter, type FilterFlags } from '../common/prospect-filter.js';

export interface ExportFlags extends FilterFlags {
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
  { key: 'cost', type: 'number', get: (r) => r.t.cost },
  { key: 'currency', type: 'string', get: (r) => r.t.currency },
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
  { key: 'days_to_convert', type: 'int', get: (r) => calendarDaysToConvert(r.p) },
  { key: 'touches_before_conversion', type: 'int', get: (r) => r.touches },
  { key: 'value', type: 'number', get: (r) => r.p.conversion!.value },
  { key: 'currency', type: 'string', get: (r) => r.p.conversion!.currency },
  { key: 'product', type: 'string', get: (r) => r.p.conversion!.product },
];

/** Every purchase with who made it: `import purchases` reads this file back (prospect by id, email or phone). */
export const PURCHASE_CSV_COLUMNS: Column<{ u: Purchase; p: Prospect }>[] = [
  { key: 'id', type: 'int', get: (r) => r.u.id },
  { key: 'prospect_id', type: 'int', get: (r) => r.u.prospectId },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'phone', type: 'string', get: (r) => r.p.phone },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'at', type: 'datetime', get: (r) => r.u.at },
  { key: 'value', type: 'number', get: (r) => r.u.value },
  { key: 'currency', type: 'string', get: (r) => r.u.currency },
  { key: 'product', type: 'string', get: (r) => r.u.product },
  { key: 'order_id', type: 'string', get: (r) => r.u.orderId },
];

/** Export writes data files: csv (default), tsv, json or xlsx; an explicit --format table is a mistake. */
function exportFormat(ctx: Context, cmd: Command, output: string | undefined): Format {
  if (ctx.term.format !== 'table') return ctx.term.format;
  if (cmd.optsWithGlobals().format === 'table') throw usageError('export writes csv, tsv, json or xlsx (use --format csv|tsv|json|xlsx; table is for prospect list)');
  return fileFormat('table', output ?? 'out.csv');
}

async function emit<R>(ctx: Context, flags: ExportFlags, format: Format, rows: readonly R[], columns: readonly Column<R>[],
  out: { what: string; sheet: string; jsonRecords?: unknown[] }): Promise<void> {
  const wrote = await emitRows(ctx, rows, columns, { format, output: flags.output, excel: flags.excel, jsonRecords: out.jsonRecords, sheet: out.sheet });
  if (wrote) ctx.term.info(`wrote ${rows.length} ${out.what} to ${flags.output}`);
}


export async function exportProspects(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const filter = parseProspectFilter(flags, ctx.clock.now());
  const rows = await (await ctx.stores.open()).listProspects({ filter });
  await emit(ctx, flags, format, rows, [...PROSPECT_CSV_COLUMNS, ...fieldColumns(rows)], { what: 'prospect(s)', sheet: 'prospects', jsonRecords: rows });
}

export async function exportTouches(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const now = ctx.clock.now();
  const type = flags.type === undefined ? undefined : parseChoice(flags.type, TOUCH_TYPES, 'touch type');
  const { since, until } = parseDayWindow(flags, now);
  const prospects = parseProspectFilter(flags, now, { createdWindow: false });
  const store = await ctx.stores.open();
  const touches = await store.listTouches({ types: type && [type], by: flags.by, since, until, prospects });
  const byId = new Map((await store.getProspects([...new Set(touches.map((t) => t.prospectId))])).map((p) => [p.id, p]));
  const rows = touches.map((t) => ({ t, p: byId.get(t.prospectId)! }));
  await emit(ctx, flags, format, rows, TOUCH_CSV_COLUMNS, { what: 'touch(es)', sheet: 'touches', jsonRecords: touches });
}

export async function exportConversions(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const now = ctx.clock.now();
  const filter = { ...parseProspectFilter(flags, now, { createdWindow: false }), converted: parseDayWindow(flags, now) };
  const store = await ctx.stores.open();
  const converted = sortBy((await store.listProspects({ filter })), (p) => p.conversion!.at);
  const counts = await store.countTouchesUpTo(converted.map((p) => ({ prospectId: p.id, at: p.conversion!.at })));
  const rows = converted.map((p) => ({ p, touches: counts.get(p.id) ?? 0 }));
  await emit(ctx, flags, format, rows, CONVERSION_CSV_COLUMNS, { what: 'conversion(s)', sheet: 'conversions' });
}

export async function exportPurchases(ctx: Context, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const now = ctx.clock.now();
  const { since, until } = parseDayWindow(flags, now);
  const store = await ctx.stores.open();
  const purchases = (await store.listPurchases(parseProspectFilter(flags, now, { createdWindow: false })))
    .filter((u) => (since === undefined || u.at >= since) && (until === undefined || u.at <= until));
  const byId = new Map((await store.getProspects([...new Set(purchases.map((u) => u.prospectId))])).map((p) => [p.id, p]));
  const rows = purchases.map((u) => ({ u, p: byId.get(u.prospectId)! }));
  await emit(ctx, flags, format, rows, PURCHASE_CSV_COLUMNS, { what: 'purchase(s)', sheet: 'purchases', jsonRecords: purchases });
}

/** Stable by a string key, ties by id. */
const sortBy = <T extends { id: number }>(rows: T[], key: (r: T) => string) =>
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));

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

export async function exportResponses(ctx: Context, surveyRef: string, flags: ExportFlags, cmd: Command): Promise<void> {
  const format = exportFormat(ctx, cmd, flags.output);
  const { since, until } = parseDayWindow(flags, ctx.clock.now());
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, surveyRef);
  let rows = await store.listResponses({ survey: survey.name, since, until });
  if (flags.contactable) {
    const respondents = await store.getProspects([...new Set(rows.flatMap((r) => (r.prospectId === null ? [] : [r.prospectId])))]);
    const hidden = new Set(respondents.filter((p) => !mayContact(p)).map((p) => p.id));
    rows = rows.filter((r) => r.prospectId === null || !hidden.has(r.prospectId));
  }
  await emit(ctx, flags, format, rows, responseColumns(survey), { what: 'response(s)', sheet: 'responses', jsonRecords: rows });
}
