// Clock and environment: what time it is for this run (a test's clock, PRECRM_NOW, or the real one) and the process's surroundings.
import { usageError } from '../domain/errors.js';
import type { World } from './world.js';

export class Clock {
  private fixedNow: Date | undefined;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly homedir: string;
  readonly osUser: string;
  /** This process's id, for temp-file names (absent in tests). */
  readonly pid: number | undefined;

  constructor(private readonly world: World) {
    this.env = world.env;
    this.cwd = world.cwd;
    this.homedir = world.homedir;
    this.osUser = world.osUser;
    this.pid = world.pid;
  }

  /** Reads PRECRM_NOW once the command is known (a bad value is a usage error, exit 2). */
  async configure(): Promise<void> {
    const raw = this.env.PRECRM_NOW;
    if (raw === undefined || this.world.clock) return;
    // Date() alone took "2026-02-30" as March 2 and "03/04" as 2001-03-04: only ISO forms, checked like --at.
    const notIso = () => usageError(`PRECRM_NOW "${raw}" is not an ISO date-time (e.g. 2026-03-05T18:30:00Z)`);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw.trim())) throw notIso();
    const { parseWhen } = await import('../domain/dates.js');
    try {
      this.fixedNow = parseWhen(raw, new Date(0), 'past', 'PRECRM_NOW');
    } catch {
      throw notIso();
    }
  }

  now(): Date {
    if (this.world.clock) return this.world.clock();
    return this.fixedNow ? new Date(this.fixedNow) : new Date();
  }
}
