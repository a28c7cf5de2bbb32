// `precrm store path|check|backup`: where the data lives, whether it is sound, and a copy of it.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { dataError, usageError } from '../domain/errors.js';
import { examples } from './help.js';

export function registerStore(program: Command, ctx: Context): void {
  const store = program.command('store').description('the data file: where it is, whether it is sound, backups')
    .addHelpText('after', examples('precrm store path', 'precrm store check', 'precrm store backup ~/backups/precrm.json'));

  store.command('path').description('print the store file path')
    .addHelpText('after', examples('precrm store path', 'PRECRM_STORE=shop.json precrm store path'))
    .action(() => ctx.out(`${ctx.storeLocation}\n`));

  store.command('check').description('validate the store (exit 65 with the problems)')
    .addHelpText('after', examples('precrm store check', 'precrm --store data/bakery.json store check'))
    .action(async () => {
      const problems = await ctx.store.check();
      if (problems.length) throw dataError(problems[0]!, problems.slice(1));
      const doc = await ctx.store.read();
      ctx.info(`${ctx.storeLocation}: ok (${doc.prospects.length} prospects, ${doc.touches.length} touches, ${doc.surveys.length} surveys, ${doc.responses.length} responses)`);
    });

  store.command('backup [file]').description('copy the store to file (default: a dated file beside it)')
    .addHelpText('after', examples('precrm store backup', 'precrm store backup ~/backups/precrm-$(date +%F).json'))
    .action(async (file: string | undefined) => {
      // Copying the store onto itself did nothing yet reported "backed up".
      if (file !== undefined && resolve(file) === resolve(ctx.storeLocation)) {
        throw usageError(`the backup ${file} is the store itself; name another file`);
      }
      const written = await ctx.store.backup(file, ctx.now());
      ctx.info(`backed up to ${written}`);
      ctx.out(`${written}\n`);
    });
}
