// `precrm occasion`: the days that matter to a prospect (a birthday, an anniversary), which `due` reminds of from a
// few days before until the day itself; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { add } from './add.js';
import { list } from './list.js';
import { remove } from './remove.js';

export function registerOccasion(program: Command, ctx: Context): void {
  const occasion = program.command('occasion').description('birthdays and other days that matter to a prospect (due reminds of them)')
    .addHelpText('after', examples('precrm occasion add ravi "wife\'s birthday" 03-14', 'precrm occasion list --within 30d', 'precrm occasion remove 3'));
  attach(occasion, ctx, add);
  attach(occasion, ctx, list);
  attach(occasion, ctx, remove);
}
