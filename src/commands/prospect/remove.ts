// `precrm prospect remove <prospect>`: deletes a prospect with its touches, responses and occasions, after asking.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { removeProspect as removed } from '../../domain/prospect-changes.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreReader } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { dropOccasions } from './occasion-links.js';

export interface RemoveOptions { ref: string }
export type RemoveResult = { removed: false } | { removed: true; prospect: Prospect; touches: number; responses: number };

export function register(parent: Command): Command {
  return parent.command('remove <prospect>').alias('rm').description('delete a prospect with its touches and responses (asks first)')
    .addHelpText('after', examples('precrm prospect remove 12', 'precrm prospect remove ravi@example.com --yes'));
}

export const parse = ([ref]: Args): RemoveOptions => ({ ref: ref as string });

/** The referral links removing `p` clears, as lines for stderr (none when it has no referral links). */
async function referralLinks(reader: StoreReader, p: Prospect): Promise<string[]> {
  const [referred, referrer] = await Promise.all([reader.referralsOf(p.id), p.referredBy === null ? null : reader.getProspect(p.referredBy)]);
  if (referred.length === 0 && referrer === null) return [];
  return [
    `removing ${label(p)} clears its referral links:`,
    ...(referrer ? [`  referred by ${label(referrer)}`] : []),
    ...referred.map((x) => `  referred ${label(x)}`),
  ];
}

export async function run(ctx: Pick<Context, 'stores' | 'clock' | 'prompts' | 'term'>, { ref }: RemoveOptions): Promise<RemoveResult> {
  const store = await ctx.stores.open();
  const snapshot = await findProspect(store, ref);
  // Said before the question, which they are part of: what else the removal undoes.
  for (const line of await referralLinks(store, snapshot)) ctx.term.info(line);
  if (!(await ctx.prompts.confirmDestructive(`Remove ${label(snapshot)} with its touches and survey responses?`, 'prospect remove'))) return { removed: false };
  // Loaded once asked, not at start-up: the suppression list matches phones (libphonenumber).
  const { suppress } = await import('./suppression.js');
  const at = ctx.clock.now().toISOString();
  return store.transaction(async (tx) => {
    const p = await findProspect(tx, String(snapshot.id));
    const [touches, responses, referred] = await Promise.all([tx.listTouches({ prospectId: p.id }), tx.listResponses({ prospectId: p.id }), tx.referralsOf(p.id)]);
    await suppress(tx, [p], 'removed', at);
    await dropOccasions(tx, p.id);
    await applyChanges(tx, removed(p, touches, responses, referred));
    return { removed: true, prospect: p, touches: touches.length, responses: responses.length };
  });
}

export function show(result: RemoveResult): Shown {
  if (!result.removed) return [info('nothing removed')];
  const { prospect: p, touches, responses } = result;
  return [info(`removed ${label(p)}, ${touches} touch(es) and ${responses} survey response(s)`), written([p])];
}

export const remove: Verb<object, RemoveOptions, RemoveResult> = { register, parse, run, show };
