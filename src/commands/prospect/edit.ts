// `precrm prospect edit <prospect>`: changes the fields its flags name (an empty value clears one) and says what changed.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { CountryCode } from '../../domain/phones.js';
import { checkEditable, editProspect as edited, type FieldChange } from '../../domain/prospect-changes.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { collect } from '../common/options.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { describeFieldChange } from './edit-summary.js';
import { addProspectOptions, parseProspectFlags, type ParsedProspectFlags, type ProspectFlags } from './input.js';

export interface EditOptions extends ParsedProspectFlags { ref: string; allowDuplicate: boolean; country: CountryCode | null }
/** The record as edited, and the fields that changed (none: nothing was written). */
export interface EditResult { prospect: Prospect; edited: FieldChange[] }

export function register(parent: Command): Command {
  return addProspectOptions(parent.command('edit <prospect>').description('change a prospect\'s fields (an empty value clears one)'), 'edit')
    .option('--name <name>', 'new name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--allow-duplicate', 'allow an email or phone that another prospect has')
    .addHelpText('after', examples('precrm prospect edit ravi --tag regular --untag new', 'precrm prospect edit 12 --email "" --phone "+91 98300 00000"'));
}

export async function parse([ref]: Args, flags: ProspectFlags, ctx: Pick<Context, 'clock'>): Promise<EditOptions> {
  const parsed = parseProspectFlags(flags, ctx.clock.now(), 'edit');
  // Loaded here, not at start-up: phone matching brings libphonenumber.
  const country = (await import('./duplicates.js')).shopCountry(ctx.clock.env);
  return { ...parsed, ref: ref as string, allowDuplicate: Boolean(flags.allowDuplicate), country };
}

/** The edit in one transaction: refused when the new email or phone is another prospect's (unless allowed). */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, options: EditOptions): Promise<EditResult> {
  // Loaded when it runs, not at start-up: the duplicate check matches phones (libphonenumber).
  const [{ refuseDuplicate }, { referrerLink }] = await Promise.all([import('./duplicates.js'), import('./referrer-link.js')]);
  const { input, stage, referredByRef } = options;
  const at = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const p = await findProspect(tx, options.ref);
    checkEditable(p);
    const next = { email: input.email === undefined ? p.email : input.email, phone: input.phone === undefined ? p.phone : input.phone };
    const contactChanged = (input.email !== undefined && input.email !== p.email) || (input.phone !== undefined && input.phone !== p.phone);
    if (contactChanged && !options.allowDuplicate) await refuseDuplicate(tx, next, options.country, p.id);
    const link = referredByRef === undefined ? undefined : await referrerLink(tx, referredByRef);
    const edit = edited(p, input, at, link, stage);
    if (edit.edited.length) await applyChanges(tx, edit.changes);
    return { prospect: edit.prospect, edited: edit.edited };
  });
}

export function show({ prospect, edited: changed }: EditResult): Shown {
  const said = changed.length === 0
    ? [`nothing to change: ${label(prospect)} already has these values (nothing written)`]
    : [`updated ${label(prospect)}:`, ...changed.map((c) => `  ${describeFieldChange(c)}`)];
  return [...said.map(info), written([prospect])];
}

export const edit: Verb<ProspectFlags, EditOptions, EditResult> = { register, parse, run, show };
