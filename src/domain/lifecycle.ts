// Stage transitions of SPEC §1 beyond a plain move: the customer/advocate/lost rules, reopening, and conversion.
import { calendarDaysBetween, startOfLocalDay } from './dates.js';
import { conflictError, usageError } from './errors.js';
import { hasReferred, label, promoteToAdvocate } from './referrals.js';
import { furthestStage, isCustomer, isPreCustomer, moveToStage } from './stages.js';
import type { Conversion, Prospect, Stage, StoreDoc, Touch } from './types.js';

/** A forgotten prospect keeps only its statistics; nothing new about the person may be recorded. */
export function refuseForgotten(p: Prospect, what: string): void {
  if (p.forgottenAt) throw conflictError(`prospect ${p.id} was forgotten (right to be forgotten); ${what} is not possible any more`);
}

/**
 * The time a stage change is recorded at: the moment it happened, never in the future, and never before the
 * last entry, so the history stays in order even when a touch or purchase is backfilled.
 */
export function stageTime(p: Prospect, happenedAt: string, now: string): string {
  const last = p.stageHistory.at(-1)?.at;
  const at = happenedAt > now ? now : happenedAt;
  return last && last > at ? last : at;
}

const bought = (p: Prospect): boolean => p.conversion !== null || isCustomer(p.stage);

/**
 * Moves a prospect to a stage by hand (`prospect stage`, `edit --stage`, `touch log --stage`). Customer only
 * through convert; advocate only for a customer; lost and the pre-customer stages only for someone who has not
 * bought (a buyer's relationship can cool, but the purchase happened: the funnel and `convert` rely on it).
 */
export function changeStage(p: Prospect, stage: Stage, at: string, reason: string | null = null): boolean {
  if (stage === 'customer' && p.stage !== 'customer') {
    throw usageError(`"customer" is reached only by recording the purchase (use: precrm convert ${p.id} --value …)`);
  }
  if (stage === 'advocate' && !bought(p)) {
    throw conflictError(`${label(p)} is not a customer yet; an advocate is a customer who refers others (use: precrm convert ${p.id} first)`);
  }
  if (stage === 'lost' && bought(p)) {
    throw conflictError(`${label(p)} has already bought; lost is for a relationship that ended without a purchase`);
  }
  if (isPreCustomer(stage) && bought(p)) {
    throw conflictError(`${label(p)} has already bought (${p.stage}); a customer stays a customer, not ${stage} again (log how it goes as a touch instead, e.g. precrm touch log ${p.id} call --outcome negative)`);
  }
  if (stage === 'lost') p.lostReason = reason ?? p.lostReason;
  else if (p.stage === 'lost') p.lostReason = null;
  return moveToStage(p, stage, at);
}

/** `prospect lose`: off the path with a reason; an already lost prospect gets its reason updated. */
export function loseProspect(p: Prospect, reason: string, at: string): boolean {
  refuseForgotten(p, 'changing its stage');
  if (p.stage === 'lost') {
    p.lostReason = reason;
    p.updatedAt = at;
    return false;
  }
  return changeStage(p, 'lost', at, reason);
}

/** `prospect reopen`: back to the furthest stage reached before the loss. */
export function reopenProspect(p: Prospect, at: string): Stage {
  refuseForgotten(p, 'reopening it');
  if (p.stage !== 'lost') throw conflictError(`${label(p)} is not lost (it is ${p.stage}); only a lost prospect can be reopened`);
  const back = furthestStage(p);
  p.lostReason = null;
  moveToStage(p, back, at);
  return back;
}

export interface ConversionResult {
  daysToConvert: number;
  touchesBeforeConversion: number;
  /** Prospects promoted to advocate by this conversion (the buyer and/or their referrer). */
  promoted: Prospect[];
}

/** Whole calendar days (local time) from the prospect's creation to its purchase; null before a purchase. */
export function daysToConvert(p: Pick<Prospect, 'createdAt' | 'conversion'>): number | null {
  return p.conversion ? calendarDaysBetween(new Date(p.createdAt), new Date(p.conversion.at)) : null;
}

/** Touches up to and including the moment of the purchase (the visit where they bought counts). */
export function touchesBeforeConversion(p: Pick<Prospect, 'id' | 'conversion'>, touches: readonly Touch[]): number | null {
  const at = p.conversion?.at;
  if (!at) return null;
  return touches.reduce((n, t) => (t.prospectId === p.id && t.at <= at ? n + 1 : n), 0);
}

/**
 * True when a first purchase falls on a calendar day before the prospect was added (days-to-convert would be
 * negative). `convert --at` and `import prospects` both refuse it.
 */
export const boughtBeforeAdded = (createdAt: string, saleAt: string): boolean =>
  startOfLocalDay(new Date(saleAt)).toISOString() < startOfLocalDay(new Date(createdAt)).toISOString();

/**
 * `convert`: records the first purchase and moves to customer; a customer who has referred someone, and a
 * referrer who is a customer, become advocates — whichever of purchase and referral happens last.
 */
export function convertProspect(doc: StoreDoc, p: Prospect, sale: Conversion, now: string): ConversionResult {
  refuseForgotten(p, 'recording a purchase');
  if (bought(p)) {
    const since = p.conversion ? ` on ${p.conversion.at.slice(0, 10)}` : '';
    throw conflictError(`${label(p)} already bought${since} (${p.stage}); a conversion is the first purchase only (log later purchases as touches: precrm touch log ${p.id} visit "bought …")`);
  }
  if (p.stage === 'lost') throw conflictError(`${label(p)} is lost; reopen first (precrm prospect reopen ${p.id}), then convert`);
  if (sale.at > now) throw usageError(`the purchase date ${sale.at.slice(0, 10)} is in the future; a conversion records a purchase that happened`);
  if (boughtBeforeAdded(p.createdAt, sale.at)) {
    throw usageError(`the purchase date ${sale.at.slice(0, 10)} is before ${label(p)} was added (${p.createdAt.slice(0, 10)}); check --at`);
  }
  p.conversion = sale;
  const at = stageTime(p, sale.at, now);
  moveToStage(p, 'customer', at);
  const promoted: Prospect[] = [];
  if (hasReferred(doc.prospects, p.id) && promoteToAdvocate(p, at)) promoted.push(p);
  const referrer = p.referredBy === null ? undefined : doc.prospects.find((x) => x.id === p.referredBy);
  if (referrer && promoteToAdvocate(referrer, at)) promoted.push(referrer);
  p.updatedAt = now;
  return {
    daysToConvert: daysToConvert(p) ?? 0,
    touchesBeforeConversion: touchesBeforeConversion(p, doc.touches) ?? 0,
    promoted,
  };
}
