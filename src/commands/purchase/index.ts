// `precrm purchase`: every purchase, not only the first; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { log } from './log.js';

export function registerPurchase(program: Command, ctx: Context): void {
  const purchase = program.command('purchase').description('purchases: the first converts, later ones show who comes back')
    .addHelpText('after', examples('precrm purchase log ravi --value 250 --currency INR --product "birthday cake"'));
  attach(purchase, ctx, log);
}
