// Ctrl-C and SIGTERM during a write. main.ts owns the signals and reports them here; a write in progress checks
// this between its steps and stops before the point of no return (the rename), so an interrupted command either
// wrote nothing or wrote its whole change — and says which, with exit 130 (SIGINT) or 143 (SIGTERM).
import { EXIT, PrecrmError } from './domain/errors.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export const exitCodeFor = (signal: StopSignal) => (signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);

export class Interruption {
  private received: StopSignal | null = null;
  private writes = 0;
  private committed: string | null = null;

  /** main.ts: a signal arrived. True when a write is under way and will end the command at its next check. */
  receive(signal: StopSignal): boolean {
    this.received ??= signal;
    return this.writes > 0;
  }

  get signal(): StopSignal | null {
    return this.received;
  }

  /** What to tell the user about the data once interrupted. */
  get outcome(): string {
    return this.committed ? `interrupted: ${this.committed}` : 'interrupted: nothing was written';
  }

  /** Runs one write (from taking the lock to the rename): signals meanwhile are left for `check` to act on. */
  async during<T>(write: () => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await write();
    } finally {
      this.writes--;
    }
  }

  /** Throws (nothing written) if a signal has arrived; called before each step that cannot be undone. */
  check(): void {
    if (this.received) throw new PrecrmError(this.outcome, exitCodeFor(this.received));
  }

  /** The write reached the point of no return: from now on an interruption reports `what` (e.g. "the change was saved"). */
  markCommitted(what = 'the change was saved'): void {
    this.committed = what;
  }
}
