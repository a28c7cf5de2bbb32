// `precrm store check`: whether the store is sound (exit 65 with the problems), and the files interrupted writes left.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { dataError } from '../../domain/errors.js';
import { describeCounts } from '../../store/dump.js';
import type { StoreCounts } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { info, warn, type Shown } from '../show.js';
import type { Verb } from '../verb.js';

/** A sound store: where it is, what it holds, and the files interrupted writes left beside it. */
export interface Checked { label: string; counts: StoreCounts; strays: string[] }

export function register(parent: Command): Command {
  return parent.command('check').description('validate the store (exit 65 with the problems); lists files interrupted writes left')
    .addHelpText('after', examples('precrm store check', 'precrm --store data/bakery.json store check'));
}

export const parse = (): Record<string, never> => ({});

/** Throws a data error naming every problem; a sound store's counts otherwise. */
export async function run(ctx: Pick<Context, 'stores'>): Promise<Checked> {
  const s = await ctx.stores.open();
  const problems = await s.check();
  if (problems.length) throw dataError(problems[0]!, problems.slice(1));
  const strays = await s.strays();
  return { label: ctx.stores.label, counts: await s.counts(), strays };
}

export const show = (c: Checked): Shown => [
  ...c.strays.map((stray) => warn(`${stray} was left by an interrupted write (the store itself is whole); the next write removes it`)),
  info(`${c.label}: ok (${describeCounts(c.counts)})`),
];

export const check: Verb<object, Record<string, never>, Checked> = { register, parse, run, show };
