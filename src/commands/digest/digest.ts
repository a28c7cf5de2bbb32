// `precrm digest`: what happened in the last week (or day), each figure against the period before, for a cron job
// whose output is mailed. The period comes from the flags, the records from the store, the figures from domain/digest.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { localDay, parseWhen, startOfLocalDay } from '../../domain/dates.js';
import type { Digest } from '../../domain/digest.js';
import { dueHorizon, dueList, occasionDueRows, silentBefore, staleList } from '../../domain/due.js';
import { usageError } from '../../domain/errors.js';
import { currencyCode } from '../common/money-option.js';
import { examples } from '../common/examples.js';
import { occasionCandidates } from '../due/occasions.js';
import { loaded, text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

/** What digest prints. */
export type DigestFormat = 'text' | 'markdown' | 'html' | 'json';

/** The formats --format takes for digest (checked by Context.configure before the run). */
export const DIGEST_FORMATS = ['text', 'markdown', 'html', 'json'] as const satisfies readonly DigestFormat[];

export interface DigestFlags { since: string; currency?: string }
export interface DigestOptions { since: Date; until: Date; format: DigestFormat; currency?: string }

export function register(parent: Command): Command {
  return parent.command('digest').description('what happened since a day or week ago, each figure against the period before (for cron mail)')
    .option('--since <when>', 'start of the period (7d, 1d, monday, 2026-11-01; default 7d)', '7d')
    .option('--currency <code>', 'revenue in this currency only (e.g. EUR); amounts in different currencies are never added up')
    .addHelpText('after', examples(
      'precrm digest',
      'precrm digest --since 1d --format markdown',
      'precrm digest --currency EUR',
      'precrm digest | mail -s "precrm: the week" shop@example.com',
    ));
}

/** The period runs from the start of the local day `--since` names to now. */
export function parse(_args: Args, flags: DigestFlags, ctx: Pick<Context, 'clock' | 'term'>): DigestOptions {
  const until = ctx.clock.now();
  const since = startOfLocalDay(parseWhen(flags.since, until, 'past', '--since date'));
  if (since >= until) throw usageError(`--since ${flags.since} is not in the past (use a span such as 7d or 1d)`);
  const currency = flags.currency === undefined ? {} : { currency: currencyCode(flags.currency, '--currency') };
  return { since, until, format: ctx.term.formatName as DigestFormat, ...currency };
}

/** The figures of the period and of the one before it, and what is due, stale and coming up at its end. */
export async function run(ctx: Pick<Context, 'stores'>, o: DigestOptions): Promise<Digest> {
  const figures = await import('../../domain/digest.js');
  const period = { since: o.since.toISOString(), until: o.until.toISOString() };
  const store = await ctx.stores.open();
  // The slim rows of every prospect (their creation, moves and purchase may fall in either period), the touches of
  // the two periods, and the candidates of the daily lists.
  const [prospects, touches, due, stale, occasions] = await Promise.all([
    store.cohort({}), store.listTouches({ since: figures.previousWindow(period).since, until: period.until }),
    store.dueCandidates({}, dueHorizon(o.until, 7)), store.staleCandidates({}, silentBefore(o.until, 14)),
    occasionCandidates(store, {}, o.until, (u) => u.inDays <= 7),
  ]);
  const comingUp = occasionDueRows(occasions, o.until, 7, true).map((r) => ({
    day: localDay(r.occasion!.next), inDays: r.occasion!.inDays, label: r.occasion!.occasion.label, prospectId: r.prospect.id, name: r.prospect.name,
  }));
  return figures.digest({ prospects, touches, dueNext7Days: dueList(due, o.until, 7).length, stale: staleList(stale, o.until, 14).length, comingUp, currency: o.currency }, period);
}

/** The renderers load only when a digest is printed. */
export const show = (d: Digest, o: DigestOptions): Shown => [loaded(async () => {
  const render = await import('./render.js');
  const renderers = { json: render.digestJson, markdown: render.digestMarkdown, html: render.digestHtml, text: render.digestText };
  return [text(renderers[o.format](d))];
})];

export const digest: Verb<DigestFlags, DigestOptions, Digest> = { register, parse, run, show };
