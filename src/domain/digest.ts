// The digest: what happened in a period (new prospects, touches, stage moves, conversions, referrals, advocates),
// each figure beside the same figure for the period of the same length before it, plus what is due and stale now.
import { calendarDaysBetween } from './dates.js';
import type { CohortMember, CohortTouch } from './queries.js';
import { CurrencySums, currenciesOf, type PerCurrency } from './reports/currencies.js';

interface Window { since: string; until: string }

/** A count now and in the previous period, with its parts (by source, by type …) sorted by count, then name. */
export interface Tally { now: number; before: number; parts: { name: string; now: number; before: number }[] }

export interface Digest {
  period: Window;
  previous: Window;
  newProspects: Tally; // by source
  touchesByType: Tally;
  touchesByPerson: Tally;
  stageMoves: Tally; // by the stage moved to
  conversions: Tally;
  /** Conversion values (first purchases) per currency, each period with every currency of the two. */
  revenue: { now: PerCurrency; before: PerCurrency };
  newReferrals: Tally; // prospects added with a referrer
  newAdvocates: Tally;
  /** A state, not a flow: today's figures, without a previous period (stored records do not keep yesterday's follow-ups). */
  dueNext7Days: number;
  stale: number;
  /** Occasions of the next 7 days (today included), soonest first: a state, like due. */
  comingUp: ComingUp[];
  quiet: boolean;
}

/** An occasion coming up: its day (local `2026-03-14`), how many days away, its label and whose it is. */
interface ComingUp { day: string; inDays: number; label: string; prospectId: number; name: string | null }

interface DigestInput {
  /** Every prospect's slim row (StoreReader.cohort of no filter). */
  prospects: readonly CohortMember[];
  /** The touches of the period and the one before it, at least. */
  touches: readonly CohortTouch[];
  /** How many are due in the next 7 days and stale now (computed by the due/stale rules of domain/due). */
  dueNext7Days: number;
  stale: number;
  /** The occasions of the next 7 days of prospects who may be contacted. */
  comingUp?: ComingUp[];
  /** Only this currency's revenue (`--currency`). */
  currency?: string;
}

/** The period before `w`, of the same length, ending where `w` starts. */
export function previousWindow(w: Window): Window {
  const since = Date.parse(w.since);
  const length = Date.parse(w.until) - since;
  return { since: new Date(since - length - 1).toISOString(), until: new Date(since - 1).toISOString() };
}

/**
 * The period's length in the words of its `--since`: the calendar days from its first day to the day it ends, so
 * `--since 7d` is 7 days at 08:00 and at 15:00 alike (its hours would round to 7 and then to 8).
 */
export function periodDays(w: Window): number {
  return Math.max(1, calendarDaysBetween(new Date(w.since), new Date(w.until)));
}

const within = (iso: string | null | undefined, w: Window) => iso !== null && iso !== undefined && iso >= w.since && iso <= w.until;

/** Counts items of each period by a key (null keys are "(none)"). */
function tally<T>(items: readonly T[], at: (t: T) => string | null | undefined, key: (t: T) => string | null, w: Window, prev: Window): Tally {
  const parts = new Map<string, { now: number; before: number }>();
  let now = 0;
  let before = 0;
  for (const item of items) {
    const when = at(item);
    const inNow = within(when, w);
    const inBefore = !inNow && within(when, prev);
    if (!inNow && !inBefore) continue;
    const name = key(item) ?? '(none)';
    const part = parts.get(name) ?? { now: 0, before: 0 };
    if (inNow) { part.now++; now++; } else { part.before++; before++; }
    parts.set(name, part);
  }
  const sorted = [...parts].map(([name, c]) => ({ name, ...c })).sort((a, b) => b.now - a.now || b.before - a.before || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { now, before, parts: sorted };
}

/** The conversion values of each period per currency (never added across currencies). */
function revenueIn(converted: readonly CohortMember[], [now, before]: [Window, Window], only?: string): Digest['revenue'] {
  const sum = (w: Window) => {
    const sums = new CurrencySums(only);
    for (const p of converted) if (within(p.conversion!.at, w)) sums.add(p.conversion!.value, p.conversion!.currency);
    return sums;
  };
  const [a, b] = [sum(now), sum(before)];
  const currencies = currenciesOf([a, b], only);
  return { now: a.over(currencies), before: b.over(currencies) };
}

export function digest(input: DigestInput, period: Window): Digest {
  const previous = previousWindow(period);
  const { prospects, touches } = input;
  const moves = prospects.flatMap((p) => p.stageHistory.slice(1));
  const advocates = prospects.flatMap((p) => p.stageHistory.filter((h) => h.stage === 'advocate'));
  const converted = prospects.filter((p) => p.conversion);
  const revenue = revenueIn(converted, [period, previous], input.currency);
  const d: Omit<Digest, 'quiet'> = {
    period,
    previous,
    newProspects: tally(prospects, (p) => p.createdAt, (p) => p.source, period, previous),
    touchesByType: tally(touches, (t) => t.at, (t) => t.type, period, previous),
    touchesByPerson: tally(touches, (t) => t.at, (t) => t.by, period, previous),
    stageMoves: tally(moves, (h) => h.at, (h) => h.stage, period, previous),
    conversions: tally(converted, (p) => p.conversion!.at, (p) => p.source, period, previous),
    revenue,
    newReferrals: tally(prospects.filter((p) => p.referredBy !== null), (p) => p.createdAt, () => 'referred', period, previous),
    newAdvocates: tally(advocates, (h) => h.at, () => 'advocate', period, previous),
    dueNext7Days: input.dueNext7Days,
    stale: input.stale,
    comingUp: input.comingUp ?? [],
  };
  const quiet = [d.newProspects, d.touchesByType, d.stageMoves, d.conversions, d.newReferrals, d.newAdvocates].every((t) => t.now === 0);
  return { ...d, quiet };
}
