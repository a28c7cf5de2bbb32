// Shared checks for the hostile-input tests: a clean refusal or a faithful write, never a crash or a broken store.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, tempDir, type RunResult } from '../helpers.js';

export const MB = 1_000_000;

/** A refusal: the documented exit code, one `error:` line naming the problem, no stack trace. */
export function expectRefused(r: RunResult, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  // import prints its summary first; the error is the first line that starts with `error:`.
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  expect(errors, r.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expectNoCrash(r);
}

export function expectNoCrash(r: RunResult): void {
  expect(r.code, r.stderr).not.toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at /); // a stack frame
  expect(r.stderr).not.toMatch(/unexpected internal error/);
}

/** The store still parses and passes `store check`; returns the parsed document. */
export async function expectSound(store: string) {
  const check = await run(store, ['store', 'check']);
  expect(check.code, check.stderr).toBe(0);
  return JSON.parse(readFileSync(store, 'utf8'));
}

/** Runs `args` and checks that it was refused and left the store file byte for byte as it was. */
export async function expectRefusedUnchanged(store: string, args: string[], code: number, message: RegExp): Promise<RunResult> {
  const before = existsSync(store) ? readFileSync(store) : null;
  const r = await run(store, args);
  expectRefused(r, code, message);
  if (before === null) expect(existsSync(store)).toBe(false);
  else expect(readFileSync(store).equals(before)).toBe(true);
  return r;
}

/** Writes a CSV file in a temp folder and returns its path. */
export function csvFile(text: string): string {
  const path = join(tempDir(), 'in.csv');
  writeFileSync(path, text);
  return path;
}

/** Characters that would move the cursor, recolour the terminal or reorder a line if printed raw. */
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
