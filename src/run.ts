// runCli(argv, world) → exit code: parses, runs, and turns every error into a message and a code.
import { CommanderError } from 'commander';
import { Context, type World } from './context/context.js';
import { EXIT, PrecrmError } from './domain/errors.js';
import { createProgram } from './cli.js';
import { exitCodeFor } from './interruption.js';
import { sanitizeForTerminal } from './output/text.js';

export async function runCli(argv: readonly string[], world: World): Promise<number> {
  // A shell's completion request: its own quiet path, so no error can ever reach the command line being typed.
  if (argv[0] === '__complete') return (await import('./commands/completion/complete.js')).completeWords(argv.slice(1), world, createProgram);
  const ctx = new Context(world);
  try {
    const program = createProgram(ctx);
    await program.parseAsync([...argv], { from: 'user' });
    await ctx.stores.warnIfMissing();
    await ctx.stores.close();
    const signal = ctx.interruption.signal;
    if (signal === null) return EXIT.ok;
    // The signal came during a write that had already reached its rename: the change is in, the command is not.
    world.stderr.write(`${ctx.interruption.outcome}\n`);
    return exitCodeFor(signal);
  } catch (err) {
    const code = reportError(err, ctx, world);
    // "no prospect matches" from a store that is not there is the same typo; other failures say what they are.
    if (code === EXIT.notFound) await ctx.stores.warnIfMissing().catch(() => undefined);
    await ctx.stores.close().catch(() => undefined);
    return code;
  }
}

function reportError(err: unknown, ctx: Context, world: World): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message; help and --version end in success.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof PrecrmError && (err.exitCode === EXIT.interrupted || err.exitCode === EXIT.terminated)) {
    world.stderr.write(`${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof PrecrmError) {
    // Messages quote what the user typed or stored (a name with ESC codes): never raw to a terminal.
    world.stderr.write(`error: ${sanitizeForTerminal(err.message)}\n`);
    for (const line of err.details) world.stderr.write(`  ${sanitizeForTerminal(line)}\n`);
    return err.exitCode;
  }
  const name = (err as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') {
    world.stderr.write('interrupted\n');
    return EXIT.interrupted;
  }
  // The message of an unexpected error may quote a customer's data, so it is shown only on request.
  const kind = (err as NodeJS.ErrnoException)?.code ?? name ?? typeof err;
  world.stderr.write(`error: unexpected internal error (${kind})\n`);
  if (world.env.PRECRM_DEBUG) world.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  else world.stderr.write('  (this is a bug; rerun with PRECRM_DEBUG=1 to see the details and stack trace, and report it)\n');
  void ctx;
  return EXIT.internal;
}
