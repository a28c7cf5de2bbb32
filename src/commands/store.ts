// `precrm store path|check|backup`: where the data lives, whether it is sound, and a copy of it.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { dataError } from '../domain/errors.js';
import { examples } from './help.js';
import { outputTarget, refuseExisting } from './output-file.js';

export function registerStore(program: Command, ctx: Context): void {
  const store = program.command('store').description('the data file: where it is, whether it is sound, backups');

  store.command('path').description('print the store file path')
    .addHelpText('after', examples('precrm store path', 'PRECRM_STORE=shop.json precrm store path'))
    .action(() => ctx.out(`${ctx.storeLocation}\n`));

  store.command('check').description('validate the store (exit 65 with the problems); lists files interrupted writes left')
    .addHelpText('after', examples('precrm store check', 'precrm --store data/bakery.json store check'))
    .action(async () => {
      const problems = await ctx.store.check();
      if (problems.length) throw dataError(problems[0]!, problems.slice(1));
      for (const stray of await ctx.store.strays()) ctx.warn(`${stray} was left by an interrupted write (the store itself is whole); the next write removes it`);
      const doc = await ctx.store.read();
      ctx.info(`${ctx.storeLocation}: ok (${doc.prospects.length} prospects, ${doc.touches.length} touches, ${doc.surveys.length} surveys, ${doc.responses.length} responses)`);
    });

  store.command('backup [file]').description('copy the store to file (default: a new dated file beside it); an existing file needs --yes')
    .addHelpText('after', examples('precrm store backup', 'precrm store backup ~/backups/precrm-$(date +%F).json', 'precrm store backup latest.json --yes'))
    .action(async (file: string | undefined) => {
      let written: string;
      if (file === undefined) {
        written = await ctx.interruption.during(() => ctx.store.backup(undefined, ctx.now()));
      } else {
        const target = await outputTarget(ctx, file, 'the backup');
        await refuseExisting(ctx, target);
        await ctx.interruption.during(() => ctx.store.backup(target.real, ctx.now(), { replace: ctx.yes }));
        written = file;
      }
      ctx.interruption.markCommitted(`the backup ${written} was written`);
      ctx.info(`backed up to ${written}`);
      ctx.out(`${written}\n`);
    });
}
