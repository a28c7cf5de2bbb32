// `precrm survey`: questionnaires for prospects, customers and passers-by; one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { create } from './create.js';
import { list } from './list.js';
import { respond } from './respond.js';
import { showSurvey } from './show.js';

export function registerSurvey(program: Command, ctx: Context): void {
  const survey = program.command('survey').description('questionnaires for prospects, customers and passers-by')
    .addHelpText('after', examples('precrm survey list', 'precrm survey respond "bakery perception" --prospect ravi', 'precrm report survey "bakery perception" --by segment'));
  attach(survey, ctx, create);
  attach(survey, ctx, respond);
  attach(survey, ctx, list);
  attach(survey, ctx, showSurvey);
}
