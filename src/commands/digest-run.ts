// `precrm digest`, run: the period from the flags, the records from the store, the figures from domain/digest.
import type { Context } from '../context.js';
import { parseWhen, startOfLocalDay } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';
import type { Prospect, Touch } from '../domain/types.js';
import type { DigestFormat } from './digest.js';

export interface DigestOptions { since: Date; until: Date; format: DigestFormat }

/** The period runs from the start of the local day `--since` names to now. */
export function digestOptions(ctx: Context, flags: { since: string }): DigestOptions {
  const until = ctx.now();
  const since = startOfLocalDay(parseWhen(flags.since, until, 'past', '--since date'));
  if (since >= until) throw usageError(`--since ${flags.since} is not in the past (use a span such as 7d or 1d)`);
  return { since, until, format: ctx.formatName as DigestFormat };
}

/** The records the digest reads: the one place it touches the store (the i12 query interface can serve it). */
async function selectDigestRecords(ctx: Context): Promise<{ prospects: Prospect[]; touches: Touch[] }> {
  const doc = await ctx.documentStore.read();
  return { prospects: doc.prospects, touches: doc.touches };
}

export async function digestRun(ctx: Context, opts: DigestOptions): Promise<void> {
  const { prospects, touches } = await selectDigestRecords(ctx);
  const { digest } = await import('../domain/digest.js');
  const { dueList, staleList } = await import('../domain/due.js');
  const d = digest({
    prospects,
    touches,
    dueNext7Days: dueList(prospects, touches, opts.until, 7).length,
    stale: staleList(prospects, touches, opts.until, 14).length,
  }, { since: opts.since.toISOString(), until: opts.until.toISOString() });
  const render = await import('./digest-render.js');
  if (opts.format === 'json') ctx.out(`${JSON.stringify(d, null, 2)}\n`);
  else ctx.out(opts.format === 'markdown' ? render.digestMarkdown(d) : opts.format === 'html' ? render.digestHtml(d) : render.digestText(d));
}
