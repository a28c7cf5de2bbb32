// Temp folders for tests, removed after the test that made them (test/setup.ts runs the removal after every test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];

/** A fresh temp folder removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'precrm-test-'));
  dirs.push(d);
  return d;
}

/** Removes the folders tempDir() made since the last call. */
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
