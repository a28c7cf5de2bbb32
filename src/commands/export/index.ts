// `precrm export prospects|touches|conversions|purchases|responses`: filtered records in a fixed column order, to stdout or -o FILE; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { conversions } from './conversions.js';
import { prospects } from './prospects.js';
import { purchases } from './purchases.js';
import { responses } from './responses.js';
import { touches } from './touches.js';

export function registerExport(program: Command, ctx: Context): void {
  const exp = program.command('export').description('write prospects, touches, conversions, purchases or survey responses as CSV, TSV or JSON')
    .addHelpText('after', examples('precrm export prospects --contactable -o prospects.csv', 'precrm export touches --since 30d --format json'));
  attach(exp, ctx, prospects);
  attach(exp, ctx, touches);
  attach(exp, ctx, conversions);
  attach(exp, ctx, purchases);
  attach(exp, ctx, responses);
}
