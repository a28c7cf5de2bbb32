// After a person's data was erased or removed: VACUUM FULL rewrites the tables that held it. A plain VACUUM only
// marks the dead row versions as free space and leaves their bytes in the table and index files, readable by
// anyone with the files; FULL writes new files without them. The server skips a table the role may not vacuum
// (README's team roles own none) or, with SKIP_LOCKED, one another session holds, with a warning: those are
// named, with the command the owner must run.
import type { NoticeMessage } from 'pg-protocol/dist/messages.js';
import { SQLSTATE } from './errors.js';
import type { PgRunner } from './session.js';
import type { PgSettings } from './settings.js';

/** The tables a person's data lives in. */
const ERASED_TABLES = ['prospects', 'prospect_tags', 'stage_history', 'consent', 'purchases', 'touches', 'responses'] as const;

interface VacuumSkip { table: string; why: 'permission' | 'busy' }

/** Rewrites the tables (waiting for no lock: a busy table is skipped, not waited for); returns those skipped. */
export async function vacuumErased(runner: PgRunner): Promise<VacuumSkip[]> {
  const skipped: VacuumSkip[] = [];
  // The server says which table it skipped only in a WARNING, and names it in double quotes in any language.
  const heard = (notice: NoticeMessage) => {
    const table = ERASED_TABLES.find((t) => notice.message?.includes(`"${t}"`));
    if (table && notice.severity === 'WARNING') skipped.push({ table, why: notice.code === SQLSTATE.lockNotAvailable ? 'busy' : 'permission' });
  };
  runner.client.on('notice', heard);
  try {
    await runner.run(`VACUUM (FULL, SKIP_LOCKED) ${ERASED_TABLES.join(', ')}`);
  } finally {
    runner.client.off('notice', heard);
  }
  return skipped;
}

/** One line: what was not vacuumed, why, and the exact command that finishes the erasure. */
export function vacuumWarning(skipped: readonly VacuumSkip[], s: Pick<PgSettings, 'user' | 'database'>): string {
  const names = (why: VacuumSkip['why']) => skipped.filter((k) => k.why === why).map((k) => k.table);
  const reasons = [
    names('permission').length ? `user "${s.user}" may not vacuum ${names('permission').join(', ')}` : '',
    names('busy').length ? `${names('busy').join(', ')} ${names('busy').length > 1 ? 'were' : 'was'} in use by another session` : '',
  ].filter(Boolean);
  return `the erased data is still in the server's table files (${reasons.join('; ')}): `
    + `to remove it, the owner of database "${s.database}" runs there: VACUUM FULL ${skipped.map((k) => k.table).join(', ')};`;
}
