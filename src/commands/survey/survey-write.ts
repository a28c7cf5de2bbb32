// survey create / respond: validate everything from argv (and prompts) first, then write in one locked update.
import type { Context, Prompter } from '../../context/context.js';
import { conflictError, usageError } from '../../domain/errors.js';
import { checkSurveyName, newResponse, newSurvey, numericRange, parseAnswerAssignments } from '../../domain/survey.js';
import type { Question, Survey } from '../../domain/types.js';
import { printWritten } from '../common/io.js';
import { findProspect, findSurvey } from '../common/lookup.js';

export interface CreateFlags { question?: string[] }
export interface RespondFlags { prospect?: string; answer?: string[] }

export async function createSurvey(ctx: Context, name: string, flags: CreateFlags): Promise<void> {
  const checked = checkSurveyName(name);
  // Parse before taking the lock, so a bad spec never touches the store.
  newSurvey(0, checked, flags.question ?? [], ctx.clock.now().toISOString());
  const store = await ctx.stores.open();
  const created = await store.transaction(async (tx) => {
    const existing = await tx.surveyByName(checked);
    if (existing) throw conflictError(`a survey named "${existing.name}" already exists (see: precrm survey show "${existing.name}")`);
    const survey = newSurvey(await tx.takeId('survey'), checked, flags.question ?? [], ctx.clock.now().toISOString());
    await tx.insert('survey', [survey]);
    return survey;
  });
  ctx.term.info(`created survey "${created.name}" with ${created.questions.length} question(s)`);
  printWritten(ctx, [created]);
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
async function askMissing(ctx: Context, survey: Survey, given: Record<string, string | number>): Promise<Record<string, string | number>> {
  const answers = { ...given };
  for (const q of survey.questions) {
    if (Object.hasOwn(answers, q.key)) continue;
    const raw = await ask(ctx.prompts.prompter, q);
    // The prompt's own checks are not trusted: the answer goes through the same validation as --answer.
    if (raw !== undefined) Object.assign(answers, parseAnswerAssignments(survey, [`${q.key}=${raw}`]));
  }
  return answers;
}

export async function respondToSurvey(ctx: Context, surveyRef: string, flags: RespondFlags): Promise<void> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, surveyRef);
  if (flags.prospect !== undefined) await findProspect(store, flags.prospect);
  let answers = parseAnswerAssignments(survey, flags.answer ?? []);
  const missing = survey.questions.some((q) => !Object.hasOwn(answers, q.key));
  if (missing && ctx.prompts.canPrompt) answers = await askMissing(ctx, survey, answers);
  if (Object.keys(answers).length === 0) {
    throw usageError(`no answers given (use --answer key=value; keys: ${survey.questions.map((q) => q.key).join(', ')})`);
  }
  const at = ctx.clock.now().toISOString();
  const response = await store.transaction(async (tx) => {
    const current = await findSurvey(tx, survey.name);
    // The segment is fixed now, from the stage the respondent is in at the moment of answering.
    const p = flags.prospect === undefined ? null : await findProspect(tx, flags.prospect);
    const r = newResponse(await tx.takeId('response'), current, p, at, answers);
    await tx.insert('response', [r]);
    return r;
  });
  const unanswered = survey.questions.length - Object.keys(answers).length;
  ctx.term.info(`recorded response ${response.id} to "${response.survey}" (${response.segment}${unanswered ? `, ${unanswered} question(s) unanswered` : ''})`);
  printWritten(ctx, [response]);
}
