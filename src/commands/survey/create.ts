// `precrm survey create <name>`: a questionnaire from question specs, every spec checked before the store is touched.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { conflictError } from '../../domain/errors.js';
import { checkSurveyName, newSurvey } from '../../domain/survey.js';
import type { Survey } from '../../domain/types.js';
import { collect } from '../common/options.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface CreateFlags { question?: string[] }
export interface CreateOptions { name: string; questions: string[]; at: string }

export function register(parent: Command): Command {
  return parent.command('create <name>').description('create a survey from questions "key:type:text" (type: scale 1–5, nps 0–10, choice(a|b|c), text)')
    .option('--question <spec>', 'a question "key:type:text" (repeatable, in order)', collect)
    .addHelpText('after', examples(
      'precrm survey create "first impressions" --question "expect:text:What do you expect from a neighbourhood bakery?" --question "price:scale:How fair do our prices look?"',
      'precrm survey create nps --question "recommend:nps:How likely are you to recommend us?" --question "reason:choice(taste|price|friendliness):Why?"',
    ));
}

export function parse([name]: Args, flags: CreateFlags, ctx: Pick<Context, 'clock'>): CreateOptions {
  const options = { name: checkSurveyName(name as string), questions: flags.question ?? [], at: ctx.clock.now().toISOString() };
  // Every spec is parsed now, so a bad one never touches the store.
  newSurvey(0, options.name, options.questions, options.at);
  return options;
}

/** Stores the survey under the next id; a name taken in any case is a conflict. */
export async function run(ctx: Pick<Context, 'stores'>, o: CreateOptions): Promise<Survey> {
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const existing = await tx.surveyByName(o.name);
    if (existing) throw conflictError(`a survey named "${existing.name}" already exists (see: precrm survey show "${existing.name}")`);
    const survey = newSurvey(await tx.takeId('survey'), o.name, o.questions, o.at);
    await tx.insert('survey', [survey]);
    return survey;
  });
}

export const show = (s: Survey): Shown => [info(`created survey "${s.name}" with ${s.questions.length} question(s)`), written([s])];

export const create: Verb<CreateFlags, CreateOptions, Survey> = { register, parse, run, show };
