// import prospects|touches|responses: read a CSV, plan the change as a pure function, apply it in one locked write.
// A file larger than one batch (import-read.ts) is planned and written a batch at a time inside that one
// transaction, each batch against what the earlier ones wrote: all or nothing still, memory bounded by the batch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Context } from '../context.js';
import { dataError } from '../domain/errors.js';
import { isSafeKey } from '../domain/prospect.js';
import type { StoreDoc } from '../domain/types.js';
import { PROSPECT_HEADERS } from '../csv/contact-columns.js';
import type { HeaderMatch, HeaderSpec } from '../csv/headers.js';
import { missingColumns, type ImportRow } from '../csv/load.js';
import { ON_DUPLICATE, applyProspectPlan, planChanges, planImport, rejectDanglingReferrals, type OnDuplicate, type PlanOptions, type ProspectPlan } from '../csv/plan-prospects.js';
import { parseProspectRow, type ProspectRow } from '../csv/prospect-rows.js';
import { parseStage } from '../domain/stages.js';
import { byLine, invalidRowsError, problemLine, rejectsCsv, type Rejection, type RowOutcome } from '../csv/report.js';
import { renderRows } from '../output/render.js';
import { describeColumns, OUTCOME_COLUMNS } from './import-explain.js';
import { applyResponsePlan, planResponses, responseHeaders, responseRowParser, type ResponsePlan, type ResponseRow } from '../csv/response-rows.js';
import { TOUCH_HEADERS, applyTouchPlan, parseTouchRow, planTouches, type TouchPlan, type TouchRow } from '../csv/touch-rows.js';
import { readRows, type ReadFlags, type ReadRows, type ValueCheck } from './import-read.js';
import { prospectSlice, responseSlice, sliceSnapshot, touchSlice, writeSlice } from './import-slice.js';
import { findSurvey } from './lookup.js';
import { parseChoice } from './options.js';
import { openStore } from '../store/open.js';
import type { Store, StoreReader } from '../store/store.js';
import { outputTarget, writeOutput, type OutputTarget } from './output-file.js';

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
  rejected: Rejection[];
  warnings: string[];
  /** A dry run's per-row listing (created, merged, skipped; rejections are added from `rejected`). */
  outcomes?: RowOutcome[];
}

/** What the plans of an import came to, added up over its batches. */
interface Tally extends Required<Summary> {
  /** Lines whose email no prospect has (survey responses recorded as anonymous). */
  unknownEmails: number[];
}

const emptyTally = (): Tally => ({ created: 0, merged: 0, skipped: 0, rejected: [], warnings: [], outcomes: [], unknownEmails: [] });

function addTally(into: Tally, t: Tally): void {
  into.created += t.created;
  into.merged += t.merged;
  into.skipped += t.skipped;
  for (const key of ['rejected', 'warnings', 'outcomes', 'unknownEmails'] as const) for (const x of t[key]) (into[key] as unknown[]).push(x);
}

/** How one kind of import plans its rows against the part of the store they can touch, and applies the plan. */
interface Planner<R, P> {
  /** Called as each batched transaction (or its rerun) begins: forget what an earlier attempt learnt. */
  start?(tx: StoreReader): Promise<void>;
  /** A batch's rows as the batches before it leave them to be read (a referral by a file id that was renumbered), in parts planned one after the other. */
  prepare?(rows: ImportRow<R>[]): ImportRow<R>[][];
  slice(reader: StoreReader, rows: readonly ImportRow<R>[]): Promise<StoreDoc>;
  plan(doc: StoreDoc, rows: readonly ImportRow<R>[]): P;
  changes(p: P): boolean;
  apply(doc: StoreDoc, p: P): void;
  tally(p: P): Tally;
  /** Rows of a batch that must wait until every other row is in (a referral to a row further down the file). */
  holdBack?(doc: StoreDoc, rows: readonly ImportRow<R>[]): ImportRow<R>[];
}

async function readTable<T>(ctx: Context, file: string, flags: ImportFlags, spec: HeaderSpec, parse: ReadSetup<T>['parse'], checkValue?: ValueCheck): Promise<ReadRows<T>> {
  const read = await readRows(ctx, file, flags, { spec, parse, checkValue });
  try {
    reportColumns(ctx, read.match, spec);
    if (flags.dryRun) ctx.info(describeColumns(read.header, read.match));
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
async function finish(ctx: Context, flags: ImportFlags, read: ReadRows<unknown>, s: Summary, written: boolean, rejects: OutputTarget | undefined): Promise<void> {
  const rejected = byLine(s.rejected);
  if (rejects) await writeOutput(ctx, rejects, await rejectsCsv(read.header, rejected, read.delimiter));
  for (const w of s.warnings) ctx.warn(w);
  const refused = rejected.length > 0 && !flags.skipInvalid;
  if (!refused) for (const r of rejected) ctx.warn(`skipped ${problemLine(r)}`);
  const note = flags.dryRun ? ' (dry run: nothing written)' : refused ? ' (nothing written)' : written ? '' : ' (nothing to change)';
  ctx.info(`created ${s.created}, merged ${s.merged}, skipped ${s.skipped}, rejected ${rejected.length}${note}`);
  const outcomes = s.outcomes && [...s.outcomes, ...rejected.map((r): RowOutcome => ({ line: r.line, action: 'rejected', id: null, reason: r.reason }))]
    .sort((a, b) => a.line - b.line);
  if (ctx.format === 'json') {
    const summary = { created: s.created, merged: s.merged, skipped: s.skipped, rejected: rejected.length, written, dryRun: Boolean(flags.dryRun), rejections: rejected.map(({ line, reason }) => ({ line, reason })) };
    ctx.out(`${JSON.stringify(outcomes ? { ...summary, rows: outcomes } : summary, null, 2)}\n`);
  } else if (outcomes && (ctx.format === 'csv' || ctx.format === 'tsv')) {
    ctx.out(await renderRows(outcomes, OUTCOME_COLUMNS, { format: ctx.format, color: ctx.color }));
  }
  if (refused) throw invalidRowsError(rejected, read.rowCount);
}

/**
 * Plans against the part of the store the rows can touch (`slice`): read as it is for --dry-run or invalid rows,
 * else inside one transaction, where `apply` changes the slice only when every row is acceptable and something
 * changes — and what it changed is written. A transaction that writes nothing leaves the store as it was.
 */
async function applyOnce<R, P>(ctx: Context, flags: ImportFlags, rowRejects: number, rows: ImportRow<R>[], planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const store = await ctx.openStore();
  if (flags.dryRun || (rowRejects > 0 && !flags.skipInvalid)) return { tally: planner.tally(planner.plan(await planner.slice(store, rows), rows)), written: false };
  return store.transaction(async (tx) => {
    const doc = await planner.slice(tx, rows);
    const planned = planner.plan(doc, rows);
    const tally = planner.tally(planned);
    if ((tally.rejected.length > 0 && !flags.skipInvalid) || !planner.changes(planned)) return { tally, written: false };
    const before = sliceSnapshot(doc);
    planner.apply(doc, planned);
    await writeSlice(tx, before, doc);
    return { tally, written: true };
  });
}

/** Thrown to end a batched dry run (or a refused import) with everything it wrote rolled back. */
class RolledBack extends Error {
  constructor(readonly tally: Tally) {
    super('rolled back');
  }
}

/**
 * A file of several batches: each is planned against the store as the batches before it left it, inside one
 * transaction, so duplicates across batches are found in the store and a failure anywhere writes nothing. A dry
 * run, or a file with invalid rows not skipped, runs the same way and is rolled back — against an empty scratch
 * store when the store does not exist yet, so that nothing is created.
 */
async function applyBatches<R, P>(ctx: Context, flags: ImportFlags, read: ReadRows<R>, planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const keep = !flags.dryRun && (read.rejected.length === 0 || Boolean(flags.skipInvalid));
  const store = await ctx.openStore();
  const scratch = !keep && (await store.absent()) ? await scratchStore(ctx) : undefined;
  try {
    return await (scratch?.store ?? store).transaction(async (tx) => {
      const total = emptyTally();
      let written = false;
      const later: ImportRow<R>[] = [];
      await planner.start?.(tx);
      const step = async (batch: ImportRow<R>[], last: boolean) => {
        for (const rows of planner.prepare?.(batch) ?? [batch]) await stepRows(rows, last);
      };
      const stepRows = async (rows: ImportRow<R>[], last: boolean) => {
        const doc = await planner.slice(tx, rows);
        const held = last || !planner.holdBack ? [] : planner.holdBack(doc, rows);
        for (const r of held) later.push(r);
        const planned = planner.plan(doc, held.length ? rows.filter((r) => !held.includes(r)) : rows);
        addTally(total, planner.tally(planned));
        if (!planner.changes(planned)) return;
        const before = sliceSnapshot(doc);
        planner.apply(doc, planned);
        await writeSlice(tx, before, doc);
        written = true;
      };
      for await (const rows of read.batches()) {
        await step(rows, false);
        collectGarbage();
      }
      if (later.length) await step(later, true);
      if (!keep || (total.rejected.length > 0 && !flags.skipInvalid)) throw new RolledBack(total);
      return { tally: total, written };
    });
  } catch (err) {
    if (err instanceof RolledBack) return { tally: err.tally, written: false };
    throw err;
  } finally {
    await scratch?.dispose();
  }
}

let gc: (() => void) | undefined;
/**
 * Between batches, a full garbage collection: V8 otherwise lets the garbage of many batches pile up before it
 * collects (it sizes the heap by how fast a program allocates, and an import allocates fast), and the resident memory
 * of a long import grows to several times what it holds. One collection per batch costs a few percent of the time.
 */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** An empty SQLite store in a private temporary folder, removed afterwards. */
async function scratchStore(ctx: Context): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'precrm-dry-run-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'scratch.db') }, ctx.storeOptions());
  return { store, dispose: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Plans and applies the rows (once, or batch by batch), then reports; the input is closed whatever happens. */
async function importRows<R, P>(ctx: Context, flags: ImportFlags, read: ReadRows<R>, planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const result = read.whole ? await applyOnce(ctx, flags, read.rejected.length, read.whole, planner) : await applyBatches(ctx, flags, read, planner);
  result.tally.rejected = [...read.rejected, ...result.tally.rejected];
  return result;
}

const prospectTally = (p: ProspectPlan): Tally => ({ created: p.created, merged: p.merged, skipped: p.skipped, rejected: p.rejected, warnings: p.warnings, outcomes: p.outcomes, unknownEmails: [] });

/**
 * Plans prospect rows. Across batches it remembers the file ids that became other ids (`5` written as #12 because
 * #5 was taken), so that a later row's `referred_by 5` still names the row the file meant.
 */
function prospectPlanner(options: PlanOptions): Planner<ProspectRow, ProspectPlan> {
  const moved = new Map<number, number>();
  let createdFrom: number | undefined;
  return {
    start: async (tx) => {
      moved.clear();
      createdFrom = (await tx.counters()).prospect;
    },
    prepare: (rows) => followMoved(rows, moved),
    slice: (reader, rows) => prospectSlice(reader, rows.map((r) => r.row)),
    plan: (doc, rows) => {
      const plan = planImport(doc, rows, { ...options, createdFrom });
      for (const [from, to] of plan.movedIds) if (!moved.has(from)) moved.set(from, to);
      return plan;
    },
    changes: planChanges,
    apply: applyProspectPlan,
    tally: prospectTally,
    holdBack: danglingReferrals,
  };
}

/**
 * Rows whose `referred_by` is a file id an earlier batch renumbered are pointed at the id it became. Should that id
 * also be a file id in this batch (which a referral would name first), such a row is planned on its own after the rest.
 */
function followMoved(rows: ImportRow<ProspectRow>[], moved: ReadonlyMap<number, number>): ImportRow<ProspectRow>[][] {
  if (moved.size === 0) return [rows];
  // A file id given in this batch is that row's, as in a file read whole.
  const here = new Set(rows.map((r) => r.row.id));
  const parts: ImportRow<ProspectRow>[][] = [[]];
  for (const r of rows) {
    const ref = r.row.referredBy;
    const to = ref !== null && /^\d+$/.test(ref) && !here.has(Number(ref)) ? moved.get(Number(ref)) : undefined;
    if (to === undefined) parts[0]!.push(r);
    else parts.push([{ ...r, row: { ...r.row, referredBy: String(to) } }]);
  }
  const [first, ...alone] = parts;
  // Only a row whose new reference is a file id of this batch needs to be on its own.
  const together = first!.concat(alone.filter((p) => !here.has(Number(p[0]!.row.referredBy))).flat());
  return [together.sort((a, b) => a.line - b.line), ...alone.filter((p) => here.has(Number(p[0]!.row.referredBy)))];
}

/** A row whose referral names nothing in its batch or the store may name a row further down: it waits for the end. */
function danglingReferrals(doc: StoreDoc, rows: readonly ImportRow<ProspectRow>[]): ImportRow<ProspectRow>[] {
  const dangling: Rejection[] = [];
  rejectDanglingReferrals(doc, [...rows], dangling);
  const lines = new Set(dangling.map((d) => d.line));
  return rows.filter((r) => lines.has(r.line));
}

export async function importProspects(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const onDuplicate: OnDuplicate = flags.onDuplicate === undefined ? 'merge' : parseChoice(flags.onDuplicate, ON_DUPLICATE, '--on-duplicate');
  const rejects = await rejectsTarget(ctx, flags);
  const checkStage: ValueCheck = (field, value) => { if (field === 'stage') parseStage(value); };
  const read = await readTable(ctx, file, flags, PROSPECT_HEADERS, parseProspectRow, checkStage);
  try {
    requireColumns(read.match, [['name', 'first_name', 'last_name', 'email']], read.header);
    if (missingColumns(read.match, [['email', 'phone']]).length) {
      ctx.warn('no column gives an email or a phone, so prospects are told apart by name only (map one with --map "Header=email" or "Header=phone")');
    }
    const options = { onDuplicate, now: ctx.now().toISOString(), explain: Boolean(flags.dryRun) && ctx.format !== 'table' };
    const { tally, written } = await importRows(ctx, flags, read, prospectPlanner(options));
    await finish(ctx, flags, read, { ...tally, outcomes: options.explain ? tally.outcomes : undefined }, written, rejects);
  } finally {
    await read.close();
  }
}

export async function importTouches(ctx: Context, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const read = await readTable(ctx, file, flags, TOUCH_HEADERS, parseTouchRow);
  try {
    requireColumns(read.match, [['prospect', 'email'], ['type'], ['at']], read.header);
    const now = ctx.now().toISOString();
    const { tally, written } = await importRows<TouchRow, TouchPlan>(ctx, flags, read, {
      slice: (reader, rows) => touchSlice(reader, rows.map((r) => r.row)),
      plan: (doc, rows) => planTouches(doc, rows),
      changes: (p) => p.touches.length > 0,
      apply: (doc, p) => applyTouchPlan(doc, p, now),
      tally: (p) => ({ ...emptyTally(), created: p.touches.length, skipped: p.skipped, rejected: p.rejected }),
    });
    await finish(ctx, flags, read, { ...tally, outcomes: undefined }, written, rejects);
  } finally {
    await read.close();
  }
}

export async function importResponses(ctx: Context, surveyRef: string, file: string, flags: ImportFlags): Promise<void> {
  const rejects = await rejectsTarget(ctx, flags);
  const survey = await findSurvey(await ctx.openStore(), surveyRef);
  const read = await readTable(ctx, file, flags, responseHeaders(survey), responseRowParser(survey));
  try {
    requireColumns(read.match, [['at'], survey.questions.map((q) => q.key)], read.header);
    const { tally, written } = await importRows<ResponseRow, ResponsePlan>(ctx, flags, read, {
      slice: async (reader, rows) => responseSlice(reader, await findSurvey(reader, survey.name), rows.map((r) => r.row)),
      plan: (doc, rows) => planResponses(doc, doc.surveys[0]!, rows),
      changes: (p) => p.responses.length > 0,
      apply: (doc, p) => applyResponsePlan(doc, doc.surveys[0]!, p),
      tally: (p) => ({ ...emptyTally(), created: p.responses.length, skipped: p.skipped, rejected: p.rejected, unknownEmails: p.unknownEmails }),
    });
    const unknown = tally.unknownEmails;
    const warnings = unknown.length === 0 ? [] : [`${unknown.length} row(s) give an email no prospect has (line ${unknown.join(', ')}): recorded as anonymous (import those people as prospects first to link their answers)`];
    await finish(ctx, flags, read, { ...tally, warnings, outcomes: undefined }, written, rejects);
  } finally {
    await read.close();
  }
}
