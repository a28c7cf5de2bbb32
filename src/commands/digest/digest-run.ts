// `precrm digest`, run: the period from the flags, the records from the store, the figures from domain/digest.
import type { Context } from '../../context/context.js';
import { localDay, parseWhen, startOfLocalDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { dueHorizon, silentBefore } from '../../domain/due.js';
import { previousWindow } from '../../domain/digest.js';
import { occasionCandidates } from '../due/due-occasions.js';
import { currencyCode } from '../common/money-option.js';

/** What digest prints: the registration (digest.ts) lists them for --format. */
export type DigestFormat = 'text' | 'markdown' | 'html' | 'json';

export interface DigestOptions { since: Date; until: Date; format: DigestFormat; currency?: string }

/** The period runs from the start of the local day `--since` names to now. */
export function digestOptions(ctx: Context, flags: { since: string; currency?: string }): DigestOptions {
  const until = ctx.clock.now();
  const since = startOfLocalDay(parseWhen(flags.since, until, 'past', '--since date'));
  if (since >= until) throw usageError(`--since ${flags.since} is not in the past (use a span such as 7d or 1d)`);
  const currency = flags.currency === undefined ? {} : { currency: currencyCode(flags.currency, '--currency') };
  return { since, until, format: ctx.term.formatName as DigestFormat, ...currency };
}

export async function digestRun(ctx: Context, opts: DigestOptions): Promise<void> {
  const period = { since: opts.since.toISOString(), until: opts.until.toISOString() };
  const store = await ctx.stores.open();
  // The slim rows of every prospect (their creation, moves and purchase may fall in either period), the touches of
  // the two periods, and the candidates of the daily lists.
  const [prospects, touches, due, stale, occasions] = await Promise.all([
    store.cohort({}), store.listTouches({ since: previousWindow(period).since, until: period.until }),
    store.dueCandidates({}, dueHorizon(opts.until, 7)), store.staleCandidates({}, silentBefore(opts.until, 14)),
    occasionCandidates(store, {}, opts.until, (u) => u.inDays <= 7),
  ]);
  const { digest } = await import('../../domain/digest.js');
  const { dueList, occasionDueRows, staleList } = await import('../../domain/due.js');
  const comingUp = occasionDueRows(occasions, opts.until, 7, true).map((r) => ({
    day: localDay(r.occasion!.next), inDays: r.occasion!.inDays, label: r.occasion!.occasion.label, prospectId: r.prospect.id, name: r.prospect.name,
  }));
  const d = digest({ prospects, touches, dueNext7Days: dueList(due, opts.until, 7).length, stale: staleList(stale, opts.until, 14).length, comingUp, currency: opts.currency }, period);
  const render = await import('./digest-render.js');
  if (opts.format === 'json') ctx.term.out(render.digestJson(d));
  else ctx.term.out(opts.format === 'markdown' ? render.digestMarkdown(d) : opts.format === 'html' ? render.digestHtml(d) : render.digestText(d));
}
