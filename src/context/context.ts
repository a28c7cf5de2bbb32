// The injected world of one run, split by what commands need: terminal (streams, format, colour), clock (time, environment),
// stores (the store opener), prompts. A verb's run takes only the parts it uses.
import { Interruption } from '../interruption.js';
import { FORMATS, type Format } from '../output/render.js';
import type { TerminalForm } from '../output/text.js';
import type { OpenOptions, StoreLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import { Clock } from './clock.js';
import { Prompts } from './prompts.js';
import { StoreOpener } from './stores.js';
import { Terminal } from './terminal.js';
import type { GlobalOptions, Prompter, World } from './world.js';

export type { GlobalOptions, Prompter, World } from './world.js';
export { Clock, Prompts, StoreOpener, Terminal };

export class Context {
  readonly term: Terminal;
  readonly clock: Clock;
  readonly prompts: Prompts;
  readonly stores: StoreOpener;
  /** Shared by the store and every output file: a signal stops whichever write is under way. */
  readonly interruption: Interruption;

  constructor(readonly world: World) {
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

  // ---- Transitional: the undivided Context's members, each forwarding to its part. Removed once every command
  // ---- uses the parts (ctx.term / ctx.clock / ctx.stores / ctx.prompts).
  /** @deprecated ctx.term.format */ get format(): Format { return this.term.format; }
  /** @deprecated ctx.term.formatName */ get formatName(): string { return this.term.formatName; }
  /** @deprecated ctx.term.quiet */ get quiet(): boolean { return this.term.quiet; }
  /** @deprecated ctx.term.columns */ get columns(): string | undefined { return this.term.columns; }
  /** @deprecated ctx.prompts.yes */ get yes(): boolean { return this.prompts.yes; }
  /** @deprecated ctx.clock.now() */ now(): Date { return this.clock.now(); }
  /** @deprecated ctx.stores.user */ get user(): string { return this.stores.user; }
  /** @deprecated ctx.stores.location */ get storeLocation(): StoreLocation { return this.stores.location; }
  /** @deprecated ctx.stores.label */ get storeLabel(): string { return this.stores.label; }
  /** @deprecated ctx.stores.options() */ storeOptions(): OpenOptions { return this.stores.options(); }
  /** @deprecated ctx.stores.open() */ openStore(): Promise<Store> { return this.stores.open(); }
  /** @deprecated ctx.stores.warnIfMissing() */ warnIfStoreMissing(): Promise<void> { return this.stores.warnIfMissing(); }
  /** @deprecated ctx.stores.close() */ closeStore(): Promise<void> { return this.stores.close(); }
  /** @deprecated ctx.prompts.canPrompt */ get canPrompt(): boolean { return this.prompts.canPrompt; }
  /** @deprecated ctx.prompts.prompter */ get prompter(): Prompter { return this.prompts.prompter; }
  /** @deprecated ctx.term.color */ get color() { return this.term.color; }
  /** @deprecated ctx.term.stdoutIsTTY */ get stdoutIsTTY(): boolean { return this.term.stdoutIsTTY; }
  /** @deprecated ctx.term.out */ out(text: string, form?: TerminalForm): void { this.term.out(text, form); }
  /** @deprecated ctx.term.terminalWidth */ get terminalWidth(): number | undefined { return this.term.terminalWidth; }
  /** @deprecated ctx.term.helpWidth */ helpWidth(stream: 'out' | 'err'): number { return this.term.helpWidth(stream); }
  /** @deprecated ctx.term.page */ page(text: string, form?: TerminalForm): Promise<void> { return this.term.page(text, form); }
  /** @deprecated ctx.term.info */ info(text: string): void { this.term.info(text); }
  /** @deprecated ctx.term.warn */ warn(text: string): void { this.term.warn(text); }
}
