// ~/.pgpass as libpq reads it: `host:port:database:user:password` lines, `*` matching anything, `\:` and `\\`
// escaped, the first match wins, and the file ignored unless only its owner may read it. Written here rather than
// taken from the `pgpass` package because that one reads process.env and prints its warnings to process.stderr.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PgSettings } from './settings.js';

/** The fields of one line, unescaped; null for comments, blank lines and lines without five fields. */
export function parsePgpassLine(line: string): string[] | null {
  if (line.trim() === '' || line.startsWith('#')) return null;
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) current += line[++i];
    else if (ch === ':' && fields.length < 4) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.length === 5 ? fields : null;
}

/** The password ~/.pgpass (or PGPASSFILE) holds for these settings, if any. */
export function pgpassPassword(
  s: Pick<PgSettings, 'host' | 'port' | 'database' | 'user'>,
  env: Record<string, string | undefined>,
  homedir: string,
): string | undefined {
  const file = env.PGPASSFILE || join(env.HOME || homedir, '.pgpass');
  let text: string;
  try {
    const st = statSync(file);
    // libpq ignores a password file that others may read (and says so); so does precrm.
    if (!st.isFile() || (st.mode & 0o077) !== 0) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // A Unix socket connection matches the host name `localhost`, as in libpq.
  const host = s.host.startsWith('/') ? 'localhost' : s.host;
  const wanted = [host, String(s.port), s.database, s.user];
  for (const line of text.split(/\r?\n/)) {
    const fields = parsePgpassLine(line);
    if (fields && wanted.every((w, i) => fields[i] === '*' || fields[i] === w)) return fields[4];
  }
  return undefined;
}
