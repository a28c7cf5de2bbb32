// Help that teaches: every command's --help ends with real examples, in one format, wrapped to the terminal.
import type { AddHelpTextContext } from 'commander';

/**
 * Shell words of an example, quotes kept, an option and its value as one unit so a wrap never parts them:
 * `touch log ravi "waved back" --at 3d` → [touch, log, ravi, "waved back", --at 3d].
 */
function words(line: string): string[] {
  const all = line.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  const units: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const next = all[i + 1];
    if (all[i]!.startsWith('--') && !all[i]!.includes('=') && next !== undefined && !/^[-|>]/.test(next)) units.push(`${all[i]} ${all[++i]}`);
    else units.push(all[i]!);
  }
  return units;
}

/** One example as shell lines no wider than `width`, continued with ` \` (a single word longer than that stays whole). */
export function wrapExample(line: string, width: number): string[] {
  const first = '  $ ';
  const next = '      ';
  const lines: string[] = [];
  let current = first;
  for (const word of words(line)) {
    const start = current === first || current === next;
    if (!start && current.length + 1 + word.length + 2 > width) {
      lines.push(`${current} \\`);
      current = next + word;
    } else current += (start ? '' : ' ') + word;
  }
  lines.push(current);
  return lines;
}

/** The "Examples:" block for addHelpText('after', …), wrapped to the width of the stream the help goes to. */
export const examples = (...lines: string[]) => (context: AddHelpTextContext): string => {
  const output = context.command.configureOutput();
  const width = (context.error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
  return `\nExamples:\n${lines.flatMap((l) => wrapExample(l, width)).join('\n')}\n`;
};
