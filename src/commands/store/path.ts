// `precrm store path`: where the store is, a file path or a database URL without its password.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { text, type Shown } from '../show.js';
import type { Verb } from '../verb.js';

export function register(parent: Command): Command {
  return parent.command('path').description('print where the store is (a file path, or a database URL without its password)')
    .addHelpText('after', examples('precrm store path', 'PRECRM_STORE=shop.json precrm store path'));
}

export const parse = (): Record<string, never> => ({});

/** The location as messages name it; the store is not opened. */
export const run = async (ctx: Pick<Context, 'stores'>): Promise<string> => ctx.stores.label;

export const show = (label: string): Shown => [text(`${label}\n`)];

export const path: Verb<object, Record<string, never>, string> = { register, parse, run, show };
