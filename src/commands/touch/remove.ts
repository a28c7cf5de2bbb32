// `precrm touch remove <touch-id>`: deletes a touch logged by mistake; the prospect's stage history is kept.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { notFoundError, usageError } from '../../domain/errors.js';
import type { Touch } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface RemoveOptions { id: number }

export function register(parent: Command): Command {
  return parent.command('remove <touch-id>').alias('rm').description('delete a touch logged by mistake (stage history is kept)')
    .addHelpText('after', examples('precrm touch remove 42'));
}

export function parse([idText]: Args): RemoveOptions {
  const text = idText as string;
  if (!/^\d+$/.test(text.trim())) throw usageError(`touch id "${text}" is not a number (find it with: precrm touch list <prospect>)`);
  return { id: Number(text.trim()) };
}

/** Deletes the touch and returns it as it was. */
export async function run(ctx: Pick<Context, 'stores'>, { id }: RemoveOptions): Promise<Touch> {
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const t = await tx.getTouch(id);
    if (!t) throw notFoundError(`no touch has id ${id} (try: precrm touch list)`);
    await tx.delete('touch', [t.id]);
    return t;
  });
}

export const show = (removed: Touch): Shown => [info(`removed ${removed.type} #${removed.id} of ${showDay(removed.at)}`), written([removed])];

export const remove: Verb<Record<string, never>, RemoveOptions, Touch> = { register, parse, run, show };
