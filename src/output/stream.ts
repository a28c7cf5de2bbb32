// Where output goes: a terminal or a pipe, as far as the output layer needs to know (main.ts hands in the real ones).

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's size, when it is one (process.stdout.columns / rows). */
  columns?: number;
  rows?: number;
}
