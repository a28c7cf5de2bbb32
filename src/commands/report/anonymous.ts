// The anonymous counts (tally log) a funnel shows above its first stage — in report funnel, report touches' cost and
// report html — with the new prospects the same window brought per count.
import type { FunnelRow } from '../../domain/reports/funnel.js';
import type { Tally } from '../../domain/types.js';
import type { StoreReader } from '../../store/store.js';
import { parseWindow } from '../common/prospect-filter.js';
import type { CohortFlags } from './flags.js';

/** A window of whole local days (ISO instants), either end open. */
export interface DayWindow { since?: string; until?: string }

/**
 * The window whose tallies a report of these flags counts: its --since/--until. None (null) when grouped or
 * filtered: tallies belong to no source, owner or tag, and a grouped funnel has no one first stage.
 */
export function tallyWindow(flags: CohortFlags & { by?: string }, now: Date): DayWindow | null {
  if (flags.by !== undefined || flags.source !== undefined || flags.owner !== undefined || flags.tag?.length) return null;
  return parseWindow(flags, now);
}

/** The tallies of the window; none without one. */
export async function talliesIn(store: StoreReader, window: DayWindow | null): Promise<Tally[]> {
  return window === null ? [] : store.listTallies(window);
}

/** The funnel's stages under the anonymous counts of the window (none without tallies). */
export async function withAnonymous(stages: FunnelRow[], tallies: readonly Tally[]): Promise<FunnelRow[]> {
  if (tallies.length === 0) return stages;
  const { anonymousFunnelRows } = await import('../../domain/reports/tallies.js');
  return [...anonymousFunnelRows(tallies, stages[0]?.reached ?? 0), ...stages] as FunnelRow[];
}
