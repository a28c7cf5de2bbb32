// `import prospects` as a kind of import: contact columns (a CSV or a vCard file), planned batch by batch as a file
// read whole would be: file ids renumbered by an earlier batch are followed, and a row whose referral names a row
// further down waits until the rest is in.
import { PROSPECT_HEADERS } from '../../csv/contact-columns.js';
import { missingColumns, type ImportRow } from '../../csv/load.js';
import { applyProspectPlan, buyersIn, planChanges, planImport, rejectDanglingReferrals, type OnDuplicate, type PlanOptions, type ProspectPlan } from '../../csv/plan-prospects.js';
import { parseProspectRow, type ProspectRow } from '../../csv/prospect-rows.js';
import type { Rejection } from '../../csv/report.js';
import type { CountryCode } from '../../domain/phones.js';
import { parseStage } from '../../domain/stages.js';
import type { StoreDoc } from '../../domain/types.js';
import type { Planner } from './apply.js';
import type { Tally } from './counts.js';
import type { ImportOptions } from './flags.js';
import { listsRows, type KindOf } from './importer.js';
import { suppress } from '../../store/suppress.js';
import { addBirthdays } from './birthdays.js';
import { suppressionLookup } from '../../store/suppression-hash.js';
import { prospectSlice, suppressionSlice, withReferrals } from './slice.js';

export interface ProspectImportOptions extends ImportOptions {
  onDuplicate: OnDuplicate;
  /** The shop's country (PRECRM_COUNTRY), for phone numbers written without one. */
  country: CountryCode | null;
}

/** Reads contact columns (a stage given by --map-value must be a stage) and needs a name, an email or a description. */
export const prospectKind = (o: ProspectImportOptions): KindOf<ProspectRow, ProspectPlan> => (now) => ({
  read: { spec: PROSPECT_HEADERS, parse: parseProspectRow, checkValue: (field, value) => { if (field === 'stage') parseStage(value); }, vcard: true },
  needs: [['name', 'first_name', 'last_name', 'email', 'description']],
  warn: (match) => (missingColumns(match, [['email', 'phone']]).length
    ? 'no column gives an email or a phone, so prospects are told apart by name only (map one with --map "Header=email" or "Header=phone")'
    : undefined),
  planner: prospectPlanner({ onDuplicate: o.onDuplicate, now, explain: listsRows(o), country: o.country }),
  outcomes: true,
});

const prospectTally = (p: ProspectPlan): Tally => ({
  created: p.created, merged: p.merged, skipped: p.skipped, suppressed: p.suppressed, rejected: p.rejected, warnings: p.warnings,
  outcomes: p.outcomes, unknownEmails: [], shared: p.shared,
});

/**
 * Plans prospect rows. Across batches it remembers the file ids that became other ids (`5` written as #12 because
 * #5 was taken), so that a later row's `referred_by 5` still names the row the file meant.
 */
function prospectPlanner(options: PlanOptions): Planner<ProspectRow, ProspectPlan> {
  const country = options.country ?? null;
  const moved = new Map<number, number>();
  let createdFrom: number | undefined;
  return {
    start: async (tx) => {
      moved.clear();
      createdFrom = (await tx.counters()).prospect;
    },
    prepare: (rows) => followMoved(rows, moved),
    // The suppression list is read after the prospects: on a server, a forget that committed meanwhile is seen by both.
    slice: async (reader, rows) => {
      const contacts = rows.map((r) => r.row);
      const doc = await prospectSlice(reader, contacts, country);
      const prospects = await withReferrals(reader, doc.prospects, buyersIn(doc, rows, country));
      // Their occasions too: a birthday the store has already is not planned again.
      const occasions = rows.some((r) => r.row.birthday) ? await reader.listOccasions(prospects.map((p) => p.id)) : [];
      return { ...doc, prospects, suppression: await suppressionSlice(reader, contacts, country), occasions };
    },
    plan: (doc, rows) => {
      const plan = planImport(doc, rows, { ...options, createdFrom, suppressed: suppressionLookup(doc.suppression, country) });
      for (const [from, to] of plan.movedIds) if (!moved.has(from)) moved.set(from, to);
      return plan;
    },
    // A birthday for a prospect the file changes nothing else of is a change too (added once: birthdays.ts).
    changes: (p) => planChanges(p) || p.birthdays.size > 0,
    apply: applyProspectPlan,
    tally: prospectTally,
    holdBack: danglingReferrals,
    // Rows that mark someone do-not-contact put them on the list, as `prospect do-not-contact` does.
    // And the birthdays the rows gave become occasions.
    also: async (tx, p) => {
      await suppress(tx, [...p.creates, ...p.updates.values()].filter((x) => x.doNotContact && x.forgottenAt === null), 'do-not-contact', options.now);
      await addBirthdays(tx, p.birthdays, options.now);
    },
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
