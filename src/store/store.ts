// The Store interface every backend implements (JSON file, SQLite, PostgreSQL): targeted reads shaped like the
// questions commands ask, and an async transaction with targeted writes. Nothing here assumes one document in
// memory, so a database can answer each read from indexes and apply each command as a few row writes.
//
// Rules every backend keeps (test/store/contract.ts checks them on each one):
// - The predicates and orders of domain/queries.ts, domain/references.ts and domain/dedupe.ts are the definition
//   of every answer. A database may narrow by index and finish with those predicates; it must return the same rows
//   in the same order (lists of prospects, surveys and responses by id unless said otherwise, touches by time then id).
// - Writes take whole records; changing a record that was read changes nothing stored. Records read outside a
//   transaction may be shared between reads of one store handle (the JSON backend's snapshot): treat them as
//   read-only and change copies (the domain's mutations return new records).
// - A location that holds nothing yet reads as an empty store, and reading creates nothing (no file, no table).
// - Ids come from per-kind counters that only grow, kept in the same transaction as the rows (never a SQL sequence):
//   a transaction that throws hands out nothing, and every backend numbers the same commands the same way.
//
// Adding a backend: implement Store in src/store/<name>/ (Store.load can be `transaction(tx => loadDump(tx, …))`
// from dump.ts), replace its branch in open.ts with a lazy import, add it to BACKENDS in test/backends.ts and run
// the contract with one line in test/store/contract-<name>.test.ts.
import type { DuplicateQuery } from '../domain/dedupe.js';
import type {
  CohortMember, CohortTouch, ProspectFilter, ProspectQuery, ProspectWithLastTouch, ResponseQuery, TallyQuery, TouchQuery,
} from '../domain/queries.js';
import type { ProspectReference } from '../domain/references.js';
import type { TouchInput } from '../domain/touches.js';
import type { FunnelCounts } from '../domain/reports/funnel.js';
import type { IdKind, Occasion, Prospect, Purchase, SuppressionEntry, Survey, SurveyResponse, Tally, Touch } from '../domain/types.js';

/** The record type stored under each id kind. */
export interface RecordOf {
  prospect: Prospect;
  touch: Touch;
  survey: Survey;
  response: SurveyResponse;
  /**
   * A purchase. A prospect's first one is also its `conversion`: writing a prospect writes its first purchase
   * (updated in place, added with a new id, or removed with the conversion), and removing a prospect removes its
   * purchases; a purchase written on its own never changes the prospect.
   */
  purchase: Purchase;
  tally: Tally;
  occasion: Occasion;
}

/** Next id to hand out, per kind. */
export type IdCounters = Record<IdKind, number>;

/** How many records of each kind a store holds. */
export type StoreCounts = { prospects: number; touches: number; surveys: number; responses: number; purchases: number; tallies: number; occasions: number };

/** The reads a command makes. Offered by the store (a snapshot per call) and by a transaction (its own view). */
export interface StoreReader {
  // ---- prospects
  getProspect(id: number): Promise<Prospect | null>;
  /** The prospects with these ids that exist, by id. */
  getProspects(ids: readonly number[]): Promise<Prospect[]>;
  /** Candidates for a `<prospect>` reference (domain/references isCandidate; a superset is fine), by id. */
  prospectCandidates(ref: ProspectReference): Promise<Prospect[]>;
  /** Prospects matching a duplicate look-up (domain/dedupe duplicateMatcher), by id. */
  findDuplicates(q: DuplicateQuery): Promise<Prospect[]>;
  /** Prospects with this name ignoring case and accents (domain/references sameName), by id: `prospect add` warns of them. */
  prospectsNamed(name: string): Promise<Prospect[]>;
  /** A filtered, sorted, limited page (domain/queries prospectMatcher and sortProspects). */
  listProspects(q?: ProspectQuery): Promise<Prospect[]>;
  /** The prospects this one referred, by id. */
  referralsOf(id: number): Promise<Prospect[]>;
  /** Prospects whose free text (notes, follow-up note, lost reason, fields) contains a needle, ignoring case; a superset is fine. */
  prospectsMentioning(needles: readonly string[]): Promise<Prospect[]>;

  // ---- touches
  getTouch(id: number): Promise<Touch | null>;
  /** Touches matching the query, by time then id. */
  listTouches(q?: TouchQuery): Promise<Touch[]>;
  /** The latest touch (by time, then id) of each of these prospects that has one. */
  lastTouches(prospectIds: readonly number[]): Promise<Map<number, Touch>>;
  /** Per prospect, how many of its touches are at or before the given instant. Every asked id is in the map. */
  countTouchesUpTo(items: readonly { prospectId: number; at: string }[]): Promise<Map<number, number>>;
  /** Touches whose note contains a needle, ignoring case; a superset is fine. By id. */
  touchesMentioning(needles: readonly string[]): Promise<Touch[]>;

  // ---- purchases (by time, then id)
  /** The purchases of these prospects. */
  purchasesOf(prospectIds: readonly number[]): Promise<Purchase[]>;
  /** Every purchase of the prospects matching `filter` (all of them without one): exports and reports. */
  listPurchases(filter?: ProspectFilter): Promise<Purchase[]>;
  /** The purchases carrying one of these order ids (an import's idempotence), with every prospect's. */
  purchasesWithOrders(orderIds: readonly string[]): Promise<Purchase[]>;

  // ---- the daily lists: candidates with their last touch, by prospect id; the domain decides who is listed
  /**
   * Prospects matching `filter` that are not lost and may be contacted, and either have a follow-up at or before
   * `horizon` or have a cadence.
   */
  dueCandidates(filter: ProspectFilter, horizon: string): Promise<ProspectWithLastTouch[]>;
  /**
   * Pre-customer prospects (aware..intent) matching `filter` that may be contacted and whose last touch — or
   * creation, when never touched — is before `silentBefore`.
   */
  staleCandidates(filter: ProspectFilter, silentBefore: string): Promise<ProspectWithLastTouch[]>;

  // ---- reports
  /** The slim rows of the prospects matching `filter`, by id. */
  cohort(filter: ProspectFilter): Promise<CohortMember[]>;
  /** The slim rows of the touches of prospects matching `filter`, by time then id. */
  cohortTouches(filter: ProspectFilter): Promise<CohortTouch[]>;
  /**
   * The funnel's figures of the prospects matching `filter` (domain/reports/funnel.ts tallyFunnel defines them):
   * a database counts and takes the medians itself, so `report funnel` reads no prospect rows.
   */
  funnelCounts(filter: ProspectFilter): Promise<FunnelCounts>;

  // ---- surveys and responses
  surveys(): Promise<Survey[]>;
  getSurvey(id: number): Promise<Survey | null>;
  /** The survey of this name, ignoring case (domain/queries surveyKey). */
  surveyByName(name: string): Promise<Survey | null>;
  /** Responses matching the query, by answer time then id. */
  listResponses(q?: ResponseQuery): Promise<SurveyResponse[]>;
  /** Responses to each of these surveys, keyed by surveyKey(name); every asked name is in the map. */
  countResponses(surveyNames: readonly string[]): Promise<Map<string, number>>;

  // ---- tallies: counts of anonymous touches
  /** Tallies matching the query, by time then id. */
  listTallies(q?: TallyQuery): Promise<Tally[]>;

  // ---- the suppression list (domain/suppression.ts)
  /** The secret the list's hashes are keyed with; null while the store has none (then the list is empty). */
  suppressionSecret(): Promise<string | null>;
  /** The entries with these hashes, by hash. */
  suppressionEntries(hashes: readonly string[]): Promise<SuppressionEntry[]>;

  // ---- occasions (birthdays and other days that matter to a prospect)
  /** The occasions of these prospects (all of them when left out), by id. */
  listOccasions(prospectIds?: readonly number[]): Promise<Occasion[]>;
  getOccasion(id: number): Promise<Occasion | null>;

  // ---- the store as a whole
  counts(): Promise<StoreCounts>;
  /** The next id of each kind (what takeId would hand out). */
  counters(): Promise<IdCounters>;
}

/** Targeted writes inside a transaction. Reads through the transaction see its own writes. */
export interface StoreTransaction extends StoreReader {
  /** Hands out `count` consecutive ids of a kind (returns the first); the counter moves past them. */
  takeId(kind: IdKind, count?: number): Promise<number>;
  /**
   * Adds records with the ids they carry (taken, or kept from an import file); the counter moves past each. A used id is a bug (throws).
   * insert and update take the records over: the caller does not change them afterwards (the JSON store keeps those very objects).
   */
  insert<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void>;
  /** Replaces stored records by id. A missing id is a bug (throws). */
  update<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void>;
  /**
   * Deletes records by id; ids that do not exist are ignored. Counters never go back. `merged`: prospects merged into
   * another, whose data lives on there — not an erasure, so a backend skips what it does to wipe a removed person.
   */
  delete(kind: IdKind, ids: readonly number[], options?: { merged?: boolean }): Promise<void>;
  /**
   * Keeps `secret` as the store's suppression secret unless it has one already; returns the secret in force (the
   * one the list's hashes must be keyed with, whichever writer made it).
   */
  keepSuppressionSecret(secret: string): Promise<string>;
  /** Adds entries to the suppression list, replacing any with the same hash. */
  putSuppressions(entries: readonly SuppressionEntry[]): Promise<void>;
  /** Takes these hashes off the suppression list; hashes not on it are ignored. */
  liftSuppressions(hashes: readonly string[]): Promise<void>;
  /**
   * `import touches` of one batch planned and written by the database itself (the SQL backends); without it the
   * import plans in TypeScript against a slice of the store. The result is the same either way.
   */
  touchBatch?(rows: readonly TouchBatchRow[], now: string): Promise<TouchBatch>;
}

/** How an import row names its prospect: by id, or by email key (domain/dedupe.ts emailKey); null names no one. */
export type ImportRef = { id: number } | { emailKey: string } | null;

/** One row of a touch import: its references, tried in order (the first that finds a prospect wins), and the touch. */
export interface TouchBatchRow {
  refs: readonly ImportRef[];
  input: TouchInput;
}

/** A touch batch as the database planned it: rows (by index) that name no prospect, repeats skipped, touches to create. */
export interface TouchBatch {
  unmatched: number[];
  skipped: number;
  created: number;
  /** Records the planned touches as recordTouch does (ids in row order, the prospects moved on), in the transaction. */
  write(): Promise<void>;
}

/**
 * One batch of `store migrate`: records of a kind, the suppression list with its secret (only when the store has
 * a secret), or the id counters (always the last batch).
 */
export type DumpBatch =
  | { kind: 'prospect'; records: Prospect[] }
  | { kind: 'touch'; records: Touch[] }
  | { kind: 'survey'; records: Survey[] }
  | { kind: 'response'; records: SurveyResponse[] }
  | { kind: 'purchase'; records: Purchase[] }
  | { kind: 'tally'; records: Tally[] }
  | { kind: 'occasion'; records: Occasion[] }
  | { kind: 'suppression'; secret: string; entries: SuppressionEntry[] }
  | { kind: 'counters'; counters: IdCounters };

export type BackendKind = 'json' | 'sqlite' | 'postgres';

/** Looks at what a load wrote, inside its transaction; throws to roll it back. */
export type LoadCheck = (written: StoreCounts) => void;

/** What `store upgrade` did: the schema versions before and after, and the backup made first (if one was). */
export interface StoreUpgrade { from: number; to: number; backup: string | null }

export interface Store extends StoreReader {
  readonly kind: BackendKind;
  /** Where the data lives, as given (a path or URL). May hold a password: show describe() instead. */
  readonly location: string;
  /** The location for people: a path, or a URL with any password shown as ***. */
  describe(): string;

  /**
   * Runs `work` as one transaction: every write commits together or not at all. An error thrown inside rolls
   * everything back (ids included) and passes through unchanged. Waits for other writers up to the lock timeout
   * (then exit 75). A transaction that writes nothing changes nothing (no file is created or rewritten).
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;

  /**
   * True when nothing of a store exists at the location yet (no file; a database without precrm's tables), as far
   * as this handle has seen: reads there answer as an empty store. Asked after a command, to warn about a
   * --store typo; a handle that never connected answers false.
   */
  absent(): Promise<boolean>;

  /** Problems found in the stored data (empty when it is sound). A location that holds nothing is sound. */
  check(): Promise<string[]>;
  /**
   * Brings a store written by an older precrm to this one's schema (a file is first copied to a dated backup
   * beside it), or does nothing when it is current. A location that holds nothing: exit 66.
   */
  upgrade(): Promise<StoreUpgrade>;
  /**
   * A consistent copy while others may write, mode 0600: to `target` (a real path, checked by the caller not to be
   * one of ownsFile's; an existing file is replaced only with `replace`, else EEXIST → exit 4), or to a new dated
   * name beside the store (a second one in the same second gets `-2`). Returns what was written.
   */
  backup(target: string | undefined, now: Date, options?: { replace?: boolean }): Promise<string>;
  /**
   * True when writing the file at real path `path` would replace the store or one of its own files (a JSON store's
   * lock and temp files, a SQLite store's -wal/-shm/-journal): every output (`export -o`, `--rejects`,
   * `store backup FILE`) is refused there (commands/common/output-file.ts).
   */
  ownsFile(path: string): Promise<boolean>;
  /** Files interrupted writes left beside the store (temp files): listed by `store check`, removed by the next write. */
  strays(): Promise<string[]>;
  /**
   * After `prospect forget`: removes copies the store made of itself that still hold any of `strings` (the JSON
   * store's pre-migration `.bak`), and lists the dated backups (`store backup`) that do — those are the user's.
   */
  forgetCopies(strings: readonly string[]): Promise<{ removed: string[]; backups: string[] }>;
  /**
   * `prospect forget` of a prospect forgotten already: finishes what an earlier forget could not (SQLite: a WAL a
   * reader held back). Backends whose erasure always finishes in its transaction leave it out.
   */
  finishErasure?(prospectId: number): Promise<void>;

  /**
   * Everything, as one consistent snapshot, in batches: prospects, touches, surveys, responses, occasions (each by
   * id), the suppression list (by hash), then the counters.
   */
  dump(): AsyncIterable<DumpBatch>;
  /**
   * Writes a dump into this store, which must hold nothing (else a conflict, exit 4), in one transaction; the
   * counters end at the dump's, or past the largest id written, whichever is greater. The suppression list comes
   * with its secret; a store that has a different secret already is a conflict too (its hashes would not match).
   * `check` sees the counts before the commit: what it throws rolls the whole load back.
   */
  load(batches: AsyncIterable<DumpBatch>, check?: LoadCheck): Promise<StoreCounts>;

  /** Releases connections and handles; the store is not used afterwards. Safe to call twice. */
  close(): Promise<void>;
}
