// `export prospects` through its verb: parse decides the format and the filter, run returns the prospects, show
// hands them to stdout or the file with every field's column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prospects } from '../../../src/commands/export/prospects.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storeWith, tempDir, withContext } from '../../helpers.js';

async function twoProspects(): Promise<string> {
  const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--tag', 'cakes']);
  await run(store, ['prospect', 'add', 'Asha', '--email', 'asha@example.com']);
  return store;
}

describe('export prospects (verb)', () => {
  it('parses csv as the default format, a file\'s extension, an explicit --format; refuses an explicit table', async () => {
    const store = await twoProspects();
    await withContext(store, async (ctx) => {
      expect(await prospects.parse([], { tag: ['cakes'] }, ctx)).toEqual({ filter: { tags: ['cakes'] }, out: { format: 'csv', output: undefined, excel: undefined } });
      expect((await prospects.parse([], { output: 'p.xlsx' }, ctx)).out).toEqual({ format: 'xlsx', output: 'p.xlsx', excel: undefined });
    });
    await withContext(store, async (ctx) => expect((await prospects.parse([], {}, ctx)).out.format).toBe('tsv'), { global: { format: 'tsv' } });
    await withContext(store, async (ctx) => {
      expect(() => prospects.parse([], {}, ctx)).toThrow(expect.objectContaining({ exitCode: EXIT.usage }));
    }, { global: { format: 'table' } });
  });

  it('run returns the prospects the filter keeps, with the columns they are exported in', async () => {
    const store = await twoProspects();
    const all = await withContext(store, async (ctx) => prospects.run(ctx, await prospects.parse([], {}, ctx)));
    expect(all.prospects.map((p) => p.name)).toEqual(['Ravi Sen', 'Asha']);
    expect(all.columns.map((c) => c.key).slice(0, 3)).toEqual(['id', 'name', 'email']);
    const tagged = await withContext(store, async (ctx) => prospects.run(ctx, await prospects.parse([], { tag: ['cakes'] }, ctx)));
    expect(tagged.prospects.map((p) => p.email)).toEqual(['ravi@example.com']);
  });

  it('-o FILE writes the file and says so on stderr (argv level)', async () => {
    const store = await twoProspects();
    const file = join(tempDir(), 'out.csv');
    const r = await run(store, ['export', 'prospects', '-o', file, '--tag', 'cakes']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `wrote 1 prospect(s) to ${file}\n` });
    expect(readFileSync(file, 'utf8').split('\n')[1]).toMatch(/^1,Ravi Sen,/);
  });
});
