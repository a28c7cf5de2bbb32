// `precrm prospect add [name]`: a new prospect from flags, or from questions in a terminal when no name is given.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import type { CountryCode } from '../../domain/phones.js';
import { usageError } from '../../domain/errors.js';
import { lookalikeWarnings } from '../../domain/lookalikes.js';
import { checkName } from '../../domain/prospect.js';
import { addProspect as added } from '../../domain/prospect-changes.js';
import { defaultStartStage } from '../../domain/stages.js';
import type { Prospect, SuppressionEntry } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import { examples } from '../common/examples.js';
import { info, warn, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { addProspectOptions, parseProspectFlags, type ParsedProspectFlags, type ProspectFlags } from './input.js';

export type AddFlags = Omit<ProspectFlags, 'name' | 'untag'>;

/** The checked fields, or (no name given, at a terminal) the flags to ask the rest around. */
export type AddOptions = { allowDuplicate: boolean; country: CountryCode | null } & ({ ask: false; parsed: ParsedProspectFlags } | { ask: true; flags: ProspectFlags });

export interface AddResult {
  prospect: Prospect;
  /** Suppression entries of its email or phone that adding it by hand lifted. */
  lifted: SuppressionEntry[];
  /** Prospects with the same name, email or phone (a warning, not a refusal). */
  lookalikes: Prospect[];
}

export function register(parent: Command): Command {
  return addProspectOptions(parent.command('add [name]').description('add a prospect (prompts for the fields in a terminal when no name is given)'), 'add')
    .option('--allow-duplicate', 'add even if the email or phone is already known')
    .addHelpText('after', examples(
      'precrm prospect add "Ravi Sen" --email ravi@example.com --source walk-in --tag cakes',
      'id=$(precrm prospect add "Anna" --phone "+49 170 1234567" --follow-up friday --next "offer a slice")',
    ));
}

export async function parse([name]: Args, given: AddFlags, ctx: Pick<Context, 'clock' | 'prompts'>): Promise<AddOptions> {
  const flags: ProspectFlags = { ...given, name: name as string | undefined };
  const unnamed = name === undefined && given.description !== undefined && given.description.trim() !== '';
  const ask = name === undefined && !unnamed;
  if (ask && !ctx.prompts.canPrompt) throw usageError('missing name (usage: precrm prospect add <name> [--email …]; it prompts only in a terminal)');
  if (!ask && !unnamed) checkName(flags.name ?? '');
  // With questions to come, the flags given are checked first: a bad one should not cost the answers.
  const parsed = parseProspectFlags(flags, ctx.clock.now(), 'add');
  // Loaded here, not at start-up: phone matching brings libphonenumber.
  const country = (await import('./duplicates.js')).shopCountry(ctx.clock.env);
  const allowDuplicate = Boolean(given.allowDuplicate);
  return ask ? { allowDuplicate, country, ask, flags } : { allowDuplicate, country, ask, parsed };
}

/** Asks what is missing (a question that needs stored data, so here), then adds the prospect in one transaction. */
export async function run(ctx: Pick<Context, 'stores' | 'clock' | 'prompts'>, options: AddOptions): Promise<AddResult> {
  // Loaded when it runs, not at start-up: the duplicate check and the suppression list match phones (libphonenumber).
  const [{ lift }, { lookalikesOf, refuseDuplicate }, { referrerLink }] = await Promise.all([
    import('./suppression.js'), import('./duplicates.js'), import('./referrer-link.js'),
  ]);
  const { country } = options;
  const { input, stage, referredByRef } = options.ask ? await answered(ctx, options) : options.parsed;
  const at = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    if (!options.allowDuplicate) await refuseDuplicate(tx, { email: input.email ?? null, phone: input.phone ?? null }, country);
    const link = referredByRef === undefined ? null : await referrerLink(tx, referredByRef);
    const change = added(await tx.takeId('prospect'), input, stage ?? defaultStartStage(Boolean(input.name)), at, link);
    const lookalikes = await lookalikesOf(tx, change.prospect);
    await applyChanges(tx, change.changes);
    // The person is back and asked to be: off the list, so later imports merge into this record.
    return { prospect: change.prospect, lifted: await lift(tx, change.prospect, (all) => all, country), lookalikes };
  });
}

/** The fields asked for at the terminal, checked as the flags would have been. */
async function answered(ctx: Pick<Context, 'stores' | 'clock' | 'prompts'>, { flags, country }: { flags: ProspectFlags; country: CountryCode | null }): Promise<ParsedProspectFlags> {
  const [{ askForProspect }, { duplicateProblem }] = await Promise.all([import('./questions.js'), import('./duplicates.js')]);
  const store = await ctx.stores.open();
  const answers = await askForProspect(ctx, flags, (contact) => duplicateProblem(store, contact, country));
  checkName(answers.name ?? '');
  return parseProspectFlags(answers, ctx.clock.now(), 'add');
}

export function show({ prospect: p, lifted, lookalikes }: AddResult): Shown {
  return [
    info(`added prospect ${p.id} (${p.name ?? p.description})`),
    ...(lifted.length ? [warn(liftedNotice(p, lifted))] : []),
    ...lookalikeWarnings(p, lookalikes).map(warn),
    written([p]),
  ];
}

/** What `prospect add` says when the email or phone it was given was on the suppression list (never the values). */
function liftedNotice(p: Prospect, lifted: readonly SuppressionEntry[]): string {
  const why = [...new Set(lifted.map((e) => `${e.reason} on ${showDay(e.at)}`))].join(', ');
  return `the email or phone given was on the suppression list (${why}); adding it by hand takes it off, so imports merge into prospect ${p.id} again`;
}

export const add: Verb<AddFlags, AddOptions, AddResult> = { register, parse, run, show };
