// A CSV is never read whole (one string over ~512 MB ends in ERR_STRING_TOO_LONG, and a 200 MB file took 2.9 GB):
// here any whole-file read of the import's input fails the command, and the import still works, from a file or a FIFO.
// The memory figures for 1 GB files are measured by the benchmark (bench/run.mjs --import-memory).
import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, tempDir, tempStore, storedDoc } from '../helpers.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((path: unknown, ...rest: unknown[]) => {
    if (/\.csv$|fifo$/.test(String(path))) return Promise.reject(new Error(`read whole: ${String(path)}`));
    return (fs.readFile as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});

const rows = (n: number) => `name,email\n${Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com`).join('\n')}\n`;

describe('an import never reads its input whole', () => {
  it('a file over several batches is imported chunk by chunk', async () => {
    const store = await tempStore();
    const file = join(tempDir(), 'big.csv');
    writeFileSync(file, rows(2500));
    const r = await run(store, ['import', 'prospects', file], { env: { PRECRM_IMPORT_BATCH: '1000' } });
    expect(r).toMatchObject({ code: 0, stderr: 'created 2500, merged 0, skipped 0, rejected 0\n' });
    expect((await storedDoc(store)).prospects).toHaveLength(2500);
  });

  it('a FIFO (as from `<(…)`) is read once and kept for the second pass', async () => {
    const store = await tempStore();
    const fifo = join(tempDir(), 'in.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.end(rows(25));
    const r = await run(store, ['import', 'prospects', fifo], { env: { PRECRM_IMPORT_BATCH: '10' } });
    expect(r).toMatchObject({ code: 0, stderr: 'created 25, merged 0, skipped 0, rejected 0\n' });
  });
});
