// The line bash hands its completion function, read as bash would quote it: words unquoted, `$(…)`, backticks and
// globs kept as typed, never run or expanded (bash-reply.ts writes the candidates back).

/** The quoting in force at the end of some text: none, '…', "…" or $'…'. */
export type Quote = '' | "'" | '"' | "$'";

/** The words of the command being completed, unquoted, and the word under the cursor as typed. */
export interface BashLine { words: string[]; current: { raw: string; value: string; quote: Quote } }

const SEPARATORS = new Set([';', '&', '|', '(', ')', '\n']);
const BLANKS = new Set([' ', '\t']);
const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v' };

/** A word being read: its value so far (bytes from $'\xHH' are decoded as UTF-8 when the run of them ends). */
class Word {
  value = '';
  private bytes: number[] = [];
  add(text: string): void { this.flush(); this.value += text; }
  addByte(byte: number): void { this.bytes.push(byte); }
  flush(): string {
    if (this.bytes.length) this.value += Buffer.from(this.bytes).toString('utf8');
    this.bytes = [];
    return this.value;
  }
}

/**
 * Splits the line up to the cursor into the words of its last command (the command name and `NAME=value`
 * assignments dropped, redirections skipped): quotes and backslashes removed, nothing expanded.
 */
export function readBashLine(line: string): BashLine {
  const reader = new LineReader();
  for (let i = 0; i < line.length; i++) i = reader.step(line, i);
  return reader.result(line);
}

class LineReader {
  private words: string[] = [];
  private word: Word | null = null;
  private start = 0;
  private quote: Quote = '';
  private redirect = false;

  /** Reads from `i`; returns the index of the last character read. */
  step(line: string, i: number): number {
    const c = line[i]!;
    if (this.quote) {
      i = readQuoted(line, i, this.quote, this.word!);
      if (i < line.length) this.quote = '';
      return i;
    }
    if (BLANKS.has(c) || SEPARATORS.has(c)) {
      this.endWord();
      if (SEPARATORS.has(c)) this.words = [];
      return i;
    }
    if (c === '<' || c === '>') return this.redirection(line, i);
    if (!this.word) [this.word, this.start] = [new Word(), i];
    if (c === '\\') {
      if (i + 1 < line.length && line[i + 1] !== '\n') this.word.add(line[i + 1]!);
      return i + 1;
    }
    if (c === '`' || (c === '$' && line[i + 1] === '(')) return this.substitution(line, i);
    if (c === "'" || c === '"') this.quote = c;
    else if (c === '$' && (line[i + 1] === "'" || line[i + 1] === '"')) {
      this.quote = line[i + 1] === "'" ? "$'" : '"';
      return i + 1;
    } else this.word.add(c);
    return i;
  }

  /** `$(…)` or a backtick span: one piece of the word, kept as typed (never run), up to its end or the line's. */
  private substitution(line: string, i: number): number {
    const backtick = line[i] === '`';
    let j = i + 1;
    for (let depth = 0; j < line.length; j++) {
      const c = line[j];
      if (c === '\\') j++;
      else if (backtick && c === '`') break;
      else if (!backtick && c === '(') depth++;
      else if (!backtick && c === ')' && --depth === 0) break;
    }
    this.word!.add(line.slice(i, j + 1));
    return j;
  }

  /** `>`, `2>>`, `<&`, `>|`…: the operator and the word after it are not arguments (a file descriptor before it neither). */
  private redirection(line: string, i: number): number {
    if (this.word && /^\d+$/.test(this.word.flush())) this.word = null;
    this.endWord();
    while ('<>&|'.includes(line[i + 1] ?? 'x')) i++;
    this.redirect = true;
    return i;
  }

  private endWord(): void {
    if (this.word && !this.redirect) this.words.push(this.word.flush());
    else if (this.word) this.redirect = false;
    this.word = null;
  }

  result(line: string): BashLine {
    const word = this.word;
    const current = { raw: word ? line.slice(this.start) : '', value: word ? word.flush() : '', quote: this.quote };
    return { words: dropCommand(this.words), current };
  }
}

const closing = (quote: Quote): string => (quote === '"' ? '"' : "'");

/** Reads inside a quote from `i` up to (not past) its closing character; returns that character's index. */
function readQuoted(line: string, i: number, quote: Quote, word: Word): number {
  for (; i < line.length && line[i] !== closing(quote); i++) {
    const c = line[i]!;
    if (c !== '\\' || quote === "'" || i + 1 >= line.length) word.add(c);
    else if (quote === '"') {
      const next = line[++i]!;
      if (next !== '\n') word.add('$`"\\'.includes(next) ? next : `\\${next}`);
    } else i = readAnsiEscape(line, i + 1, word);
  }
  return i;
}

/** One escape of $'…' starting at `i` (after the backslash); returns the index of its last character. */
function readAnsiEscape(line: string, i: number, word: Word): number {
  const c = line[i]!;
  const run = (re: RegExp) => re.exec(line.slice(i))![0];
  if (c === 'x' && /^[0-9a-fA-F]/.test(line[i + 1] ?? '')) {
    const hex = run(/^x[0-9a-fA-F]{1,2}/);
    word.addByte(parseInt(hex.slice(1), 16));
    return i + hex.length - 1;
  }
  if (/[0-7]/.test(c)) {
    const oct = run(/^[0-7]{1,3}/);
    word.addByte(parseInt(oct, 8) & 0xff);
    return i + oct.length - 1;
  }
  if ((c === 'u' || c === 'U') && /^[0-9a-fA-F]/.test(line[i + 1] ?? '')) {
    const hex = run(c === 'u' ? /^u[0-9a-fA-F]{1,4}/ : /^U[0-9a-fA-F]{1,8}/);
    word.add(String.fromCodePoint(Math.min(parseInt(hex.slice(1), 16), 0x10ffff)));
    return i + hex.length - 1;
  }
  word.add(ANSI[c] ?? ('\\\'"?'.includes(c) ? c : `\\${c}`));
  return i;
}

/** The arguments of the command: its name and any `NAME=value` before it are not. */
function dropCommand(words: string[]): string[] {
  const name = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  return name < 0 ? [] : words.slice(name + 1);
}
