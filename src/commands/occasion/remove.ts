// `precrm occasion remove <occasion-id>`: deletes an occasion.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { notFoundError, usageError } from '../../domain/errors.js';
import type { Occasion } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface RemoveOptions { id: number }

export function register(parent: Command): Command {
  return parent.command('remove <occasion-id>').alias('rm').description('delete an occasion')
    .addHelpText('after', examples('precrm occasion remove 3'));
}

export function parse([idText]: Args): RemoveOptions {
  const text = idText as string;
  if (!/^\d+$/.test(text.trim())) throw usageError(`occasion id "${text}" is not a number (find it with: precrm occasion list)`);
  return { id: Number(text.trim()) };
}

/** Deletes the occasion and returns it as it was. */
export async function run(ctx: Pick<Context, 'stores'>, { id }: RemoveOptions): Promise<Occasion> {
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const o = await tx.getOccasion(id);
    if (!o) throw notFoundError(`no occasion has id ${id} (try: precrm occasion list)`);
    await tx.delete('occasion', [o.id]);
    return o;
  });
}

export const show = (removed: Occasion): Shown => [info(`removed occasion #${removed.id}: ${removed.label}`), written([removed])];

export const remove: Verb<Record<string, never>, RemoveOptions, Occasion> = { register, parse, run, show };
