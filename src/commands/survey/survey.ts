// `precrm survey …`: flags → typed options; the work is in survey-write.ts and survey-read.ts.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { collect } from '../common/options.js';
import { examples } from '../common/examples.js';


export function registerSurvey(program: Command, ctx: Context): void {
  const survey = program.command('survey').description('questionnaires for prospects, customers and passers-by')
    .addHelpText('after', examples('precrm survey list', 'precrm survey respond "bakery perception" --prospect ravi', 'precrm report survey "bakery perception" --by segment'));

  survey.command('create <name>').description('create a survey from questions "key:type:text" (type: scale 1–5, nps 0–10, choice(a|b|c), text)')
    .option('--question <spec>', 'a question "key:type:text" (repeatable, in order)', collect)
    .addHelpText('after', examples(
      'precrm survey create "first impressions" --question "expect:text:What do you expect from a neighbourhood bakery?" --question "price:scale:How fair do our prices look?"',
      'precrm survey create nps --question "recommend:nps:How likely are you to recommend us?" --question "reason:choice(taste|price|friendliness):Why?"',
    ))
    .action(async (name: string, flags) => (await import('./survey-write.js')).createSurvey(ctx, name, flags));

  survey.command('respond <survey>').description('record one response (asks the missing questions in a terminal)')
    .option('--prospect <prospect>', 'who answered (id, email or name); anonymous without it')
    .option('--answer <key=value>', 'an answer (repeatable); others are asked in a terminal, else left unanswered', collect)
    .addHelpText('after', examples(
      'precrm survey respond "first impressions" --prospect ravi',
      'precrm survey respond "first impressions" --answer price=4 --answer "expect=fresh bread" --no-input',
    ))
    .action(async (ref: string, flags) => (await import('./survey-write.js')).respondToSurvey(ctx, ref, flags));

  survey.command('list').alias('ls').description('surveys with their question and response counts')
    .addHelpText('after', examples('precrm survey list', 'precrm survey list --json'))
    .action(async () => (await import('./survey-read.js')).listSurveys(ctx));

  survey.command('show <survey>').description('a survey\'s questions')
    .addHelpText('after', examples('precrm survey show "first impressions"', 'precrm survey show "first impressions" --format csv'))
    .action(async (ref: string) => (await import('./survey-read.js')).showSurvey(ctx, ref));
}
