// `precrm report referrals`: per referrer of the cohort, how many they referred, how many of those bought, and
// what those customers brought in.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ReferralRow } from '../../domain/reports/referrals.js';
import { examples } from '../common/examples.js';
import { rowCurrencies } from '../common/money-columns.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { referralColumns } from './columns.js';
import { CURRENCY_HELP, addCohortOptions, parseCohortReport, type CohortOptions, type MoneyFlags } from './flags.js';
import { emptyNote, reportRows } from './output.js';

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('referrals').description('per referrer: referrals, referred customers, referred revenue'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report referrals', 'precrm report referrals --json'));
}

export const parse = (_args: Args, flags: MoneyFlags, ctx: Pick<Context, 'clock' | 'term'>): CohortOptions => parseCohortReport(flags, ctx);

/** The cohort and its referrers' names (the store's job), then the rows (the domain's). */
export async function run(ctx: Pick<Context, 'stores'>, options: CohortOptions): Promise<ReferralRow[]> {
  const store = await ctx.stores.open();
  const cohort = await store.cohort(options.filter);
  const referrers = await store.getProspects([...new Set(cohort.flatMap((p) => (p.referredBy === null ? [] : [p.referredBy])))]);
  const names = new Map(referrers.map((p) => [p.id, p.name]));
  return (await import('../../domain/reports/referrals.js')).referralsReport(cohort, names, options.money);
}

/** Money columns follow the rows' currencies. */
export function show(rows: ReferralRow[], options: CohortOptions): Shown {
  const columns = referralColumns(rowCurrencies(rows, (r) => r.referred_revenue), options.out.format);
  return reportRows(rows, columns, options.out, 'referrals', emptyNote(rows));
}

export const referrals: Verb<MoneyFlags, CohortOptions, ReferralRow[]> = { register, parse, run, show };
