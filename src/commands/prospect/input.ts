// Turns the flags shared by `prospect add` and `prospect edit` into a validated ProspectInput.
import type { Command } from 'commander';
import { checkEmail, checkName, checkPhone, checkText, parseFieldAssignment, type ProspectInput } from '../../domain/prospect.js';
import { checkManualStage } from '../../domain/lifecycle.js';
import { parseStage, parseStartStage } from '../../domain/stages.js';
import { usageError } from '../../domain/errors.js';
import type { Stage } from '../../domain/types.js';
import { collect, parseDateOption, parseSpanDays } from '../common/options.js';

export interface ProspectFlags {
  name?: string;
  description?: string;
  email?: string;
  phone?: string;
  company?: string;
  source?: string;
  stage?: string;
  tag?: string[];
  untag?: string[];
  owner?: string;
  referredBy?: string;
  note?: string;
  field?: string[];
  followUp?: string;
  next?: string;
  cadence?: string;
  allowDuplicate?: boolean;
}

/** The options of add and edit; `--stage` lists what each accepts (a new prospect starts before any purchase). */
export function addProspectOptions(cmd: Command, mode: 'add' | 'edit'): Command {
  const stages = mode === 'add' ? 'aware, interested (default), engaged or intent' : 'aware, interested, engaged, intent, advocate (a customer who refers), lost';
  return cmd
    .option('--description <text>', mode === 'add' ? 'who they are before you know the name ("blue scarf, passes at six"); without a name they start as aware' : 'what they are known by (kept once named)')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--company <company>', 'company or household')
    .option('--source <source>', 'where they came from (walk-in, instagram, referral …)')
    .option('--stage <stage>', stages)
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--owner <name>', 'staff member who owns the relationship')
    .option('--referred-by <prospect>', 'who introduced them (id, email or name)')
    .option('--note <text>', 'free-text notes')
    .option('--field <key=value>', 'a custom field (repeatable)', collect)
    .option('--follow-up <when>', 'plan the next action (tomorrow, friday, 3d, 2026-03-05)')
    .option('--next <note>', 'what the follow-up is about')
    .option('--cadence <span>', 'stay-in-touch rhythm (1d, 2w, every 1m)');
}

/** `''` on edit clears a value; on add it is simply absent. */
const text = (what: string, v: string | undefined, check?: (s: string) => string): string | null | undefined => {
  if (v === undefined) return undefined;
  if (v.trim() === '') return null;
  return check ? check(v) : checkText(what, v.trim());
};

export interface ParsedProspectFlags {
  input: ProspectInput;
  stage: Stage | undefined;
  referredByRef: string | undefined;
}

export function parseProspectFlags(flags: ProspectFlags, now: Date, mode: 'add' | 'edit'): ParsedProspectFlags {
  const fields: Record<string, string> = {};
  for (const f of flags.field ?? []) {
    const [k, v] = parseFieldAssignment(f);
    fields[k] = v;
  }
  const stage = flags.stage === undefined ? undefined : mode === 'add' ? parseStartStage(flags.stage) : checkManualStage(parseStage(flags.stage), '<prospect>');
  if (flags.next !== undefined && flags.followUp === undefined) throw usageError('--next needs --follow-up <when>');
  const input: ProspectInput = {
    name: flags.name === undefined ? undefined : checkName(flags.name),
    description: text('description', flags.description),
    email: text('email', flags.email, checkEmail),
    phone: text('phone', flags.phone, checkPhone),
    company: text('company', flags.company),
    source: text('source', flags.source)?.toLowerCase(),
    owner: text('owner', flags.owner),
    notes: text('note', flags.note),
    tags: flags.tag?.map((t) => checkText('--tag', t)),
    untag: flags.untag,
    fields: flags.field ? fields : undefined,
    cadenceDays: flags.cadence === undefined ? undefined : flags.cadence.trim() === '' ? null : parseSpanDays(flags.cadence, 'cadence'),
    followUp: flags.followUp === undefined ? undefined : {
      at: parseDateOption(flags.followUp, now, 'future', '--follow-up date'),
      note: flags.next === undefined ? null : checkText('--next', flags.next),
    },
  };
  return { input, stage, referredByRef: flags.referredBy };
}
