// `precrm __complete <shell> -- …`: the candidates a shell's completion script asks for (scripts.ts holds the
// scripts, answers.ts what each shell sends and reads). Read-only and silent: any error — a corrupt store, a bad
// option — means no candidates, never a message.
import type { Command, Option } from 'commander';
import { Context, type World } from '../../context/context.js';
import { ACTIVITY_GROUPS } from '../../domain/reports/activity.js';
import { PROSPECT_GROUPS } from '../../domain/reports/groups.js';
import { LOYALTY_GROUPS } from '../../domain/reports/loyalty.js';
import { SURVEY_GROUPS } from '../../domain/reports/survey-report.js';
import { nameKey, parseReference } from '../../domain/references.js';
import type { StoreReader } from '../../store/store.js';
import { DIRECTIONS, OUTCOMES, STAGES, TOUCH_TYPES, type Prospect, type Survey } from '../../domain/types.js';
import { FORMATS } from '../../output/render.js';
import { TOPICS } from '../help/help.js';
import { FILES, requestFrom, type Candidate } from './answers.js';
import { SHELLS, type Shell } from './completion.js';

type Source = readonly string[] | 'prospect' | 'survey' | 'source' | 'owner' | 'tag' | 'files';

/** Values of positional arguments, by the argument's name in the command's usage. */
const ARGUMENTS: Record<string, Source> = {
  prospect: 'prospect', keep: 'prospect', other: 'prospect', survey: 'survey', stage: STAGES, type: TOUCH_TYPES, shell: SHELLS, file: 'files', topic: TOPICS,
};

/** Values of options, by long flag; `command path + flag` where one flag means different things. */
const OPTIONS: Record<string, Source> = {
  '--stage': STAGES, '--type': TOUCH_TYPES, '--format': FORMATS, '--outcome': OUTCOMES, '--direction': DIRECTIONS,
  '--prospect': 'prospect', '--referred-by': 'prospect', '--source': 'source', '--owner': 'owner', '--tag': 'tag', '--untag': 'tag',
  '--store': 'files', '-o': 'files', '--out': 'files', '--output': 'files', '--rejects': 'files',
  '--on-duplicate': ['merge', 'skip', 'error'],
  '--sort': ['id', 'name', 'created', 'updated', 'stage', 'source', 'owner', 'follow-up'],
  'report funnel --by': PROSPECT_GROUPS, 'report activity --by': ACTIVITY_GROUPS, 'report survey --by': SURVEY_GROUPS,
  'report loyalty --by': LOYALTY_GROUPS,
  'report cohorts --period': ['week', 'month'], 'report activity --period': ['day', 'week', 'month'],
};

const silent: World['stdout'] = { write: () => true };

/** The program whose commands and options are completed: run.ts hands in cli.ts's, as commands sit below cli.ts. */
export type ProgramFactory = (ctx: Context) => Command;

/** Answers one completion request; writes the candidates as the shell reads them and returns 0 whatever happens. */
export async function completeWords(args: readonly string[], world: World, createProgram: ProgramFactory): Promise<number> {
  try {
    const [shell, separator, ...rest] = args;
    if (!(SHELLS as readonly string[]).includes(shell ?? '') || separator !== '--') return 0;
    const request = requestFrom(shell as Shell, rest);
    if (!request) return 0;
    const answer = request.answer(await candidatesFor(request.words, { ...world, stderr: silent, prompter: undefined }, createProgram));
    if (answer) world.stdout.write(answer);
  } catch {
    // A completion never shows an error: the shell would print it in the middle of the command line.
  }
  return 0;
}

const longName = (o: Option) => o.long ?? o.short ?? '';
const takesValue = (o: Option) => o.required || o.optional;

interface Position { command: Command; path: string[]; operands: number; store?: string; pendingOption?: Option }

/** Walks the words before the one being completed: which command they name, how many operands, any --store. */
function locate(program: Command, words: readonly string[]): Position {
  const pos: Position = { command: program, path: [], operands: 0 };
  const optionsInScope = () => [...pos.command.options, ...program.options];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-') && word !== '-') {
      const [flag, inline] = word.split('=', 2) as [string, string | undefined];
      const option = optionsInScope().find((o) => o.long === flag || o.short === flag);
      if (option && takesValue(option) && inline === undefined) {
        if (i + 1 === words.length) pos.pendingOption = option;
        else if (option.long === '--store') pos.store = words[i + 1];
        i++;
      } else if (option?.long === '--store') pos.store = inline;
      continue;
    }
    const sub = pos.operands === 0 ? pos.command.commands.find((c) => c.name() === word || c.aliases().includes(word)) : undefined;
    if (sub) {
      pos.command = sub;
      pos.path.push(sub.name());
    } else pos.operands++;
  }
  return pos;
}

async function candidatesFor(words: readonly string[], world: World, createProgram: ProgramFactory): Promise<Candidate[]> {
  const ctx = new Context(world);
  const program = createProgram(ctx);
  const current = words[words.length - 1]!;
  const pos = locate(program, words.slice(0, -1));
  const values = (source: Source | undefined) => valuesOf(source, ctx, pos.store, current);
  if (pos.pendingOption) {
    const o = pos.pendingOption;
    return values(o.argChoices ?? OPTIONS[`${pos.path.join(' ')} ${longName(o)}`] ?? OPTIONS[longName(o)]);
  }
  if (current.startsWith('-')) {
    const options = [...pos.command.options, ...(pos.command === program ? [] : program.options)].filter((o) => !o.hidden);
    return options.map((o) => ({ value: longName(o), description: o.description })).filter((c) => c.value.startsWith(current));
  }
  const subcommands = pos.operands === 0 ? pos.command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden) : [];
  const commands = subcommands.map((c) => ({ value: c.name(), description: c.description() })).filter((c) => c.value.startsWith(current));
  const argument = pos.command.registeredArguments[Math.min(pos.operands, pos.command.registeredArguments.length - 1)];
  const operands = argument && (pos.operands < pos.command.registeredArguments.length || argument.variadic)
    ? await values(argument.argChoices ?? ARGUMENTS[argument.name().split('|')[0]!])
    : [];
  return [...commands, ...operands];
}

const matches = (value: string, typed: string) => nameKey(value).startsWith(nameKey(typed));

async function valuesOf(source: Source | undefined, ctx: Context, store: string | undefined, typed: string): Promise<Candidate[]> {
  if (source === undefined) return [];
  if (source === 'files') return [{ value: FILES }];
  if (typeof source !== 'string') return source.filter((v) => matches(v, typed)).map((value) => ({ value }));
  await ctx.configure({ store });
  // Read-only queries of the Store interface; a store that does not exist yet reads as empty and creates nothing.
  const reader = await ctx.stores.open();
  const surveys = source === 'survey' ? await reader.surveys() : [];
  const prospects = source === 'survey' ? [] : await prospectsFor(reader, source, typed);
  return storeValues(source, { prospects, surveys }, typed);
}

/**
 * Only the prospects a completion can offer: a typed name asks the store for its candidates (name or word start,
 * through the name index on SQLite and PostgreSQL) instead of reading every prospect of a large store.
 */
async function prospectsFor(reader: StoreReader, source: 'prospect' | 'source' | 'owner' | 'tag', typed: string): Promise<Prospect[]> {
  if (source !== 'prospect' || typed.trim() === '' || /^\d+$/.test(typed)) return reader.listProspects();
  return reader.prospectCandidates(parseReference(typed));
}

/** Names and ids from the store: a name prefix as `prospect show` reads one (any case, accents optional). */
function storeValues(source: 'prospect' | 'survey' | 'source' | 'owner' | 'tag', doc: { prospects: Prospect[]; surveys: Survey[] }, typed: string): Candidate[] {
  if (source === 'survey') return doc.surveys.filter((s) => matches(s.name, typed)).map((s) => ({ value: s.name, description: `survey #${s.id}` }));
  if (source === 'prospect') {
    const named = doc.prospects.filter((p) => p.name !== null);
    if (/^\d+$/.test(typed)) return named.filter((p) => String(p.id).startsWith(typed)).map((p) => ({ value: String(p.id), description: p.name! }));
    return named.filter((p) => matches(p.name!, typed)).map((p) => ({ value: p.name!, description: `#${p.id} ${p.stage}` }));
  }
  const seen = new Set<string>();
  for (const p of doc.prospects) {
    const list = source === 'tag' ? p.tags : [source === 'source' ? p.source : p.owner];
    for (const v of list) if (v && matches(v, typed)) seen.add(v);
  }
  return [...seen].sort().map((value) => ({ value }));
}
