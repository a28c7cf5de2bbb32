import { describe, expect, it } from 'vitest';
import { run, storeBytes, storeCreated, storedDoc, tempStore } from '../helpers.js';

const docOf = (store: string) => storedDoc(store) as Promise<any>;
/** Runs a command as of a local (UTC in tests) moment, the way the sample script does. */
const at = (store: string, when: string, args: string[]) => run(store, args, { now: `${when}:00.000Z` });

describe('the bakery story, end to end', () => {
  it('walk-in noticed → daily greetings → sample → conversion → father and friends referred → advocate', async () => {
    const s = (await tempStore());
    // January: Mitra notices a passer-by and starts greeting him every evening.
    expect((await at(s, '2026-01-05T17:10', ['prospect', 'add', 'Ravi Sen', '--source', 'walk-in', '--stage', 'aware', '--cadence', '1d'])).stdout).toBe('1\n');
    await at(s, '2026-01-05T18:00', ['touch', 'log', 'ravi', 'greeting', 'nodded', '--direction', 'out']);
    expect((await docOf(s)).prospects[0].stage).toBe('aware');
    // The next evening nobody greeted him yet: the cadence puts him on the morning list.
    const due = await at(s, '2026-01-06T09:00', ['due', '--format', 'csv']);
    expect(due.stdout.split('\n')[1]).toMatch(/^1,Ravi Sen,cadence,2026-01-06,0,2026-01-05T18:00:00.000Z,greeting,aware,/);
    await at(s, '2026-01-06T18:00', ['touch', 'log', 'ravi', 'greeting', 'he said hello first', '--direction', 'in']);
    expect((await docOf(s)).prospects[0].stage).toBe('interested');
    expect((await at(s, '2026-01-06T19:00', ['due', '--json'])).stdout).toBe('[]\n');
    // A slice of cake and the kitchen: engaged, with a follow-up.
    await at(s, '2026-01-20T18:00', ['touch', 'log', 'ravi', 'sample', 'cardamom bun', '--outcome', 'positive', '--stage', 'engaged', '--follow-up', '3d', '--next', 'ask about his birthday']);
    await at(s, '2026-01-23T18:00', ['touch', 'log', 'ravi', 'visit', 'asked for a birthday cake quote', '--direction', 'in', '--stage', 'intent']);
    expect((await docOf(s)).prospects[0].followUp).toBeNull(); // the visit on the follow-up day did it
    // February: the first purchase.
    const conv = await at(s, '2026-02-03T18:30', ['convert', 'ravi', '--value', '1200', '--currency', 'inr', '--product', 'birthday cake']);
    expect(conv).toMatchObject({ code: 0, stdout: '1\n' });
    expect(conv.stderr).toContain('Ravi Sen (1) is a customer: 29 day(s) after being added, 4 touch(es) before the purchase');
    // He brings his father and two friends.
    await at(s, '2026-02-10T11:00', ['prospect', 'add', 'Suresh Sen', '--referred-by', 'ravi', '--source', 'referral']);
    expect((await docOf(s)).prospects[0].stage).toBe('advocate');
    await at(s, '2026-02-12T11:00', ['prospect', 'add', 'Kabir Roy', '--referred-by', '1']);
    await at(s, '2026-02-12T11:05', ['prospect', 'add', 'Imran Ali', '--referred-by', 'ravi']);

    const story = JSON.parse((await at(s, '2026-02-12T12:00', ['prospect', 'show', 'ravi', '--json'])).stdout);
    expect(story.stageHistory).toEqual([
      { stage: 'aware', at: '2026-01-05T17:10:00.000Z' },
      { stage: 'interested', at: '2026-01-06T18:00:00.000Z' },
      { stage: 'engaged', at: '2026-01-20T18:00:00.000Z' },
      { stage: 'intent', at: '2026-01-23T18:00:00.000Z' },
      { stage: 'customer', at: '2026-02-03T18:30:00.000Z' },
      { stage: 'advocate', at: '2026-02-10T11:00:00.000Z' },
    ]);
    expect(story).toMatchObject({
      id: 1, stage: 'advocate', furthestStage: 'advocate', daysToConvert: 29, touchesBeforeConversion: 4,
      conversion: { at: '2026-02-03T18:30:00.000Z', value: 1200, currency: 'INR', product: 'birthday cake' },
      referrer: null, lastTouchAt: '2026-01-23T18:00:00.000Z', cadenceDays: 1, cadenceDueAt: '2026-01-24T00:00:00.000Z',
      referrals: [{ id: 2, name: 'Suresh Sen', stage: 'interested' }, { id: 3, name: 'Kabir Roy', stage: 'interested' }, { id: 4, name: 'Imran Ali', stage: 'interested' }],
    });
    expect(story.touches.map((t: { type: string }) => t.type)).toEqual(['visit', 'sample', 'greeting', 'greeting']);
    const father = JSON.parse((await at(s, '2026-02-12T12:00', ['prospect', 'show', 'suresh', '--json'])).stdout);
    expect(father.referrer).toEqual({ id: 1, name: 'Ravi Sen', stage: 'advocate' });
    const table = await at(s, '2026-02-12T12:00', ['prospect', 'show', 'ravi']);
    await expect(table.stdout).toMatchFileSnapshot('__snapshots__/ravi-story.txt');
  });
});

describe('prospect lose / reopen', () => {
  it('lose needs a reason, keeps the furthest stage; reopen returns to it', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Tomás', '--stage', 'intent']);
    await run(s, ['prospect', 'stage', 'tom', 'engaged']);
    const noReason = await run(s, ['prospect', 'lose', 'tom']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <text>'");
    expect((await run(s, ['prospect', 'lose', 'tom', '--reason', '  '])).code).toBe(2);
    expect(await run(s, ['prospect', 'lose', 'tom', '--reason', 'moved to Madrid'])).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await docOf(s)).prospects[0]).toMatchObject({ stage: 'lost', lostReason: 'moved to Madrid' });
    const conv = await run(s, ['convert', 'tom']);
    expect(conv.code).toBe(4);
    expect(conv.stderr).toMatch(/is lost; reopen first \(precrm prospect reopen 1\)/);
    const reopened = await run(s, ['prospect', 'reopen', 'tom']);
    expect(reopened.stderr).toContain('reopened at intent');
    expect((await docOf(s)).prospects[0]).toMatchObject({ stage: 'intent', lostReason: null });
    expect((await docOf(s)).prospects[0].stageHistory.map((h: { stage: string }) => h.stage)).toEqual(['intent', 'engaged', 'lost', 'intent']);
    const again = await run(s, ['prospect', 'reopen', 'tom']);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/is not lost/);
  });

  it('stage customer is 2 pointing to convert; advocate for a non-customer and lost for a customer are 4', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita']);
    const cust = await run(s, ['prospect', 'stage', 'anita', 'customer']);
    expect(cust.code).toBe(2);
    expect(cust.stderr).toContain('precrm convert');
    expect((await run(s, ['prospect', 'edit', 'anita', '--stage', 'customer'])).code).toBe(2);
    expect((await run(s, ['prospect', 'stage', 'anita', 'advocate'])).code).toBe(4);
    await run(s, ['convert', 'anita', '--value', '38.50', '--currency', 'EUR']);
    expect((await run(s, ['prospect', 'lose', 'anita', '--reason', 'x'])).code).toBe(4);
    expect((await run(s, ['prospect', 'stage', 'anita', 'lost'])).code).toBe(4);
    expect((await run(s, ['prospect', 'stage', 'anita', 'advocate'])).code).toBe(0);
  });

  it('a customer or advocate never goes back to a pre-customer stage, by any command (4, with a hint)', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Ravi Sen']);
    await run(s, ['prospect', 'add', 'Asha', '--referred-by', 'ravi']);
    await run(s, ['convert', 'ravi', '--value', '250']);
    expect((await docOf(s)).prospects[0].stage).toBe('advocate');
    const before = (await storeBytes(s));
    const message = 'error: Ravi Sen (1) has already bought (advocate); a customer stays a customer, not engaged again (log how it goes as a touch instead, e.g. precrm touch log 1 call --outcome negative)\n';
    expect(await run(s, ['prospect', 'stage', 'ravi', 'engaged'])).toMatchObject({ code: 4, stderr: message });
    expect(await run(s, ['touch', 'log', 'ravi', 'sample', '--stage', 'engaged'])).toMatchObject({ code: 4, stdout: '', stderr: message });
    expect((await run(s, ['prospect', 'edit', 'ravi', '--stage', 'aware', '--tag', 'x'])).code).toBe(4);
    // Nothing was written: no stage change, no touch, no tag.
    expect((await storeBytes(s))).toEqual(before);
    // So convert still tells the truth.
    expect((await run(s, ['convert', 'ravi'])).stderr).toMatch(/already bought on \d{4}-\d{2}-\d{2} \(advocate\)/);
    await run(s, ['prospect', 'add', 'Mira']);
    await run(s, ['convert', 'mira']);
    expect((await run(s, ['prospect', 'stage', 'mira', 'intent'])).code).toBe(4);
    expect((await run(s, ['touch', 'log', 'mira', 'visit', '--stage', 'interested'])).code).toBe(4);
  });

  it('prospect add --stage takes only the stages a new prospect starts in, and its help says which', async () => {
    const s = (await tempStore());
    for (const stage of ['customer', 'advocate', 'lost']) {
      const r = await run(s, ['prospect', 'add', 'Zed', '--stage', stage]);
      expect(r.code, stage).toBe(2);
      expect(r.stderr, stage).toMatch(/^error: a new prospect starts as one of: aware, interested, engaged, intent \(/);
    }
    expect((await storeCreated(s))).toBe(false);
    expect((await run(s, ['prospect', 'add', 'Zed', '--stage', 'intent'])).code).toBe(0);
    const help = (await run(s, ['prospect', 'add', '--help'])).stdout;
    expect(help).toMatch(/--stage <stage> +aware, interested \(default\), engaged or intent\n/);
  });
});

describe('convert', () => {
  it('prints the id, or the record with days-to-convert in JSON', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita'], { now: '2026-03-01T10:00:00Z' });
    await run(s, ['touch', 'log', 'anita', 'email'], { now: '2026-03-02T10:00:00Z' });
    const r = await run(s, ['convert', 'anita', '--value', '38.5', '--currency', 'eur', '--product', 'sourdough', '--at', '2026-03-09', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      stage: 'customer', daysToConvert: 8, touchesBeforeConversion: 1,
      conversion: { at: '2026-03-09T00:00:00.000Z', value: 38.5, currency: 'EUR', product: 'sourdough' },
    });
  });

  it.each([
    [['--value', 'lots'], 2, /--value "lots" is not a number/],
    [['--value', '-5'], 2, /negative/],
    [['--currency', 'rupees'], 2, /not a three-letter code/],
    [['--at', 'tomorrow'], 2, /after today/],
    [['--at', '2026-01-01'], 2, /before Anita \(1\) was added/],
  ])('convert %j exits %i and writes nothing', async (args, code, message) => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita'], { now: '2026-03-01T10:00:00Z' });
    const before = (await storeBytes(s));
    const r = await run(s, ['convert', 'anita', ...(args as string[])]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
    expect((await storeBytes(s))).toEqual(before);
  });

  it('converting again is 4 with the date of the first purchase; an unknown prospect is 3', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita']);
    await run(s, ['convert', 'anita']);
    const again = await run(s, ['convert', 'anita']);
    expect(again.code).toBe(4);
    expect(again.stderr).toBe('error: Anita (1) already bought on 2026-03-10 (customer); a conversion is the first purchase only (record a later purchase with: precrm purchase log 1 --value <amount>)\n');
    // The command it points to works: the later purchase is recorded beside the first.
    const later = await run(s, ['purchase', 'log', '1', '--value', '4', '--currency', 'EUR']);
    expect(later).toEqual({ code: 0, stdout: '2\n', stderr: 'purchase 2 of prospect 1 recorded\n' });
    expect((await run(s, ['convert', 'nobody'])).code).toBe(3);
  });
});

describe('follow-up and cadence', () => {
  it('sets, shows and clears a follow-up; errors are 2', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita']);
    await run(s, ['prospect', 'follow-up', 'anita', 'friday', 'offer a slice']);
    expect((await docOf(s)).prospects[0].followUp).toEqual({ at: '2026-03-13T12:00:00.000Z', note: 'offer a slice' });
    await run(s, ['prospect', 'follow-up', 'anita', '--clear']);
    expect((await docOf(s)).prospects[0].followUp).toBeNull();
    expect((await run(s, ['prospect', 'follow-up', 'anita'])).code).toBe(2);
    expect((await run(s, ['prospect', 'follow-up', 'anita', 'friday', '--clear'])).code).toBe(2);
    expect((await run(s, ['prospect', 'follow-up', 'anita', 'someday'])).stderr).toMatch(/invalid follow-up date "someday"/);
  });

  it('sets and clears a cadence (also via add/edit --cadence)', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Anita', '--cadence', 'every 2w']);
    expect((await docOf(s)).prospects[0].cadenceDays).toBe(14);
    await run(s, ['prospect', 'cadence', 'anita', '1d']);
    expect((await docOf(s)).prospects[0].cadenceDays).toBe(1);
    await run(s, ['prospect', 'cadence', 'anita', '--clear']);
    expect((await docOf(s)).prospects[0].cadenceDays).toBeNull();
    await run(s, ['prospect', 'edit', 'anita', '--cadence', '3d']);
    expect((await docOf(s)).prospects[0].cadenceDays).toBe(3);
    expect((await run(s, ['prospect', 'cadence', 'anita', 'often'])).code).toBe(2);
    expect((await run(s, ['prospect', 'cadence', 'anita'])).code).toBe(2);
  });
});

describe('referrals', () => {
  it('must resolve (3); self-referral (2) and cycles (4) are refused', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Ravi']);
    await run(s, ['prospect', 'add', 'Suresh', '--referred-by', 'ravi']);
    expect((await run(s, ['prospect', 'add', 'X', '--referred-by', 'nobody'])).code).toBe(3);
    expect((await run(s, ['prospect', 'edit', 'ravi', '--referred-by', 'ravi'])).code).toBe(2);
    const cycle = await run(s, ['prospect', 'edit', 'ravi', '--referred-by', 'suresh']);
    expect(cycle.code).toBe(4);
    expect(cycle.stderr).toContain('circle');
  });
});
