// The prospect filter flags, declared once for prospect list, export and reports, and parsed once into the
// domain's ProspectFilter (--since/--until as whole local days, --stage repeatable or comma-separated).
import type { Command } from 'commander';
import { usageError } from '../../domain/errors.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { parseStage } from '../../domain/stages.js';
import { collect, parseDayWindow } from './options.js';

export interface FilterFlags {
  stage?: string[];
  source?: string;
  tag?: string[];
  owner?: string;
  search?: string;
  since?: string;
  until?: string;
  contactable?: boolean;
}

export type FilterFlag = keyof FilterFlags;

const ALL: FilterFlag[] = ['stage', 'source', 'tag', 'owner', 'search', 'since', 'until', 'contactable'];

/**
 * Adds the filter flags `only` names (all by default), in one order and wording. `prefix` starts each description
 * ("cohort: " for reports); `dates` says what --since/--until compare ("created", "touched" …).
 */
export function addFilterOptions(cmd: Command, opts: { only?: FilterFlag[]; prefix?: string; dates?: string } = {}): Command {
  const only = new Set(opts.only ?? ALL);
  const pre = opts.prefix ?? '';
  const dates = opts.dates ?? 'created';
  const declare: Record<FilterFlag, () => void> = {
    stage: () => cmd.option('--stage <stage>', `${pre}only prospects in these stages (repeatable, or comma-separated)`, collect),
    source: () => cmd.option('--source <source>', `${pre}only this source`),
    tag: () => cmd.option('--tag <tag>', `${pre}only with this tag (repeatable: all must match)`, collect),
    owner: () => cmd.option('--owner <name>', `${pre}only this owner`),
    search: () => cmd.option('--search <text>', `${pre}name, email, phone, company, notes or tags contain this text`),
    since: () => cmd.option('--since <when>', `${pre}${dates} on or after (2026-03-01, 30d …)`),
    until: () => cmd.option('--until <when>', `${pre}${dates} on or before`),
    contactable: () => cmd.option('--contactable', `${pre}leave out do-not-contact and forgotten prospects`),
  };
  for (const flag of ALL) if (only.has(flag)) declare[flag]();
  return cmd;
}

/**
 * The filter of the flags. `createdWindow: false` leaves --since/--until out (export touches and conversions
 * apply them to their own dates); `refuseEmptyWindow` makes --since after --until a usage error (reports).
 */
export function parseProspectFilter(flags: FilterFlags, now: Date, opts: { createdWindow?: boolean; refuseEmptyWindow?: boolean } = {}): ProspectFilter {
  const createdWindow = opts.createdWindow ?? true;
  const window = opts.refuseEmptyWindow ? parseWindow(flags, now) : parseDayWindow(flags, now);
  const filter: ProspectFilter = {};
  const stages = flags.stage?.flatMap((s) => s.split(',')).map(parseStage);
  if (stages) filter.stages = stages;
  if (flags.source !== undefined) filter.source = flags.source;
  if (flags.owner !== undefined) filter.owner = flags.owner;
  if (flags.tag) filter.tags = flags.tag;
  if (flags.search !== undefined) filter.search = flags.search;
  if (createdWindow && window.since !== undefined) filter.createdSince = window.since;
  if (createdWindow && window.until !== undefined) filter.createdUntil = window.until;
  if (flags.contactable) filter.contactable = true;
  return filter;
}

/** --since/--until as whole local days (ISO instants); refuses an empty window. */
export function parseWindow(flags: { since?: string; until?: string }, now: Date): { since?: string; until?: string } {
  const window = parseDayWindow(flags, now);
  if (window.since && window.until && window.since > window.until) {
    throw usageError(`--since ${flags.since} is after --until ${flags.until} (the window would be empty)`);
  }
  return window;
}
