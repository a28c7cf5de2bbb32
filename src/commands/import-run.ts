// import prospects|touches|responses: read a CSV, plan the change as a pure function, apply it in one locked write.
import type { Context } from '../context.js';
import { dataError } from '../domain/errors.js';
import { isSafeKey } from '../domain/prospect.js';
import type { StoreDoc } from '../domain/types.js';
import { PROSPECT_HEADERS } from '../csv/contact-columns.js';
import { matchHeaders, parseMapOptions, parseValueMapOptions, resolveValueMaps, type HeaderMatch, type HeaderSpec } from '../csv/headers.js';
import { loadRows, missingColumns, type LoadedRows, type RowParser } from '../csv/load.js';
import { ON_DUPLICATE, applyProspectPlan, planChanges, planImport, type OnDuplicate, type ProspectPlan } from '../csv/plan-prospects.js';
import { parseProspectRow } from '../csv/prospect-rows.js';
import { DATE_ORDERS } from '../csv/timestamps.js';
import { parseStage } from '../domain/stages.js';
import { parseCsv, parseDelimiter, readSource, type CsvTable } from '../csv/read.js';
import { byLine, invalidRowsError, problemLine, rejectsCsv, type Rejection, type RowOutcome } from '../csv/report.js';
import { renderRows } from '../output/render.js';
import { describeColumns, OUTCOME_COLUMNS } from './import-explain.js';
import { applyResponsePlan, planResponses, responseHeaders, responseRowParser } from '../csv/response-rows.js';
import { TOUCH_HEADERS, applyTouchPlan, parseTouchRow, planTouches } from '../csv/touch-rows.js';
import { startProgress } from '../output/progress.js';
import { prospectSlice, responseSlice, sliceSnapshot, suppressionSlice, touchSlice, writeSlice } from './import-slice.js';
import { suppress } from '../store/suppress.js';
import { suppressionLookup } from '../store/suppression-hash.js';
import { shopCountry } from '../domain/phones.js';
import { findSurvey } from './lookup.js';
import { parseChoice } from './options.js';
import type { StoreReader, StoreTransaction } from '../store/store.js';
import { outputTarget, writeOutput, type OutputTarget } from './output-file.js';

export interface ImportFlags {
  map?: string[];
  mapValue?: string[];
  dateOrder?: string;
  delimiter?: string;
  onDuplicate?: string;
  skipInvalid?: boolean;
  rejects?: string;
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
}

/** Checks a `--map-value` replacement once, before any row is read (e.g. that a stage column gets a stage). */
type ValueCheck = (field: string, value: string) => void;

/** A file of a megabyte or more takes long enough to deserve a progress bar. */
const LARGE_FILE = 1 << 20;

async function readTable<T>(ctx: Context, file: string, flags: ImportFlags, spec: HeaderSpec, parse: RowParser<T>, checkValue?: ValueCheck): Promise<{ table: CsvTable; loaded: LoadedRows<T> }> {
  const overrides = parseMapOptions(flags.map ?? [], spec);
  const valueOptions = parseValueMapOptions(flags.mapValue ?? []);
  const dateOrder = flags.dateOrder === undefined ? undefined : parseChoice(flags.dateOrder, DATE_ORDERS, '--date-order');
  const delimiter = flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter);
  const buf = await readSource(file, ctx.world.cwd, ctx.world.stdin.stream);
  const progress = await startProgress(ctx.world.stderr, `reading ${file}`, Boolean(ctx.world.stderr.isTTY) && !ctx.quiet && buf.length >= LARGE_FILE);
  let table: CsvTable;
  try {
    table = await parseCsv(buf, { delimiter, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.stop();
  }
  const values = resolveValueMaps(valueOptions, table.header);
  if (checkValue) {
    const targets = matchHeaders(table.header, spec, overrides).targets;
    for (const [i, map] of values) for (const to of map.values()) if (targets[i]) checkValue(targets[i]!, to);
  }
  const loaded = loadRows(table, spec, { overrides, values }, parse, { now: ctx.now(), decimalComma: table.delimiter === ';', dateOrder });
  reportColumns(ctx, loaded.match, spec);
  if (flags.dryRun) ctx.info(describeColumns(table.header, loaded.match));
  return { table, loaded };
}

function reportColumns(ctx: Context, match: HeaderMatch, spec: HeaderSpec): void {
  const quote = (hs: string[]) => hs.map((h) => `"${h}"`).join(', ');
  if (match.unknown.length) {
    const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
    // The hint must be a mapping import accepts: `field.__proto__` is refused.
    const first = spec.customFields ? match.unknown.find((h) => /[a-z0-9]/.test(key(h)) && isSafeKey(key(h))) : match.unknown[0];
    const hint = first === undefined ? ''
      : spec.customFields ? ` (to keep one: --map "${first}=field.${key(first)}")`
        : ` (to keep one: --map "${first}=<field>", a field of: ${spec.fields.join(', ')})`;
    ctx.info(`ignoring unknown column(s) ${quote(match.unknown)}${hint}`);
  }
}

function requireColumns(match: HeaderMatch, needs: string[][], header: readonly string[]): void {
  const missing = missingColumns(match, needs);
  if (missing.length) {
    throw dataError(`no column gives ${missing.join(', ')} (columns: ${header.map((h) => `"${h}"`).join(', ')}); map one with --map "Header=field"`);
  }
}

/** Prints problems and the summary, writes the rejects file, and fails with 65 when invalid rows were not skipped. */
async function finish(ctx: Context, flags: ImportFlags, table: CsvTable, s: Summary, written: boolean, rejects: OutputTarget | undefined): Promise<void> {
  const rejected = byLine(s.rejected);
  if (rejects) await writeOutput(ctx, rejects, await rejectsCsv(table.header, rejected, table.delimiter));
  for (const w of s.warnings) ctx.warn(w);
  const refused = rejected.length > 0 && !flags.skipInvalid;
  if (!refused) for (const r of rejected) ctx.warn(`skipped ${problemLine(r)}`);
  const note = flags.dryRun ? ' (dry run: nothing written)' : refused ? ' (nothing written)' : written ? '' : ' (nothing to change)';
  // "suppressed N" only when there are any, so the line of an import without them reads as it always did.
  const suppressed = s.suppressed ? `, suppressed ${s.suppressed}` : '';
  ctx.info(`created ${s.created}, merged ${s.merged}, skipped ${s.skipped}${suppressed}, rejected ${rejected.length}${note}`);
  const outcomes = s.outcomes && [...s.outcomes, ...rejected.map((r): RowOutcome => ({ line: r.line, action: 'rejected', id: null, reason: r.reason }))]
    .sort((a, b) => a.line - b.line);
  if (ctx.format === 'json') {
    const counts = { created: s.created, merged: s.merged, skipped: s.skipped, ...(s.suppressed === undefined ? {} : { suppressed: s.suppressed }) };
    const summary = { ...counts, rejected: rejected.length, written, dryRun: Boolean(flags.dryRun), rejections: rejected.map(({ line, reason }) => ({ line, reason })) };
    ctx.out(`${JSON.stringify(outcomes ? { ...summary, rows: outcomes } : summary, null, 2)}\n`);
  } else if (outcomes && (ctx.format === 'csv' || ctx.format === 'tsv')) {
    ctx.out(await renderRows(outcomes, OUTCOME_COLUMNS, { format: ctx.format, color: ctx.color }));
  }
  if (refused) throw invalidRowsError(rejected, table.rows.length);
}

/**
 * Plans against the part of the store the rows can touch (`slice`): read as it is for --dry-run or invalid rows,
 * else inside one transaction, where `apply` changes the slice only when every row is acceptable and something
 * changes — and what it changed is written. A transaction that writes nothing leaves the store as it was.
 */
async function applyOnce<P>(ctx: Context, flags: ImportFlags, rowRejects: number, slice: (reader: StoreReader) => Promise<StoreDoc>,
  plan: (doc: StoreDoc) => P, problems: (p: P) => number, changes: (p: P) => boolean, apply: (doc: StoreDoc, p: P) => void,
  also?: (tx: StoreTransaction, p: P) => Promise<void>): Promise<{ plan: P; written: boolean }> {
  const store = await ctx.openStore();
  if (flags.dryRun || (rowRejects > 0 && !flags.skipInvalid)) return { plan: plan(await slice(store)), written: false };
  return store.transaction(async (tx) => {
    const doc = await slice(tx);
    const planned = plan(doc);
    if ((problems(planned) > 0 && !flags.skipInvalid) || !changes(planned)) return { plan: planned, written: false };
    const before = sliceSnapshot(doc);
    apply(doc, planned);
    await writeSlice(tx, before, doc);
    await also?.(tx, planned);
    return { plan: planned, written: true };
  });
}

export async function importProspects(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const onDuplicate: OnDuplicate = flags.onDuplicate === undefined ? 'merge' : parseChoice(flags.onDuplicate, ON_DUPLICATE, '--on-duplicate');
  const country = shopCountry(ctx.world.env);
  const rejects = await rejectsTarget(ctx, flags);
  const checkStage: ValueCheck = (field, value) => { if (field === 'stage') parseStage(value); };
  const { table, loaded } = await readTable(ctx, file, flags, PROSPECT_HEADERS, parseProspectRow, checkStage);
  requireColumns(loaded.match, [['name', 'first_name', 'last_name', 'email']], table.header);
  if (missingColumns(loaded.match, [['email', 'phone']]).length) {
    ctx.warn('no column gives an email or a phone, so prospects are told apart by name only (map one with --map "Header=email" or "Header=phone")');
  }
  const now = ctx.now().toISOString();
  const explain = Boolean(flags.dryRun) && ctx.format !== 'table';
  const rows = loaded.rows.map((r) => r.row);
  // The suppression list is read after the prospects: on a server, a forget that committed meanwhile is seen by both.
  const slice = async (reader: StoreReader) => ({ ...(await prospectSlice(reader, rows, country)), suppression: await suppressionSlice(reader, rows, country) });
  // Rows that mark someone do-not-contact put them on the list, as `prospect do-not-contact` does.
  const listDoNotContact = (tx: StoreTransaction, p: ProspectPlan) =>
    suppress(tx, [...p.creates, ...p.updates.values()].filter((x) => x.doNotContact && x.forgottenAt === null), 'do-not-contact', now);
  const { plan, written } = await applyOnce(ctx, flags, loaded.rejected.length, slice,
    (doc) => planImport(doc, loaded.rows, { onDuplicate, now, explain, country, suppressed: suppressionLookup(doc.suppression, country) }),
    (p) => p.rejected.length, planChanges, applyProspectPlan, listDoNotContact);
  await finish(ctx, flags, table, { ...plan, rejected: [...loaded.rejected, ...plan.rejected], outcomes: explain ? plan.outcomes : undefined }, written, rejects);
}

export async function importTouches(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const { table, loaded } = await readTable(ctx, file, flags, TOUCH_HEADERS, parseTouchRow);
  requireColumns(loaded.match, [['prospect', 'email'], ['type'], ['at']], table.header);
  const now = ctx.now().toISOString();
  const rows = loaded.rows.map((r) => r.row);
  const { plan, written } = await applyOnce(ctx, flags, loaded.rejected.length, (reader) => touchSlice(reader, rows),
    (doc) => planTouches(doc, loaded.rows), (p) => p.rejected.length, (p) => p.touches.length > 0, (doc, p) => applyTouchPlan(doc, p, now));
  const summary = { created: plan.touches.length, merged: 0, skipped: plan.skipped, rejected: [...loaded.rejected, ...plan.rejected], warnings: [] };
  await finish(ctx, flags, table, summary, written, rejects);
}

export async function importResponses(ctx: Context, surveyRef: string, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const survey = await findSurvey(await ctx.openStore(), surveyRef);
  const { table, loaded } = await readTable(ctx, file, flags, responseHeaders(survey), responseRowParser(survey));
  requireColumns(loaded.match, [['at'], survey.questions.map((q) => q.key)], table.header);
  const rows = loaded.rows.map((r) => r.row);
  const { plan, written } = await applyOnce(ctx, flags, loaded.rejected.length, async (reader) => responseSlice(reader, await findSurvey(reader, survey.name), rows),
    (doc) => planResponses(doc, doc.surveys[0]!, loaded.rows), (p) => p.rejected.length, (p) => p.responses.length > 0,
    (doc, p) => applyResponsePlan(doc, doc.surveys[0]!, p));
  const unknown = plan.unknownEmails;
  const warnings = unknown.length === 0 ? [] : [`${unknown.length} row(s) give an email no prospect has (line ${unknown.join(', ')}): recorded as anonymous (import those people as prospects first to link their answers)`];
  const summary = { created: plan.responses.length, merged: 0, skipped: plan.skipped, rejected: [...loaded.rejected, ...plan.rejected], warnings };
  await finish(ctx, flags, table, summary, written, rejects);
}
