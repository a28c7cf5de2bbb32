// `precrm store path|check|backup|upgrade|migrate`: where the data lives, whether it is sound, a copy of it, and a move to
// another backend — all through the Store interface, so they work the same on every backend.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { parseLocation } from '../../store/open.js';
import { examples } from '../common/examples.js';

// The run code (and the output writer it needs) loads only when a store command runs.
const run = () => import('./store-run.js');

export function registerStore(program: Command, ctx: Context): void {
  const store = program.command('store').description('where the data lives, whether it is sound, backups, moving it')
    .addHelpText('after', examples('precrm store path', 'precrm store check', 'precrm store upgrade', 'precrm store migrate shop.db'));

  store.command('path').description('print where the store is (a file path, or a database URL without its password)')
    .addHelpText('after', examples('precrm store path', 'PRECRM_STORE=shop.json precrm store path'))
    .action(() => ctx.term.out(`${ctx.stores.label}\n`));

  store.command('check').description('validate the store (exit 65 with the problems); lists files interrupted writes left')
    .addHelpText('after', examples('precrm store check', 'precrm --store data/bakery.json store check'))
    .action(() => run().then((m) => m.checkRun(ctx)));

  store.command('backup [file]').description('copy the store to file (default: a new dated file beside it); an existing file needs --yes')
    .addHelpText('after', examples('precrm store backup', 'precrm store backup ~/backups/precrm-$(date +%F).json', 'precrm store backup latest.json --yes'))
    .action((file: string | undefined) => run().then((m) => m.backupRun(ctx, { file })));

  store.command('upgrade').description('bring a store written by an older precrm to this one\'s schema (a SQLite file is backed up beside it first)')
    .addHelpText('after', examples('precrm store upgrade', 'precrm --store postgres://owner@db.example/shop store upgrade'))
    .action(() => run().then((m) => m.upgradeRun(ctx)));

  store.command('migrate <target>').description('copy everything into another, empty store (a JSON file, .db, or postgres:// URL)')
    .addHelpText('after', examples('precrm store migrate shop.db', 'precrm --store shop.db store migrate postgres://precrm@db.example/shop', 'precrm --store shop.db store migrate back.json'))
    .action((target: string) => run().then((m) => m.migrateRun(ctx, { target: parseLocation(target, ctx.clock.cwd) })));
}
