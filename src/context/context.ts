// The injected world of one run, split by what commands need: terminal (streams, format, colour), clock (time, environment),
// stores (the store opener), prompts. A verb's run takes only the parts it uses.
import { Interruption } from '../interruption.js';
import { FORMATS } from '../output/render.js';
import { Clock } from './clock.js';
import { Prompts } from './prompts.js';
import { StoreOpener } from './stores.js';
import { Terminal } from './terminal.js';
import type { GlobalOptions, World } from './world.js';

export type { GlobalOptions, Prompter, World } from './world.js';
export { Clock, Prompts, StoreOpener, Terminal };

export class Context {
  readonly term: Terminal;
  readonly clock: Clock;
  readonly prompts: Prompts;
  readonly stores: StoreOpener;
  /** Shared by the store and every output file: a signal stops whichever write is under way. */
  readonly interruption: Interruption;

  constructor(world: World) {
    this.interruption = world.interruption ?? new Interruption();
    this.term = new Terminal(world);
    this.clock = new Clock(world);
    this.prompts = new Prompts(world);
    this.stores = new StoreOpener(world, this.interruption, this.prompts, (text) => this.term.warn(text));
  }

  /** Applies the global options once commander has parsed them (cli.ts's preAction hook). */
  async configure(opts: GlobalOptions, formats: readonly string[] = FORMATS): Promise<void> {
    await this.term.configure(opts, formats);
    this.prompts.configure(opts);
    this.stores.configure(opts);
    await this.clock.configure();
  }
}
