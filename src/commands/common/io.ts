// What write commands share: printing the affected record(s) and confirming destructive actions.
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';

/** Write commands print the id (one per line), or the whole record with --format json. */
export function printWritten(ctx: Context, records: readonly { id: number }[]): void {
  if (ctx.term.format === 'json') ctx.term.out(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
  else ctx.term.out(records.map((r) => `${r.id}\n`).join(''));
}

/** Asks in a terminal; outside one, --yes is required. Returns false when the user declines. */
export async function confirmDestructive(ctx: Context, question: string, flagHint: string): Promise<boolean> {
  if (ctx.prompts.yes) return true;
  if (!ctx.prompts.canPrompt) throw usageError(`${flagHint} needs --yes when it cannot ask (no terminal or --no-input)`);
  return ctx.prompts.prompter.confirm(question, false);
}
