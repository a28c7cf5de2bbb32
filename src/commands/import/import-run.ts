// import prospects|touches|purchases|responses: read a CSV (import-read.ts), plan the change as a pure function, apply it in
// one locked write (import-apply.ts: a file larger than one batch is applied batch by batch in that one write).
import type { Context } from '../../context/context.js';
import { dataError } from '../../domain/errors.js';
import { isSafeKey } from '../../domain/prospect.js';
import { PROSPECT_HEADERS } from '../../csv/contact-columns.js';
import type { HeaderMatch, HeaderSpec } from '../../csv/headers.js';
import { missingColumns } from '../../csv/load.js';
import { ON_DUPLICATE, type OnDuplicate } from '../../csv/plan-prospects.js';
import { shopCountry } from '../../domain/phones.js';
import { parseProspectRow } from '../../csv/prospect-rows.js';
import { parseStage } from '../../domain/stages.js';
import { byLine, invalidRowsError, problemLine, rejectsCsv, type Rejection, type RowOutcome } from '../../csv/report.js';
import { renderRows } from '../../output/render.js';
import { describeColumns, describeLayout, layoutNotes, OUTCOME_COLUMNS } from './import-explain.js';
import { applyResponsePlan, planResponses, responseHeaders, responseRowParser, type ResponsePlan, type ResponseRow } from '../../csv/response-rows.js';
import { TOUCH_HEADERS, applyTouchPlan, planTouches, touchRowParser, unmatchedRow, type TouchPlan, type TouchRow } from '../../csv/touch-rows.js';
import type { ImportRow } from '../../csv/load.js';
import { emptyTally, importRows, type DirectBatch } from './import-apply.js';
import { prospectPlanner } from './import-prospect-plan.js';
import { readRows, type ReadFlags, type ReadRows, type ValueCheck } from './import-read.js';
import { purchaseSlice, responseSlice, touchBatchRows, touchSlice } from './import-slice.js';
import { PURCHASE_HEADERS, purchaseRowParser, type PurchaseRow } from '../../csv/purchase-rows.js';
import { noOrdersYet, planPurchases, type PurchasePlan } from '../../csv/purchase-plan.js';
import { saleCurrency } from '../purchase/price.js';
import type { StoreTransaction } from '../../store/store.js';
import { findSurvey } from '../common/lookup.js';
import { parseChoice } from '../common/options.js';
import { outputTarget, writeOutput, type OutputTarget } from '../common/output-file.js';

export interface ImportFlags extends ReadFlags {
  onDuplicate?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

/** The rejects file, checked before anything else happens: an import refused for its --rejects target writes nothing. */
const rejectsTarget = async (ctx: Context, flags: ImportFlags): Promise<OutputTarget | undefined> =>
  flags.rejects === undefined ? undefined : outputTarget(ctx, flags.rejects, 'the rejects file');

interface Summary {
  created: number;
  merged: number;
  skipped: number;
  /** Rows left out for the suppression list (prospects only). */
  suppressed?: number;
  rejected: Rejection[];
  warnings: string[];
  /** A dry run's per-row listing (created, merged, skipped; rejections are added from `rejected`). */
  outcomes?: RowOutcome[];
  shared?: number;
}

async function readTable<T>(ctx: Context, file: string, flags: ImportFlags, setup: ReadSetup<T>): Promise<ReadRows<T>> {
  const read = await readRows(ctx, file, flags, setup);
  try {
    for (const note of flags.dryRun ? [describeLayout(read.layout)] : layoutNotes(read.layout)) ctx.term.info(note);
    reportColumns(ctx, read.match, setup.spec);
    if (flags.dryRun) ctx.term.info(describeColumns(read.header, read.match));
    return read;
  } catch (err) {
    await read.close();
    throw err;
  }
}
type ReadSetup<T> = Parameters<typeof readRows<T>>[3];

function reportColumns(ctx: Context, match: HeaderMatch, spec: HeaderSpec): void {
  const quote = (hs: string[]) => hs.map((h) => `"${h}"`).join(', ');
  if (match.unknown.length) {
    const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
    // The hint must be a mapping import accepts: `field.__proto__` is refused.
    const first = spec.customFields ? match.unknown.find((h) => /[a-z0-9]/.test(key(h)) && isSafeKey(key(h))) : match.unknown[0];
    const hint = first === undefined ? ''
      : spec.customFields ? ` (to keep one: --map "${first}=field.${key(first)}")`
        : ` (to keep one: --map "${first}=<field>", a field of: ${spec.fields.join(', ')})`;
    ctx.term.info(`ignoring unknown column(s) ${quote(match.unknown)}${hint}`);
  }
}

function requireColumns(match: HeaderMatch, needs: string[][], header: readonly string[]): void {
  const missing = missingColumns(match, needs);
  if (missing.length) {
    throw dataError(`no column gives ${missing.join(', ')} (columns: ${header.map((h) => `"${h}"`).join(', ')}); map one with --map "Header=field"`);
  }
}

/** Prints problems and the summary, writes the rejects file, and fails with 65 when invalid rows were not skipped. */
async function finish(ctx: Context, flags: ImportFlags, read: ReadRows<unknown>, s: Summary, written: boolean, rejects: OutputTarget | undefined): Promise<void> {
  const rejected = byLine(s.rejected);
  if (rejects) await writeOutput(ctx, rejects, await rejectsCsv(read.header, rejected, read.delimiter));
  for (const w of s.warnings) ctx.term.warn(w);
  const refused = rejected.length > 0 && !flags.skipInvalid;
  if (!refused) for (const r of rejected) ctx.term.warn(`skipped ${problemLine(r)}`);
  const note = flags.dryRun ? ' (dry run: nothing written)' : refused ? ' (nothing written)' : written ? '' : ' (nothing to change)';
  // "suppressed N" only when there are any, so the line of an import without them reads as it always did.
  const suppressed = s.suppressed ? `, suppressed ${s.suppressed}` : '';
  const shared = s.shared ? `; ${s.shared} shared an email with another row (kept without it, with a note)` : '';
  ctx.term.info(`created ${s.created}, merged ${s.merged}, skipped ${s.skipped}${suppressed}, rejected ${rejected.length}${shared}${note}`);
  const outcomes = s.outcomes && [...s.outcomes, ...rejected.map((r): RowOutcome => ({ line: r.line, action: 'rejected', id: null, reason: r.reason }))]
    .sort((a, b) => a.line - b.line);
  if (ctx.term.format === 'json') {
    const counts = { created: s.created, merged: s.merged, skipped: s.skipped, ...(s.suppressed === undefined ? {} : { suppressed: s.suppressed }) };
    const summary = { ...counts, rejected: rejected.length, ...(s.shared ? { shared: s.shared } : {}), written, dryRun: Boolean(flags.dryRun), rejections: rejected.map(({ line, reason }) => ({ line, reason })) };
    ctx.term.out(`${JSON.stringify(outcomes ? { ...summary, rows: outcomes } : summary, null, 2)}\n`);
  } else if (outcomes && (ctx.term.format === 'csv' || ctx.term.format === 'tsv')) {
    ctx.term.out(await renderRows(outcomes, OUTCOME_COLUMNS, { format: ctx.term.format, color: ctx.term.color }));
  }
  if (refused) throw invalidRowsError(rejected, read.rowCount);
}

export async function importProspects(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const onDuplicate: OnDuplicate = flags.onDuplicate === undefined ? 'merge' : parseChoice(flags.onDuplicate, ON_DUPLICATE, '--on-duplicate');
  const country = shopCountry(ctx.clock.env);
  const rejects = await rejectsTarget(ctx, flags);
  const checkStage: ValueCheck = (field, value) => { if (field === 'stage') parseStage(value); };
  const read = await readTable(ctx, file, flags, { spec: PROSPECT_HEADERS, parse: parseProspectRow, checkValue: checkStage, vcard: true });
  try {
    requireColumns(read.match, [['name', 'first_name', 'last_name', 'email', 'description']], read.header);
    if (missingColumns(read.match, [['email', 'phone']]).length) {
      ctx.term.warn('no column gives an email or a phone, so prospects are told apart by name only (map one with --map "Header=email" or "Header=phone")');
    }
    const options = { onDuplicate, now: ctx.clock.now().toISOString(), explain: Boolean(flags.dryRun) && ctx.term.format !== 'table', country };
    const { tally, written } = await importRows(ctx, flags, read, prospectPlanner(options));
    await finish(ctx, flags, read, { ...tally, outcomes: options.explain ? tally.outcomes : undefined }, written, rejects);
  } finally {
    await read.close();
  }
}

export async function importTouches(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const env = ctx.clock.env;
  const fallback = env.PRECRM_CURRENCY?.trim() ? saleCurrency(null, env) : null;
  const read = await readTable(ctx, file, flags, { spec: TOUCH_HEADERS, parse: touchRowParser(fallback) });
  try {
    requireColumns(read.match, [['prospect', 'email'], ['type'], ['at']], read.header);
    const now = ctx.clock.now().toISOString();
    const { tally, written } = await importRows<TouchRow, TouchPlan>(ctx, flags, read, {
      slice: (reader, rows) => touchSlice(reader, rows.map((r) => r.row)),
      plan: (doc, rows) => planTouches(doc, rows),
      changes: (p) => p.touches.length > 0,
      apply: (doc, p) => applyTouchPlan(doc, p, now),
      tally: (p) => ({ ...emptyTally(), created: p.touches.length, skipped: p.skipped, rejected: p.rejected }),
      direct: (tx, rows) => directTouches(tx, rows, now),
    });
    await finish(ctx, flags, read, { ...tally, outcomes: undefined }, written, rejects);
  } finally {
    await read.close();
  }
}

/** A touch batch planned by the database (SQL stores: set-based), with the tally planTouches would give. */
async function directTouches(tx: StoreTransaction, rows: readonly ImportRow<TouchRow>[], now: string): Promise<DirectBatch | undefined> {
  if (!tx.touchBatch) return undefined;
  const batch = await tx.touchBatch(touchBatchRows(rows), now);
  const rejected = batch.unmatched.map((i) => unmatchedRow(rows[i]!));
  return { tally: { ...emptyTally(), created: batch.created, skipped: batch.skipped, rejected }, changes: batch.created > 0, write: batch.write };
}

export async function importResponses(ctx: Context, surveyRef: string, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const survey = await findSurvey(await ctx.stores.open(), surveyRef);
  const read = await readTable(ctx, file, flags, { spec: responseHeaders(survey), parse: responseRowParser(survey) });
  try {
    requireColumns(read.match, [['at'], survey.questions.map((q) => q.key)], read.header);
    const { tally, written } = await importRows<ResponseRow, ResponsePlan>(ctx, flags, read, {
      slice: async (reader, rows) => responseSlice(reader, await findSurvey(reader, survey.name), rows.map((r) => r.row)),
      plan: (doc, rows) => planResponses(doc, doc.surveys[0]!, rows),
      changes: (p) => p.responses.length > 0,
      apply: (doc, p) => applyResponsePlan(doc, doc.surveys[0]!, p),
      tally: (p) => ({ ...emptyTally(), created: p.responses.length, skipped: p.skipped, rejected: p.rejected, unknownEmails: p.unknownEmails, warnings: p.warnings }),
    });
    const unknown = tally.unknownEmails;
    const warnings = unknown.length === 0 ? tally.warnings : [...tally.warnings, `${unknown.length} row(s) give an email no prospect has (line ${unknown.join(', ')}): recorded as anonymous (import those people as prospects first to link their answers)`];
    await finish(ctx, flags, read, { ...tally, warnings, outcomes: undefined }, written, rejects);
  } finally {
    await read.close();
  }
}

/**
 * Writes a purchase plan: the converted prospects (their first purchases come with them), order ids, purchases an
 * earlier batch made with their order's further rows added, later purchases.
 */
async function writePurchases(tx: StoreTransaction, p: PurchasePlan): Promise<void> {
  if (p.prospects.size) await tx.update('prospect', [...p.prospects.values()]);
  if (p.amended.length) await tx.update('purchase', p.amended);
  const firsts = await tx.purchasesOf([...p.firstOrders.keys()]);
  for (const [prospectId, orderId] of p.firstOrders) {
    const first = firsts.find((u) => u.prospectId === prospectId)!;
    await tx.update('purchase', [{ ...first, orderId }]);
  }
  if (p.later.length === 0) return;
  let id = await tx.takeId('purchase', p.later.length);
  await tx.insert('purchase', p.later.map((u) => ({ id: id++, ...u })));
}

export async function importPurchases(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const env = ctx.clock.env;
  const fallback = env.PRECRM_CURRENCY?.trim() ? saleCurrency(null, env) : null;
  const read = await readTable(ctx, file, flags, { spec: PURCHASE_HEADERS, parse: purchaseRowParser(fallback) });
  try {
    requireColumns(read.match, [['prospect', 'email', 'phone', 'name'], ['at', 'day'], ['value']], read.header);
    const now = ctx.clock.now().toISOString();
    const country = shopCountry(env);
    let sofar = noOrdersYet();
    const { tally, written } = await importRows<PurchaseRow, PurchasePlan>(ctx, flags, read, {
      start: async () => { sofar = noOrdersYet(); },
      slice: (reader, rows) => purchaseSlice(reader, rows.map((r) => r.row), country),
      plan: (doc, rows) => planPurchases(doc, rows, now, country, sofar),
      changes: (p) => p.created > 0 || p.amended.length > 0,
      apply: () => undefined,
      also: writePurchases,
      tally: (p) => ({ ...emptyTally(), created: p.created, skipped: p.skipped, rejected: p.rejected }),
    });
    await finish(ctx, flags, read, { ...tally, outcomes: undefined }, written, rejects);
  } finally {
    await read.close();
  }
}
