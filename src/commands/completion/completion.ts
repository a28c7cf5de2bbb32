// `precrm completion bash|zsh|fish`: prints a script to source. The scripts hand the words typed so far to
// `precrm __complete` (complete.ts), so commands, options, values and names come from precrm itself.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { parseChoice } from '../common/options.js';
import { examples } from '../common/examples.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function registerCompletion(program: Command, ctx: Context): void {
  program.command('completion <shell>').description('print a shell completion script to source (bash, zsh or fish)')
    .addHelpText('after', examples(
      'source <(precrm completion bash)        # add this line to ~/.bashrc',
      'source <(precrm completion zsh)         # add to ~/.zshrc, after compinit',
      'precrm completion fish > ~/.config/fish/completions/precrm.fish',
    ))
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion-scripts.js');
      ctx.term.out(completionScript(parseChoice(shell, SHELLS, 'shell')));
    });
}
