// `precrm digest`: what happened in the last week (or day), for a cron job whose output is mailed.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { DigestFormat } from './digest-run.js';
import { examples } from '../common/examples.js';

/** The formats --format takes for digest (checked by Context.configure before the run). */
export const DIGEST_FORMATS = ['text', 'markdown', 'html', 'json'] as const satisfies readonly DigestFormat[];

export function registerDigest(program: Command, ctx: Context): void {
  program.command('digest').description('what happened since a day or week ago, each figure against the period before (for cron mail)')
    .option('--since <when>', 'start of the period (7d, 1d, monday, 2026-11-01; default 7d)', '7d')
    .option('--currency <code>', 'revenue in this currency only (e.g. EUR); amounts in different currencies are never added up')
    .addHelpText('after', examples(
      'precrm digest',
      'precrm digest --since 1d --format markdown',
      'precrm digest --currency EUR',
      'precrm digest | mail -s "precrm: the week" shop@example.com',
    ))
    .action((flags: { since: string; currency?: string }) => import('./digest-run.js').then((m) => m.digestRun(ctx, m.digestOptions(ctx, flags))));
}

