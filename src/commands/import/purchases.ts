// `precrm import purchases <file|->`: record purchases from precrm's export or a shop's order export, as it is.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { withImportFlags, type ImportContext, type ImportFlags } from './flags.js';
import type { PurchaseImportOptions } from './purchase-planner.js';
import { showImport, type ImportResult } from './result.js';

export function register(parent: Command): Command {
  return withImportFlags(parent.command('purchases <file>').description('record purchases from CSV: precrm\'s export, or a Square, Shopify or WooCommerce order export as it is (buyer by prospect id, email, phone or name)'))
    .addHelpText('after', examples(
      'precrm import purchases orders_export.csv --dry-run',
      'PRECRM_CURRENCY=EUR precrm -q import purchases square-transactions.csv --skip-invalid   # nightly; orders already in are skipped',
    ));
}

export async function parse([file]: Args, flags: ImportFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<PurchaseImportOptions> {
  // The CSV code loads only when an import runs.
  const [{ importOptions }, { PURCHASE_HEADERS }, { fallbackCurrency }, { shopCountry }] = await Promise.all([
    import('./options.js'), import('../../csv/purchase-rows.js'), import('./currency.js'), import('../../domain/phones.js'),
  ]);
  const currency = fallbackCurrency(ctx.clock.env);
  const options = importOptions(file as string, flags, ctx, PURCHASE_HEADERS);
  return { ...options, currency, country: shopCountry(ctx.clock.env) };
}

export async function run(ctx: ImportContext, options: PurchaseImportOptions): Promise<ImportResult> {
  const [{ importFile }, { purchaseKind }] = await Promise.all([import('./importer.js'), import('./purchase-planner.js')]);
  return importFile(ctx, options, purchaseKind(options));
}

export const show = (result: ImportResult, options: PurchaseImportOptions): Shown => showImport(result, options);

export const purchases: Verb<ImportFlags, PurchaseImportOptions, ImportResult> = { register, parse, run, show };
