// What `precrm __complete` reads from each shell and writes back. Bash hands over the typed line and gets replies
// already quoted for readline; zsh and fish hand over unquoted words and quote candidates themselves (compadd, fish's
// own insertion), so they get values as stored, NUL-terminated because a stored name may hold a line break.
import { oneLine } from '../../output/text.js';
import { bashReply, bashSlot } from './bash-reply.js';
import { readBashLine } from './bash-line.js';
import type { Shell } from './completion.js';

export interface Candidate { value: string; description?: string }
/** Printed instead of candidates where a file name is wanted: the script falls back to the shell's own file completion. */
export const FILES = '__files__';

/** The words typed (unquoted, the last one being completed) and how to write the candidates for the shell. */
export interface Request { words: string[]; answer(candidates: readonly Candidate[]): string }

/**
 * bash: `-- LINE WORD`, the line up to the cursor and readline's word (bash's `$2`); zsh and fish: `-- WORDS…`,
 * unquoted by the shell. Null for a request that cannot be answered.
 */
export function requestFrom(shell: Shell, args: readonly string[]): Request | null {
  if (shell !== 'bash') return args.length ? { words: [...args], answer: shell === 'zsh' ? zshAnswer : fishAnswer } : null;
  const [line, replaced] = args;
  if (line === undefined || replaced === undefined) return null;
  const { words, current } = readBashLine(line);
  const slot = bashSlot(current, replaced);
  if (!slot) return null;
  const reply = (c: Candidate) => (c.value === FILES ? FILES : bashReply(c.value, slot));
  return { words: [...words, current.value], answer: (candidates) => candidates.map(reply).flatMap((r) => (r === null ? [] : [`${r}\n`])).join('') };
}

/** Value and what the list shows for it, each NUL-terminated: compadd quotes the value, `-d` shows the second. */
function zshAnswer(candidates: readonly Candidate[]): string {
  const shown = (c: Candidate) => (c.description ? `${oneLine(c.value)}  -- ${oneLine(c.description)}` : oneLine(c.value));
  return candidates.map((c) => `${c.value}\0${shown(c)}\0`).join('');
}

/** `value<TAB>description`, NUL-terminated. Fish reads a tab as the start of the description: such a value is left out. */
function fishAnswer(candidates: readonly Candidate[]): string {
  return candidates.filter((c) => !c.value.includes('\t'))
    .map((c) => `${c.value}${c.description ? `\t${oneLine(c.description)}` : ''}\0`).join('');
}
