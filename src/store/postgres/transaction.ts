// One write transaction on the server: READ COMMITTED with explicit locks, so nothing a concurrent writer does is
// lost and nothing waits on the store as a whole — the prospect rows a writer reads are locked (FOR UPDATE) until
// it ends, ids come from counter rows updated in place, and the look-ups that may lead to an insert (a duplicate
// check, a survey name) are serialised by transaction-scoped advisory locks.
import type { IdKind } from '../../domain/types.js';
import type { RecordOf } from '../store.js';
import { isBulkKind } from '../sql/bulk-rows.js';
import type { Links } from '../sql/links.js';
import { SqlTransaction } from '../sql/writes.js';
import { copyRecords } from './copy.js';
import { SQLSTATE } from './errors.js';
import { LOCKS, PRECRM_LOCK } from './schema.js';
import type { PgRunner } from './session.js';

/** From this many records on, an insert goes through COPY (below it, INSERTs cost less than starting a COPY). */
const COPY_FROM = 64;

export class PgTransaction extends SqlTransaction {
  /** Whether anything was written (a transaction that wrote nothing is rolled back: it created nothing). */
  dirty = false;
  private held = new Set<number>();

  constructor(private readonly runner: PgRunner) {
    super();
    this.lockRows = true;
  }

  protected async db(): Promise<PgRunner> {
    return this.runner;
  }

  protected async writable(): Promise<PgRunner> {
    this.dirty = true;
    return this.runner;
  }

  protected override async insertMany<K extends IdKind>(kind: K, records: readonly RecordOf[K][], links: Links): Promise<boolean> {
    if (records.length < COPY_FROM || !isBulkKind(kind)) return false;
    await this.runner.copy((client) => copyRecords(client, kind, records as never, links));
    return true;
  }

  protected isUsedKey(err: unknown): boolean {
    return (err as { code?: unknown })?.code === SQLSTATE.uniqueViolation;
  }

  private async lock(key: number): Promise<void> {
    if (this.held.has(key)) return;
    await this.runner.rows('SELECT pg_advisory_xact_lock(?, ?)', [PRECRM_LOCK, key]);
    this.held.add(key);
  }

  // Two `prospect add` of the same email must not both find no duplicate and both insert.
  protected override beforeIdentityLookup(): Promise<void> {
    return this.lock(LOCKS.identity);
  }

  protected override beforeSurveyLookup(): Promise<void> {
    return this.lock(LOCKS.surveys);
  }
}
