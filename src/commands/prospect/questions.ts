// The questions `prospect add` asks in a terminal when it gets no name. Each answer is checked at its question, the
// email and phone against the store too, so these are asked in run (they need stored data), loaded only then.
import type { Context } from '../../context/context.js';
import { PrecrmError } from '../../domain/errors.js';
import { START_STAGES } from '../../domain/stages.js';
import { parseProspectFlags, type ProspectFlags } from './input.js';

type Asking = Pick<Context, 'prompts' | 'clock'>;
type Contact = { email: string | null; phone: string | null };

/**
 * A prompt's check of one answer by the rule its flag follows (parseProspectFlags with only that flag given), so
 * a typo is refused at its question instead of after the last one; an empty answer to an optional question passes.
 */
function answerCheck(ctx: Asking, flag: keyof ProspectFlags, optional: boolean, more?: (v: string) => Promise<string | null>, given: ProspectFlags = {}) {
  return async (v: string): Promise<true | string> => {
    if (optional && v.trim() === '') return true;
    try {
      parseProspectFlags({ ...given, [flag]: v }, ctx.clock.now(), 'add');
    } catch (err) {
      if (err instanceof PrecrmError) return err.message;
      throw err;
    }
    return (await more?.(v)) ?? true;
  };
}

/** Asks for the basic fields; a field given as a flag is not asked again. `taken` says who has an email or phone already. */
export async function askForProspect(ctx: Asking, flags: ProspectFlags, taken: (contact: Contact) => Promise<string | null>): Promise<ProspectFlags> {
  const ask = ctx.prompts.prompter;
  const unique = (key: 'email' | 'phone') => async (v: string) => (flags.allowDuplicate ? null : taken({ email: null, phone: null, [key]: v.trim() }));
  const optional = async (q: string, current: string | undefined, flag: keyof ProspectFlags, more?: (v: string) => Promise<string | null>, given?: ProspectFlags) =>
    current ?? ((await ask.input(q, { validate: answerCheck(ctx, flag, true, more, given) })).trim() || undefined);
  const name = await ask.input('Name:', { validate: answerCheck(ctx, 'name', false) });
  const email = await optional('Email (optional):', flags.email, 'email', unique('email'));
  const phone = await optional('Phone (optional):', flags.phone, 'phone', unique('phone'));
  const source = await optional('Source, e.g. walk-in (optional):', flags.source, 'source');
  // Only the stages a new prospect may start in (the domain's START_STAGES).
  const stage = flags.stage ?? (await ask.select('Stage:', START_STAGES, 'interested'));
  const followUp = await optional('Follow up when, e.g. friday or 2026-03-20 (optional):', flags.followUp, 'followUp');
  const next = followUp === undefined || flags.next !== undefined ? flags.next : await optional('What is the next action (optional):', undefined, 'next', undefined, { followUp });
  return { ...flags, name, email, phone, source, stage, followUp, next };
}
