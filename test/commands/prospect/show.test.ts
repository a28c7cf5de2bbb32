// `prospect show` through its verb: run returns the record and its story (touches, referrals, purchases); show
// prints the story as JSON, draws it for a terminal, or gives the record's row to csv/tsv.
import { describe, expect, it } from 'vitest';
import * as show from '../../../src/commands/prospect/show.js';
import { run, storeWith, withContext } from '../../helpers.js';

describe('prospect show (verb)', () => {
  it('parse takes the reference and the format; run returns the record and its story', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com']);
    expect((await run(store, ['prospect', 'add', 'Anna', '--referred-by', 'ravi'])).code).toBe(0);
    expect((await run(store, ['touch', 'log', 'ravi', 'visit', 'tasted the rye'])).code).toBe(0);
    const result = await withContext(store, async (ctx) => {
      const options = show.parse(['ravi@example.com'], {}, ctx);
      expect(options).toEqual({ ref: 'ravi@example.com', format: 'json' });
      return show.run(ctx, options);
    }, { global: { json: true } });
    expect(result.prospect).toMatchObject({ id: 1, name: 'Ravi Sen' });
    expect(result.story).toMatchObject({ id: 1, name: 'Ravi Sen', touches: [{ type: 'visit', note: 'tasted the rye' }], referrals: [{ id: 2, name: 'Anna' }] });
  });

  it('show: JSON text, a drawing for a table, the record\'s row for csv', async () => {
    const store = await storeWith();
    const result = await withContext(store, async (ctx) => show.run(ctx, { ref: '1', format: 'table' }));
    expect(show.display(result, { ref: '1', format: 'json' })).toEqual([{ kind: 'text', text: `${JSON.stringify(result.story, null, 2)}\n`, form: 'json', paged: false }]);
    expect(show.display(result, { ref: '1', format: 'table' }).map((p) => p.kind)).toEqual(['drawn']);
    expect(show.display(result, { ref: '1', format: 'csv' })).toMatchObject([{ kind: 'rows', rows: [result.prospect] }]);
  });

  it('a reference that names nobody is not found (3) (argv level)', async () => {
    const store = await storeWith();
    const r = await run(store, ['prospect', 'show', 'nobody']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  });
});
