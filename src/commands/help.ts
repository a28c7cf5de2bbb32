// Help that teaches: every command's --help ends with real examples, in one format.
export const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
