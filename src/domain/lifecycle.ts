// Stage transitions of docs/CONTRACT.md §1 beyond a plain move: the customer/advocate/lost rules, reopening, and conversion.
import { calendarDaysBetween, startOfLocalDay } from './dates.js';
import { conflictError, usageError } from './errors.js';
import { copyProspect } from './prospect.js';
import { label, promoteToAdvocate } from './referrals.js';
import { furthestStage, isCustomer, isPreCustomer, moveToStage } from './stages.js';
import type { Conversion, Prospect, Stage } from './types.js';

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

/** Whether the prospect has made its first purchase (recorded, or known to have happened on an unknown day). */
export const hasBought = (p: Pick<Prospect, 'conversion' | 'stage'>): boolean => p.conversion !== null || isCustomer(p.stage);

/** The one home of "customer only through convert": a stage a person may pick by hand (2 for customer). */
export function checkManualStage(stage: Stage, ref: string | number): Stage {
  if (stage === 'customer') throw usageError(`"customer" is reached only by recording the purchase (use: precrm convert ${ref} --value …)`);
  return stage;
}

/**
 * Moves a working copy to a stage by hand (`prospect stage`, `edit --stage`, `touch log --stage`). Customer only
 * through convert; advocate only for a customer; lost and the pre-customer stages only for someone who has not
 * bought (a buyer's relationship can cool, but the purchase happened: the funnel and `convert` rely on it).
 */
export function changeStage(p: Prospect, stage: Stage, at: string, reason: string | null = null): boolean {
  if (p.stage !== 'customer') checkManualStage(stage, p.id);
  if (stage === 'advocate' && !hasBought(p)) {
    throw conflictError(`${label(p)} is not a customer yet; an advocate is a customer who refers others (use: precrm convert ${p.id} first)`);
  }
  if (stage === 'lost' && hasBought(p)) {
    throw conflictError(`${label(p)} has already bought; lost is for a relationship that ended without a purchase`);
  }
  if (isPreCustomer(stage) && hasBought(p)) {
    throw conflictError(`${label(p)} has already bought (${p.stage}); a customer stays a customer, not ${stage} again (log how it goes as a touch instead, e.g. precrm touch log ${p.id} call --outcome negative)`);
  }
  if (stage === 'lost') p.lostReason = reason ?? p.lostReason;
  else if (p.stage === 'lost') p.lostReason = null;
  return moveToStage(p, stage, at);
}

/** `prospect stage`: the new record. */
export function stageProspect(p: Prospect, stage: Stage, at: string): Prospect {
  refuseForgotten(p, 'changing its stage');
  const next = copyProspect(p);
  changeStage(next, stage, at);
  return next;
}

/** `prospect lose`: off the path with a reason; an already lost prospect gets its reason updated. */
export function loseProspect(p: Prospect, reason: string, at: string): { prospect: Prospect; wasLost: boolean } {
  refuseForgotten(p, 'changing its stage');
  const next = copyProspect(p);
  if (p.stage === 'lost') Object.assign(next, { lostReason: reason, updatedAt: at });
  else changeStage(next, 'lost', at, reason);
  return { prospect: next, wasLost: p.stage === 'lost' };
}

/** `prospect reopen`: back to the furthest stage reached before the loss. */
export function reopenProspect(p: Prospect, at: string): Prospect {
  refuseForgotten(p, 'reopening it');
  if (p.stage !== 'lost') throw conflictError(`${label(p)} is not lost (it is ${p.stage}); only a lost prospect can be reopened`);
  const next = copyProspect(p);
  next.lostReason = null;
  moveToStage(next, furthestStage(p), at);
  return next;
}

export interface ConversionResult {
  /** The buyer's new record. */
  prospect: Prospect;
  /** calendarDaysToConvert of the buyer (0 for a purchase on an unknown day). */
  calendarDaysToConvert: number;
  touchesBeforeConversion: number;
  /** Prospects promoted to advocate by this conversion (the buyer and/or their referrer), as their new records. */
  promoted: Prospect[];
  /** Every record to write: the buyer, and the referrer when promoted. */
  updated: Prospect[];
}

/**
 * Calendar days to convert: whole calendar days (local time) from the prospect's creation to its purchase, what
 * `convert`, `prospect show` and the conversions export print; null before a purchase. The reports' medians use
 * elapsed days instead (reports/conversions.ts).
 */
export function calendarDaysToConvert(p: Pick<Prospect, 'createdAt' | 'conversion'>): number | null {
  return p.conversion ? calendarDaysBetween(new Date(p.createdAt), new Date(p.conversion.at)) : null;
}

/**
 * The one rule of "touches before conversion": a touch counts when it is at or before the purchase instant
 * (the visit where they bought counts). Stores count with it (StoreReader.countTouchesUpTo), reports and exports too.
 */
export const touchedBeforeConversion = (touchAt: string, convertedAt: string): boolean => touchAt <= convertedAt;

/** What convert needs to know besides the buyer, read from the store. */
export interface ConversionContext {
  /** Whether the buyer has referred anyone. */
  hasReferred: boolean;
  /** The buyer's referrer, if any. */
  referrer: Prospect | null;
  /** The buyer's touches at or before the purchase instant. */
  touchesUpToSale: number;
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
 * A null `sale` is a purchase known to have happened on a day nobody knows (an imported "customer" without a
 * date): the prospect becomes a customer now and keeps no conversion record, so days-to-convert skips it.
 */
export function convertProspect(buyer: Prospect, sale: Conversion | null, now: string, known: ConversionContext): ConversionResult {
  const p = copyProspect(buyer);
  refuseForgotten(p, 'recording a purchase');
  if (hasBought(p)) {
    const since = p.conversion ? ` on ${p.conversion.at.slice(0, 10)}` : '';
    throw conflictError(`${label(p)} already bought${since} (${p.stage}); a conversion is the first purchase only (record a later purchase with: precrm purchase log ${p.id} --value <amount>)`);
  }
  if (p.stage === 'lost') throw conflictError(`${label(p)} is lost; reopen first (precrm prospect reopen ${p.id}), then convert`);
  if (sale && sale.at > now) throw usageError(`the purchase date ${sale.at.slice(0, 10)} is in the future; a conversion records a purchase that happened`);
  if (sale && boughtBeforeAdded(p.createdAt, sale.at)) {
    throw usageError(`the purchase date ${sale.at.slice(0, 10)} is before ${label(p)} was added (${p.createdAt.slice(0, 10)}); check --at`);
  }
  p.conversion = sale;
  const at = stageTime(p, sale?.at ?? now, now);
  moveToStage(p, 'customer', at);
  const promoted: Prospect[] = [];
  if (known.hasReferred && promoteToAdvocate(p, at)) promoted.push(p);
  const referrer = known.referrer && copyProspect(known.referrer);
  if (referrer && promoteToAdvocate(referrer, at)) promoted.push(referrer);
  p.updatedAt = now;
  return {
    prospect: p,
    calendarDaysToConvert: calendarDaysToConvert(p) ?? 0,
    touchesBeforeConversion: known.touchesUpToSale,
    promoted,
    updated: referrer && promoted.includes(referrer) ? [p, referrer] : [p],
  };
}

/**
 * A customer whose purchase day was unknown (imported without one) learns it, e.g. from another file: the
 * conversion is recorded, the stage history is left as it was. False (nothing changes) for anyone else.
 */
export function datePurchase(p: Prospect, sale: Conversion): boolean {
  if (p.conversion !== null || !isCustomer(p.stage) || p.forgottenAt) return false;
  p.conversion = sale;
  return true;
}
