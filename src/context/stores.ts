// The store opener: where the data lives (--store, PRECRM_STORE, the XDG default), opening it once per command, closing it, and who writes.
import { join } from 'node:path';
import { usageError } from '../domain/errors.js';
import type { Interruption } from '../interruption.js';
import { describeLocation, openStore, parseLocation, pgLoginRole, type OpenOptions, type StoreLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { GlobalOptions, World } from './world.js';
import type { Prompts } from './prompts.js';

export class StoreOpener {
  private path: string | undefined;
  private instance: Promise<Store> | undefined;
  private used = false;

  constructor(
    private readonly world: World,
    /** Shared by the store and every output file: a signal stops whichever write is under way. */
    readonly interruption: Interruption,
    private readonly prompts: Prompts,
    private readonly warn: (text: string) => void,
  ) {}

  configure(opts: GlobalOptions): void {
    this.path = opts.store ?? this.world.env.PRECRM_STORE;
  }

  /** Where the data lives: --store / PRECRM_STORE (a path resolved against the working folder, or a URL), else the XDG default. */
  get location(): StoreLocation {
    if (this.path) return parseLocation(this.path, this.world.cwd);
    const dataHome = this.world.env.XDG_DATA_HOME || join(this.world.homedir, '.local', 'share');
    return { kind: 'json', path: join(dataHome, 'precrm', 'store.json') };
  }

  /** The location for messages and `store path`: never a password. */
  get label(): string {
    return describeLocation(this.location);
  }

  /** The staff name recorded as `by`: PRECRM_USER, else (on PostgreSQL) the role the store URL logs in as, else the OS user. */
  get user(): string {
    const { env, osUser } = this.world;
    const loc = this.location;
    return env.PRECRM_USER || (loc.kind === 'postgres' ? pgLoginRole(loc.url, env, osUser) : undefined) || osUser;
  }

  /**
   * Lock and connection timeouts for opening a store (this one, or a migration target), and what a write needs to
   * know of this process: its id (for temp file names) and the signals received meanwhile.
   */
  options(): OpenOptions {
    const { env, homedir, osUser } = this.world;
    const prompter = this.prompts.canPrompt ? this.prompts.prompter : undefined;
    const askPassword = prompter?.password?.bind(prompter);
    return {
      lockTimeoutMs: milliseconds('PRECRM_LOCK_TIMEOUT', env.PRECRM_LOCK_TIMEOUT, 10_000),
      connectTimeoutMs: milliseconds('PRECRM_CONNECT_TIMEOUT', env.PRECRM_CONNECT_TIMEOUT, 10_000),
      server: { env, homedir, osUser, askPassword, warn: this.warn },
      pid: this.world.pid,
      interruption: this.interruption,
    };
  }

  /** The store, opened once per command (connects and creates nothing until it is used). */
  open(): Promise<Store> {
    this.used = true;
    this.instance ??= Promise.resolve().then(() => openStore(this.location, this.options()));
    return this.instance;
  }

  /**
   * After a command that used the store: a store file that still does not exist means the command read nothing,
   * which is right on a first run but, from a crontab with a typo in --store, would mean "nothing due" forever.
   * Say so on stderr (even with -q); the exit code and stdout stay as they are.
   */
  async warnIfMissing(): Promise<void> {
    const opened = this.used ? this.instance : undefined;
    const store = await opened?.catch(() => undefined);
    if (!store || !(await store.absent().catch(() => false))) return;
    const what = store.kind === 'postgres' ? `the database ${store.describe()} holds no precrm store` : `the store ${store.describe()} does not exist`;
    this.warn(`${what}, so there was nothing to read (check --store or PRECRM_STORE; it is created by the first write)`);
  }

  /** Closes the store if a command opened it (run.ts calls this once the command ends). */
  async close(): Promise<void> {
    const opened = this.instance;
    this.instance = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

function milliseconds(name: string, raw: string | undefined, fallback: number): number {
  const ms = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw usageError(`${name} "${raw}" is not a number of milliseconds`);
  return ms;
}
