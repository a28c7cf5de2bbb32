// `precrm completion bash|zsh|fish`: prints a script to source. The scripts hand the words typed so far to
// `precrm __complete` (complete.ts), so commands, options, values and names come from precrm itself.
import type { Command } from 'commander';
import { parseChoice } from '../common/options.js';
import { examples } from '../common/examples.js';
import { text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOptions { shell: Shell }

export function register(parent: Command): Command {
  return parent.command('completion <shell>').description('print a shell completion script to source (bash, zsh or fish)')
    .addHelpText('after', examples(
      'source <(precrm completion bash)        # add this line to ~/.bashrc',
      'source <(precrm completion zsh)         # add to ~/.zshrc, after compinit',
      'precrm completion fish > ~/.config/fish/completions/precrm.fish',
    ));
}

export const parse = ([shell]: Args): CompletionOptions => ({ shell: parseChoice(shell as string, SHELLS, 'shell') });

/** The shell's script, loaded only when it is asked for. */
export async function run(_ctx: unknown, o: CompletionOptions): Promise<string> {
  const { completionScript } = await import('./scripts.js');
  return completionScript(o.shell);
}

export const show = (script: string): Shown => [text(script)];

export const completion: Verb<object, CompletionOptions, string> = { register, parse, run, show };
