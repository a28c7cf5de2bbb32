// `precrm survey respond <survey>`: one response, from --answer and, in a terminal, questions asked for the rest.
import type { Command } from 'commander';
import type { Context, Prompter } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { newResponse, numericRange, parseAnswerAssignments } from '../../domain/survey.js';
import type { Question, Survey, SurveyResponse } from '../../domain/types.js';
import { findProspect, findSurvey } from '../common/lookup.js';
import { collect } from '../common/options.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface RespondFlags { prospect?: string; answer?: string[] }
export interface RespondOptions { survey: string; prospect?: string; answers: string[] }
/** The stored response and how many of the survey's questions it leaves unanswered. */
export interface Responded { response: SurveyResponse; unanswered: number }

export function register(parent: Command): Command {
  return parent.command('respond <survey>').description('record one response (asks the missing questions in a terminal)')
    .option('--prospect <prospect>', 'who answered (id, email or name); anonymous without it')
    .option('--answer <key=value>', 'an answer (repeatable); others are asked in a terminal, else left unanswered', collect)
    .addHelpText('after', examples(
      'precrm survey respond "first impressions" --prospect ravi',
      'precrm survey respond "first impressions" --answer price=4 --answer "expect=fresh bread" --no-input',
    ));
}

/** The answers are checked against the survey's questions in run: they need the stored survey. */
export function parse([survey]: Args, flags: RespondFlags): RespondOptions {
  return { survey: survey as string, ...(flags.prospect === undefined ? {} : { prospect: flags.prospect }), answers: flags.answer ?? [] };
}

const SKIP = '(skip)';

/** Asks one question with the prompt that fits its type; undefined when the person skips it. */
async function ask(prompter: Prompter, q: Question): Promise<string | number | undefined> {
  const range = numericRange(q.type);
  if (range) return prompter.number(`${q.text} (${range[0]}–${range[1]}, empty to skip)`, { min: range[0], max: range[1] });
  if (q.type === 'choice') {
    const picked = await prompter.select(q.text, [...q.choices!, SKIP]);
    return picked === SKIP ? undefined : picked;
  }
  const text = (await prompter.input(`${q.text} (empty to skip)`)).trim();
  return text === '' ? undefined : text;
}

/** Fills the questions --answer left out by asking, in the survey's order; a skipped question stays unanswered. */
async function askMissing(prompter: Prompter, survey: Survey, given: Record<string, string | number>): Promise<Record<string, string | number>> {
  const answers = { ...given };
  for (const q of survey.questions) {
    if (Object.hasOwn(answers, q.key)) continue;
    const raw = await ask(prompter, q);
    // The prompt's own checks are not trusted: the answer goes through the same validation as --answer.
    if (raw !== undefined) Object.assign(answers, parseAnswerAssignments(survey, [`${q.key}=${raw}`]));
  }
  return answers;
}

export async function run(ctx: Pick<Context, 'stores' | 'prompts' | 'clock'>, o: RespondOptions): Promise<Responded> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, o.survey);
  if (o.prospect !== undefined) await findProspect(store, o.prospect);
  let answers = parseAnswerAssignments(survey, o.answers);
  const missing = survey.questions.some((q) => !Object.hasOwn(answers, q.key));
  // The questions asked are the stored survey's, so they are asked here, not in parse.
  if (missing && ctx.prompts.canPrompt) answers = await askMissing(ctx.prompts.prompter, survey, answers);
  if (Object.keys(answers).length === 0) {
    throw usageError(`no answers given (use --answer key=value; keys: ${survey.questions.map((q) => q.key).join(', ')})`);
  }
  const at = ctx.clock.now().toISOString();
  const response = await store.transaction(async (tx) => {
    const current = await findSurvey(tx, survey.name);
    // The segment is fixed now, from the stage the respondent is in at the moment of answering.
    const p = o.prospect === undefined ? null : await findProspect(tx, o.prospect);
    const r = newResponse(await tx.takeId('response'), current, p, at, answers);
    await tx.insert('response', [r]);
    return r;
  });
  return { response, unanswered: survey.questions.length - Object.keys(answers).length };
}

export function show({ response: r, unanswered }: Responded): Shown {
  return [info(`recorded response ${r.id} to "${r.survey}" (${r.segment}${unanswered ? `, ${unanswered} question(s) unanswered` : ''})`), written([r])];
}

export const respond: Verb<RespondFlags, RespondOptions, Responded> = { register, parse, run, show };
