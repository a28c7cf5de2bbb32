// `precrm import prospects|touches|purchases|responses <file|->`: read, validate every row, plan, then apply in ONE
// locked store update; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { prospects } from './prospects.js';
import { purchases } from './purchases.js';
import { responses } from './responses.js';
import { touches } from './touches.js';

export function registerImport(program: Command, ctx: Context): void {
  const imp = program.command('import').description('read prospects, touches, purchases or survey responses from CSV (a file or - for stdin)')
    .addHelpText('after', examples('precrm import prospects contacts.csv --dry-run', 'precrm import touches visits.csv --skip-invalid --rejects rejected.csv'));
  attach(imp, ctx, prospects);
  attach(imp, ctx, touches);
  attach(imp, ctx, purchases);
  attach(imp, ctx, responses);
}
