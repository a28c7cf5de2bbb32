// `precrm store upgrade`: a store written by an older precrm brought to this one's schema.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { StoreUpgrade } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { info, type Shown } from '../show.js';
import type { Verb } from '../verb.js';

/** What the upgrade did, and to which store. */
export interface Upgraded extends StoreUpgrade { label: string }

export function register(parent: Command): Command {
  return parent.command('upgrade').description('bring a store written by an older precrm to this one\'s schema (a SQLite file is backed up beside it first)')
    .addHelpText('after', examples('precrm store upgrade', 'precrm --store postgres://owner@db.example/shop store upgrade'));
}

export const parse = (): Record<string, never> => ({});

export async function run(ctx: Pick<Context, 'stores' | 'interruption'>): Promise<Upgraded> {
  const store = await ctx.stores.open();
  const done = await ctx.interruption.during(() => store.upgrade());
  if (done.from !== done.to) ctx.interruption.markCommitted(`${ctx.stores.label} was upgraded to schema ${done.to}`);
  return { ...done, label: ctx.stores.label };
}

/** What it did (and where the backup is), or that the store is current already. */
export function show(u: Upgraded): Shown {
  if (u.from === u.to) return [info(`${u.label} is already at schema ${u.to}; nothing to do`)];
  const kept = u.backup ? `; the schema-${u.from} store is kept as ${u.backup}` : '';
  return [info(`upgraded ${u.label} from schema ${u.from} to schema ${u.to}${kept}`)];
}

export const upgrade: Verb<object, Record<string, never>, Upgraded> = { register, parse, run, show };
