// `precrm purchase log`: every purchase, not only the first. The work is in purchase-run.ts, loaded when it runs.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import type { PurchaseFlags } from './purchase-run.js';

export function registerPurchase(program: Command, ctx: Context): void {
  const purchase = program.command('purchase').description('purchases: the first converts, later ones show who comes back')
    .addHelpText('after', examples('precrm purchase log ravi --value 250 --currency INR --product "birthday cake"'));

  purchase.command('log <prospect>').description('record a purchase (a first purchase converts, as convert does)')
    .option('--value <n>', 'what they paid: 250, 12.50, €86.40 (a symbol or code sets the currency)')
    .option('--currency <code>', 'three-letter currency code (default PRECRM_CURRENCY)')
    .option('--product <text>', 'what they bought')
    .option('--at <when>', 'when they bought (default now; 2026-06-10, yesterday, 3d …)')
    .option('--order <id>', "the shop's order or receipt number (a second log of it is refused)")
    .addHelpText('after', examples(
      'precrm purchase log ravi --value 250 --currency INR --product "birthday cake"',
      'PRECRM_CURRENCY=EUR precrm purchase log 12 --value 38.50 --at yesterday --order 1042',
    ))
    .action(async (ref: string, flags: PurchaseFlags) => (await import('./purchase-run.js')).logPurchaseRun(ctx, ref, flags));
}
