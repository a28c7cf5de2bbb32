// `precrm prospect`: people who have shown interest, before and after they buy; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { add } from './add.js';
import { cadence } from './cadence.js';
import { doNotContact } from './do-not-contact.js';
import { edit } from './edit.js';
import { followUp } from './follow-up.js';
import { forget } from './forget.js';
import { list } from './list.js';
import { lose } from './lose.js';
import { merge } from './merge.js';
import { remove } from './remove.js';
import { reopen } from './reopen.js';
import { show } from './show.js';
import { stage } from './stage.js';

export function registerProspect(program: Command, ctx: Context): void {
  const prospect = program.command('prospect').description('people who have shown interest, before and after they buy')
    .addHelpText('after', examples('precrm prospect add "Ravi Sen" --email ravi@example.com --source walk-in', 'precrm prospect list --stage interested', 'precrm prospect show ravi'));
  // In this order in `precrm prospect --help`: the everyday verbs, then the lifecycle ones.
  attach(prospect, ctx, add);
  attach(prospect, ctx, list);
  attach(prospect, ctx, show);
  attach(prospect, ctx, edit);
  attach(prospect, ctx, stage);
  attach(prospect, ctx, remove);
  attach(prospect, ctx, merge);
  attach(prospect, ctx, doNotContact);
  attach(prospect, ctx, lose);
  attach(prospect, ctx, reopen);
  attach(prospect, ctx, followUp);
  attach(prospect, ctx, cadence);
  attach(prospect, ctx, forget);
}
