// What write commands share: printing the affected record(s) (confirmations are ctx.prompts.confirmDestructive).
import type { Context } from '../../context/context.js';

/** Write commands print the id (one per line), or the whole record with --format json. */
export function printWritten(ctx: Context, records: readonly { id: number }[]): void {
  if (ctx.term.format === 'json') ctx.term.out(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
  else ctx.term.out(records.map((r) => `${r.id}\n`).join(''));
}
