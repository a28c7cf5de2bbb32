// `import prospects` through its verb: parse checks every flag before the store is opened, run returns what the
// import came to (counts, rejections, a dry run's rows), show ends a refused import with exit 65.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prospects } from '../../../src/commands/import/prospects.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storeCreated, storedDoc, tempDir, tempStore, withContext } from '../../helpers.js';

const csvFile = (text: string) => {
  const path = join(tempDir(), 'in.csv');
  writeFileSync(path, text);
  return path;
};

describe('import prospects (verb)', () => {
  it('parses the flags into typed options, before anything is opened', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => prospects.parse(['in.csv'], {
      onDuplicate: 'Skip', map: ['E-mail=email'], mapValue: ['Stage:lead=interested'], delimiter: 'tab', headerLine: '2', dateOrder: 'dmy', encoding: 'latin1', dryRun: true,
    }, ctx), { env: { PRECRM_COUNTRY: 'in', PRECRM_IMPORT_BATCH: '100' } });
    expect(options).toMatchObject({
      file: 'in.csv', onDuplicate: 'skip', country: 'IN', map: ['E-mail=email'], delimiter: '\t', headerLine: 2, dateOrder: 'dmy',
      encoding: 'latin1', dryRun: true, skipInvalid: false, batch: { rows: 100 }, format: 'table',
    });
    expect(options.values).toEqual([{ text: 'Stage:lead=interested', column: 'stage', value: 'lead', to: 'interested' }]);
    expect(await storeCreated(store)).toBe(false);
  });

  it('refuses bad flag values as usage errors', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      const refused = (flags: object) => expect(Promise.resolve().then(() => prospects.parse(['in.csv'], flags, ctx))).rejects.toMatchObject({ exitCode: EXIT.usage });
      await refused({ onDuplicate: 'replace' });
      await refused({ map: ['Mail=e-mail address'] });
      await refused({ delimiter: ';;' });
      await refused({ headerLine: '0' });
      await refused({ dateOrder: 'ymd' });
      await refused({ mapValue: ['no colon'] });
    });
  });

  it('run returns the counts and the rejected rows, and writes the valid ones with --skip-invalid', async () => {
    const store = await tempStore();
    const file = csvFile('name,email,stage\nRavi Sen,ravi@example.com,\nBad,bad@example.com,banana\nAsha,asha@example.com,\n');
    const result = await withContext(store, async (ctx) => prospects.run(ctx, await prospects.parse([file], { skipInvalid: true }, ctx)));
    expect(result).toMatchObject({ created: 2, merged: 0, skipped: 0, written: true, refused: false, rowCount: 3 });
    expect(result.rejected.map((r) => r.line)).toEqual([3]);
    expect((await storedDoc(store)).prospects.map((p) => p.name)).toEqual(['Ravi Sen', 'Asha']);
  });

  it('a refused import writes nothing and its result ends the command with exit 65 after the summary', async () => {
    const store = await tempStore();
    const file = csvFile('name,email,stage\nRavi Sen,ravi@example.com,\nBad,bad@example.com,banana\n');
    const { result, options } = await withContext(store, async (ctx) => {
      const options = await prospects.parse([file], {}, ctx);
      return { options, result: await prospects.run(ctx, options) };
    });
    expect(result).toMatchObject({ created: 1, written: false, refused: true });
    expect(await storeCreated(store)).toBe(false);
    const parts = prospects.show(result, options);
    expect(parts.at(-2)).toEqual({ kind: 'info', text: 'created 1, merged 0, skipped 0, rejected 1 (nothing written)' });
    expect(parts.at(-1)).toMatchObject({ kind: 'fail', error: { exitCode: EXIT.dataErr } });
  });

  it('a dry run under --format csv lists what each line would do, rejections among them', async () => {
    const store = await tempStore();
    const file = csvFile('name,email,stage\nRavi Sen,ravi@example.com,\nBad,bad@example.com,banana\n');
    const result = await withContext(store, async (ctx) => prospects.run(ctx, await prospects.parse([file], { dryRun: true }, ctx)), { global: { format: 'csv' } });
    expect(result.outcomes).toEqual([
      { line: 2, action: 'created', id: 1, reason: null },
      { line: 3, action: 'rejected', id: null, reason: expect.any(String) },
    ]);
    expect(result.written).toBe(false);
    expect(await storeCreated(store)).toBe(false);
  });

  it('prints the summary on stderr and nothing on stdout (argv level)', async () => {
    const store = await tempStore();
    const r = await run(store, ['import', 'prospects', csvFile('name,email\nRavi Sen,ravi@example.com\n')]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'created 1, merged 0, skipped 0, rejected 0\n' });
  });
});
