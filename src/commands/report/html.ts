// `precrm report html`: one self-contained page with the funnel, sources, cohorts, velocity, referrers, loyalty, the
// week's follow-ups and survey results. Every figure comes from the same pure report functions as `report funnel|
// sources|cohorts|velocity|referrals|loyalty`, so the page cannot disagree with the CSV. Only names are shown, never contact
// details, and nothing of a do-not-contact or forgotten prospect. The charting library loads only here.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { localDay } from '../../domain/dates.js';
import { examples } from '../common/examples.js';
import type { OutputTarget } from '../common/output-file.js';
import { info, text, textOut, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { tallyWindow } from './anonymous.js';
import { addCohortOptions, cohortFilter, type CohortFlags } from './flags.js';
import type { PageQuery } from './html-records.js';
import { loyaltyFilter } from './loyalty.js';

export interface HtmlFlags extends CohortFlags { out?: string; title?: string }

export interface HtmlOptions extends PageQuery {
  title: string;
  /** --out, checked before any work; stdout when absent. */
  target?: OutputTarget;
}

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('html').description('one self-contained HTML page with charts: funnel, sources, cohorts, velocity, referrers, loyalty, due, surveys'))
    .option('--out <file>', 'write the page to this file (default: stdout)')
    .option('--title <text>', 'the page title (default: precrm report)')
    .addHelpText('after', examples(
      'precrm report html --out report.html',
      'precrm report html --since 2026-01-01 --title "Bakery, first half" > h1.html',
    ));
}

/** The flags, and --out checked at once: never onto the store or its own files, whatever the path or symlink. */
export async function parse(_args: Args, flags: HtmlFlags, ctx: Context): Promise<HtmlOptions> {
  const now = ctx.clock.now();
  const filter = cohortFilter(flags, now);
  const { outputTarget } = await import('../common/output-file.js');
  // outputTarget asks the store which files are its own: the one thing here that opens it.
  const target = flags.out === undefined ? undefined : await outputTarget(ctx, flags.out, 'the report file');
  return {
    filter, loyalty: loyaltyFilter(flags, now), tallies: tallyWindow(flags, now),
    title: flags.title ?? 'precrm report', ...(target === undefined ? {} : { target }), now,
  };
}

/** The page, whole: what the store holds for it (html-records.ts), its sections (html-sections.ts), rendered. */
export async function run(ctx: Pick<Context, 'stores'>, options: HtmlOptions): Promise<string> {
  const store = await ctx.stores.open();
  const { selectRecords } = await import('./html-records.js');
  const records = await selectRecords(store, options);
  const sections = await (await import('./html-sections.js')).buildSections(records, options.filter, options.now);
  const { renderPage } = await import('../../output/html-page.js');
  const { createdSince: since, createdUntil: until } = options.filter;
  const window = [since && `from ${localDay(new Date(since))}`, until && `to ${localDay(new Date(until))}`].filter(Boolean).join(' ');
  return renderPage({
    title: options.title,
    subtitle: `Prospects created ${window || 'at any time'} · made ${localDay(options.now)} · names only, no contact details`,
    sections,
  });
}

/** The page holds names: to --out it is written as every -o file is (atomically, mode 0600; yesterday's file whole on failure). */
export function show(page: string, { target }: HtmlOptions): Shown {
  if (target === undefined) return [text(page)];
  return target.place.kind === 'stdout' ? [textOut(page, target)] : [textOut(page, target), info(`wrote ${target.shown}`)];
}

export const html: Verb<HtmlFlags, HtmlOptions, string> = { register, parse, run, show };
