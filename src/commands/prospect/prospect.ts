// `precrm prospect …`: flags → typed options; the work is in prospect-write/read/show/lifecycle.ts, loaded when a command runs.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { collect } from '../common/options.js';
import { addFilterOptions } from '../common/prospect-filter.js';
import { addProspectOptions } from './prospect-input.js';
import { examples } from '../common/examples.js';

// Each command's work is loaded only when it runs, so start-up compiles just the command table.
const read = () => import('./prospect-read.js');
const lifecycle = () => import('./prospect-lifecycle.js');
const show = () => import('./prospect-show.js');
const write = () => import('./prospect-write.js');
const merge = () => import('./prospect-merge.js');

export function registerProspect(program: Command, ctx: Context): void {
  const prospect = program.command('prospect').description('people who have shown interest, before and after they buy')
    .addHelpText('after', examples('precrm prospect add "Ravi Sen" --email ravi@example.com --source walk-in', 'precrm prospect list --stage interested', 'precrm prospect show ravi'));

  addProspectOptions(prospect.command('add [name]').description('add a prospect (prompts for the fields in a terminal when no name is given)'), 'add')
    .option('--allow-duplicate', 'add even if the email or phone is already known')
    .addHelpText('after', examples(
      'precrm prospect add "Ravi Sen" --email ravi@example.com --source walk-in --tag cakes',
      'id=$(precrm prospect add "Anna" --phone "+49 170 1234567" --follow-up friday --next "offer a slice")',
    ))
    .action((name: string | undefined, flags) => write().then((m) => m.addProspect(ctx, name, flags)));

  addFilterOptions(prospect.command('list').alias('ls').description('list prospects, filtered and sorted'),
    { only: ['stage', 'source', 'tag', 'owner', 'search', 'since', 'until'] })
    .option('--sort <field>', 'id, name, created, updated, stage, source, owner, follow-up (prefix - to reverse)')
    .option('--limit <n>', 'at most n rows')
    .addHelpText('after', examples('precrm prospect list --stage engaged --stage intent', 'precrm prospect list --search ravi --json', 'precrm prospect list --format csv > prospects.csv'))
    .action((flags) => read().then((m) => m.listProspects(ctx, flags)));

  prospect.command('show <prospect>').description('the whole story of one relationship')
    .addHelpText('after', examples('precrm prospect show 12', 'precrm prospect show ravi@example.com --json'))
    .action((ref: string) => show().then((m) => m.showProspect(ctx, ref)));

  addProspectOptions(prospect.command('edit <prospect>').description('change a prospect\'s fields (an empty value clears one)'), 'edit')
    .option('--name <name>', 'new name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--allow-duplicate', 'allow an email or phone that another prospect has')
    .addHelpText('after', examples('precrm prospect edit ravi --tag regular --untag new', 'precrm prospect edit 12 --email "" --phone "+91 98300 00000"'))
    .action((ref: string, flags) => write().then((m) => m.editProspect(ctx, ref, flags)));

  prospect.command('stage <prospect> <stage>').description('move to a stage (customer only through convert)')
    .addHelpText('after', examples('precrm prospect stage ravi engaged', 'precrm prospect stage 12 intent'))
    .action((ref: string, stage: string) => write().then((m) => m.setStage(ctx, ref, stage)));

  prospect.command('remove <prospect>').alias('rm').description('delete a prospect with its touches and responses (asks first)')
    .addHelpText('after', examples('precrm prospect remove 12', 'precrm prospect remove ravi@example.com --yes'))
    .action((ref: string) => write().then((m) => m.removeProspect(ctx, ref)));

  prospect.command('merge <keep> <other>').description('merge a duplicate into the prospect to keep: touches, purchase, responses and referrals move over, empty fields are filled, the duplicate is deleted (asks first)')
    .addHelpText('after', examples(
      'precrm prospect merge 12 13          # 13 goes into 12; 12 stays',
      'precrm prospect merge lucie@example.com 13 --yes',
      'precrm prospect merge 12 13 --yes --json   # the merged record',
    ))
    .action((keep: string, other: string) => merge().then((m) => m.mergeRun(ctx, keep, other)));

  prospect.command('do-not-contact <prospect>').description('record that a prospect must not be contacted (or --off)')
    .option('--off', 'they may be contacted again')
    .option('--note <text>', 'why, as told by the person')
    .addHelpText('after', examples('precrm prospect do-not-contact ravi --note "asked by phone"', 'precrm prospect do-not-contact 12 --off'))
    .action((ref: string, flags) => write().then((m) => m.setDoNotContact(ctx, ref, flags)));

  registerLifecycle(prospect, ctx);
}

function registerLifecycle(prospect: Command, ctx: Context): void {
  prospect.command('lose <prospect>').description('the relationship ended without a purchase (keeps the furthest stage reached)')
    .requiredOption('--reason <text>', 'why, in a few words')
    .addHelpText('after', examples('precrm prospect lose tomas --reason "moved to Madrid"', 'precrm prospect lose 12 --reason "chose another bakery"'))
    .action((ref: string, flags) => lifecycle().then((m) => m.loseRun(ctx, ref, flags)));

  prospect.command('reopen <prospect>').description('a lost prospect is back: return to the furthest stage reached before')
    .addHelpText('after', examples('precrm prospect reopen tomas', 'precrm prospect reopen 12 --json'))
    .action((ref: string) => lifecycle().then((m) => m.reopenRun(ctx, ref)));

  prospect.command('follow-up <prospect> [when] [note]').description('plan the next action (a date and a short note), or --clear it')
    .option('--clear', 'remove the planned follow-up')
    .addHelpText('after', examples('precrm prospect follow-up ravi friday "offer a slice of the new cake"', 'precrm prospect follow-up 12 3d', 'precrm prospect follow-up 12 --clear'))
    .action((ref: string, when: string | undefined, note: string | undefined, flags) => lifecycle().then((m) => m.followUpRun(ctx, ref, when, note, flags)));

  prospect.command('cadence <prospect> [span]').description('stay-in-touch rhythm (1d, 2w, every 1m); any touch restarts the clock')
    .option('--clear', 'no rhythm any more')
    .addHelpText('after', examples('precrm prospect cadence ravi 1d      # the daily greeting', 'precrm prospect cadence anita "every 2w"', 'precrm prospect cadence 12 --clear'))
    .action((ref: string, span: string | undefined, flags) => lifecycle().then((m) => m.cadenceRun(ctx, ref, span, flags)));

  prospect.command('forget <prospect>').description('right to be forgotten: erase personal data, keep an anonymous record (asks first; cannot be undone)')
    .addHelpText('after', examples('precrm prospect forget 12', 'precrm prospect forget anna@example.com --yes'))
    .action((ref: string) => lifecycle().then((m) => m.forgetRun(ctx, ref)));
}
