// Prompts: asked only with a terminal on stdin and without --no-input (a prompt without a TTY would hang); --yes answers confirmations.
import { EXIT, PrecrmError, usageError } from '../domain/errors.js';
import type { GlobalOptions, Prompter, World } from './world.js';

export class Prompts {
  /** --yes: destructive actions are confirmed without asking. */
  yes = false;
  private noInput = false;

  constructor(private readonly world: World) {}

  configure(opts: GlobalOptions): void {
    this.yes = Boolean(opts.yes);
    this.noInput = opts.input === false;
  }

  get canPrompt(): boolean {
    return Boolean(this.world.stdin.isTTY) && !this.noInput;
  }

  get prompter(): Prompter {
    if (!this.canPrompt) throw new PrecrmError('internal: prompt requested without a terminal', EXIT.internal);
    return this.world.prompter ?? inquirerPrompter(this.world);
  }

  /** Asks in a terminal; outside one, --yes is required. Returns false when the user declines. */
  async confirmDestructive(question: string, flagHint: string): Promise<boolean> {
    if (this.yes) return true;
    if (!this.canPrompt) throw usageError(`${flagHint} needs --yes when it cannot ask (no terminal or --no-input)`);
    return this.prompter.confirm(question, false);
  }
}

/** The real prompts, loaded only when a command asks something; they write to stderr so stdout stays data. */
function inquirerPrompter(world: World): Prompter {
  const io = () => ({ input: world.stdin.stream as NodeJS.ReadableStream, output: world.stderr as unknown as NodeJS.WritableStream });
  return {
    async input(message, opts) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, default: opts?.default, validate: opts?.validate }, io());
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue }, io());
    },
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select({ message, choices: choices.map((c) => ({ value: c, name: c })), default: defaultValue }, io());
    },
    async number(message, { min, max }) {
      const { number } = await import('@inquirer/prompts');
      return number({ message, min, max, step: 1, required: false }, io());
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      return password({ message, mask: false }, io());
    },
  };
}
