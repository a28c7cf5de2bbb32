// `convert` through its verb: parse reads the price and the day, run converts in one transaction and returns the result.
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/commands/convert/convert.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

/** Ravi, added on the 1st and touched on the 2nd, who referred Anna. */
async function shop(): Promise<string> {
  const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-03-01T10:00:00Z' });
  await run(store, ['touch', 'log', 'ravi', 'sample'], { now: '2026-03-02T10:00:00Z' });
  await run(store, ['prospect', 'add', 'Anna Berg', '--referred-by', 'ravi'], { now: '2026-03-03T10:00:00Z' });
  return store;
}

describe('convert (verb)', () => {
  it('parses the amount, its currency, the product and the day, before anything is opened', async () => {
    const store = await shop();
    const options = await withContext(store, async (ctx) => convert.parse(['ravi'], { value: '€38,50', product: ' sourdough ', at: 'yesterday' }, ctx));
    expect(options).toEqual({
      ref: 'ravi', format: 'table', sale: { at: '2026-03-09T12:00:00.000Z', value: 38.5, currency: 'EUR', product: 'sourdough' },
    });
    await withContext(store, async (ctx) => {
      expect(() => convert.parse(['ravi'], { value: '-5' }, ctx)).toThrow(/negative/);
      expect(() => convert.parse(['ravi'], { value: '€5', currency: 'INR' }, ctx)).toThrow(/is in EUR but --currency is INR/);
      expect(() => convert.parse(['ravi'], { at: 'tomorrow' }, ctx)).toThrow(/after today/);
    });
  });

  it('run returns the customer, how long and how many touches it took, and who was promoted; the store holds it', async () => {
    const store = await shop();
    const result = await withContext(store, async (ctx) => convert.run(ctx, await convert.parse(['ravi'], { value: '250', currency: 'INR' }, ctx)));
    expect(result.prospect).toMatchObject({ id: 1, stage: 'advocate', conversion: { at: '2026-03-10T12:00:00.000Z', value: 250, currency: 'INR', product: null } });
    expect([result.calendarDaysToConvert, result.touchesBeforeConversion]).toEqual([9, 1]);
    expect(result.promoted.map((p) => p.id)).toEqual([1]);
    expect((await storedDoc(store)).prospects[0]).toEqual(result.prospect);
  });

  it('prints the id and says how it went; JSON is the record with days to convert (argv level)', async () => {
    const store = await shop();
    expect(await run(store, ['convert', 'anna'])).toEqual({
      code: 0, stdout: '2\n', stderr: 'Anna Berg (2) is a customer: 7 day(s) after being added, 0 touch(es) before the purchase\n',
    });
    const json = await run(store, ['convert', 'ravi', '--json']);
    expect(json.stderr).toBe('Ravi Sen (1) is a customer: 9 day(s) after being added, 1 touch(es) before the purchase\nRavi Sen (1) is now an advocate (a customer who referred someone)\n');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 1, stage: 'advocate', daysToConvert: 9, touchesBeforeConversion: 1 });
  });
});
