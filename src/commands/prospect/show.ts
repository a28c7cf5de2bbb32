// `precrm prospect show <prospect>`: the whole story of one relationship — readable in a terminal, complete in JSON.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectStory } from '../../domain/story.js';
import type { Prospect } from '../../domain/types.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { drawn, rows, text, type Look, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { PROSPECT_CSV_COLUMNS, fieldColumns } from './columns.js';

export interface ShowOptions { ref: string; format: Format }
export interface ShowResult { prospect: Prospect; story: ProspectStory }

export function register(parent: Command): Command {
  return parent.command('show <prospect>').description('the whole story of one relationship')
    .addHelpText('after', examples('precrm prospect show 12', 'precrm prospect show ravi@example.com --json'));
}

export const parse = ([ref]: Args, _flags: object, ctx: Pick<Context, 'term'>): ShowOptions => ({ ref: ref as string, format: ctx.term.format });

/** The record with its touches, referrer, referrals and purchases, told as a story. */
export async function run(ctx: Pick<Context, 'stores'>, { ref }: ShowOptions): Promise<ShowResult> {
  const store = await ctx.stores.open();
  const p = await findProspect(store, ref);
  const [touches, referrer, referred, purchases] = await Promise.all([
    store.listTouches({ prospectId: p.id }), p.referredBy === null ? null : store.getProspect(p.referredBy), store.referralsOf(p.id),
    store.purchasesOf([p.id]),
  ]);
  const { prospectStory } = await import('../../domain/story.js');
  return { prospect: p, story: prospectStory(p, touches, referrer, referred, purchases) };
}

/** (Not named `show`: that is the verb's own name here.) */
export function display({ prospect, story }: ShowResult, { format }: ShowOptions): Shown {
  if (format === 'json') return [text(`${JSON.stringify(story, null, 2)}\n`, 'json')];
  // A terminal gets each line wrapped to the window (a long note goes on under its label); pipes get it whole.
  if (format === 'table') return [drawn((look) => drawStory(story, look))];
  return [rows([prospect], [...PROSPECT_CSV_COLUMNS, ...fieldColumns([prospect])])];
}

/** The story's terminal view, loaded only when one is drawn. */
async function drawStory(story: ProspectStory, { color, width }: Look): Promise<string> {
  const [{ renderStory }, { strlen }] = await Promise.all([import('./story-view.js'), import('../../output/table.js')]);
  return renderStory(story, color, width, await strlen());
}

export const show: Verb<object, ShowOptions, ShowResult> = { register, parse, run, show: display };
