// `precrm store`: where the data lives, whether it is sound, a copy of it, and a move to another backend — all
// through the Store interface, so they work the same on every backend; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { backup } from './backup.js';
import { check } from './check.js';
import { migrate } from './migrate.js';
import { path } from './path.js';
import { upgrade } from './upgrade.js';

export function registerStore(program: Command, ctx: Context): void {
  const store = program.command('store').description('where the data lives, whether it is sound, backups, moving it')
    .addHelpText('after', examples('precrm store path', 'precrm store check', 'precrm store upgrade', 'precrm store migrate shop.db'));
  attach(store, ctx, path);
  attach(store, ctx, check);
  attach(store, ctx, backup);
  attach(store, ctx, upgrade);
  attach(store, ctx, migrate);
}
