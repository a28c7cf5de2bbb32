import { describe, expect, it } from 'vitest';
import { run, scriptedPrompter, storeBytes, storedDoc, tempStore } from '../helpers.js';

/** Runs each step in order on a fresh store, failing the test on the first that does not exit 0. */
async function storeAfter(steps: { args: string[]; now?: string }[]): Promise<string> {
  const store = await tempStore();
  for (const step of steps) {
    const r = await run(store, step.args, { now: step.now });
    if (r.code !== 0) throw new Error(`fixture step ${step.args.join(' ')} failed: ${r.stderr}`);
  }
  return store;
}

const add = (now: string, ...args: string[]) => ({ args: ['prospect', 'add', ...args], now });

describe('prospect add warns of a prospect with the same name', () => {
  it('the second "Lucie Bernard" is added (exit 0) with a warning naming the first and how to merge', async () => {
    const store = await storeAfter([add('2026-03-02T10:00:00Z', 'Lucie Bernard', '--email', 'lucie@example.com', '--source', 'walk-in')]);
    const r = await run(store, ['prospect', 'add', 'Lucie Bernard']);
    expect(r).toEqual({
      code: 0,
      stdout: '2\n',
      stderr: 'added prospect 2 (Lucie Bernard)\nwarning: prospect 1 "Lucie Bernard" (lucie@example.com, source walk-in, created 2026-03-02) has the same name; merge them with: precrm prospect merge 1 2\n',
    });
    // Case and accents do not hide a namesake; even -q shows the warning.
    const accents = await run(store, ['prospect', 'add', 'LUCÍE bernard', '-q']);
    expect(accents.stderr.split('\n').filter(Boolean).map((l) => l.replace(/ \(.*\) has/, ' (…) has'))).toEqual([
      'warning: prospect 1 "Lucie Bernard" (…) has the same name; merge them with: precrm prospect merge 1 3',
      'warning: prospect 2 "Lucie Bernard" (…) has the same name; merge them with: precrm prospect merge 2 3',
    ]);
    const other = await run(store, ['prospect', 'add', 'Lucie Bernardin']);
    expect(other.stderr).toBe('added prospect 4 (Lucie Bernardin)\n');
  });

  it('an email allowed with --allow-duplicate is named too; without it the duplicate is still refused (4)', async () => {
    const store = await storeAfter([add('2026-03-02T10:00:00Z', 'Lucie Bernard', '--email', 'lucie@example.com')]);
    expect((await run(store, ['prospect', 'add', 'L. Bernard', '--email', 'LUCIE@example.com'])).code).toBe(4);
    const r = await run(store, ['prospect', 'add', 'Lucie Bernard', '--email', 'LUCIE@example.com', '--allow-duplicate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: prospect 1 "Lucie Bernard" (lucie@example.com, created 2026-03-02) has the same name and email; merge them with: precrm prospect merge 1 2\n');
  });
});

describe('an ambiguous reference lists what tells the candidates apart', () => {
  it('email, phone, source and the day added; the time added when nothing else differs', async () => {
    const store = await storeAfter([
      add('2026-03-02T10:00:00Z', 'Lucie Bernard', '--email', 'lucie@example.com', '--source', 'walk-in'),
      add('2026-03-05T09:15:00Z', 'Lucie Bernard'),
      add('2026-03-05T17:40:00Z', 'Lucie Bernard'),
      add('2026-03-06T10:00:00Z', 'Lucie Bernard', '--phone', '06 12 34 00 01'),
    ]);
    const r = await run(store, ['prospect', 'show', 'lucie bernard']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      'error: "lucie bernard" matches 4 prospects; use the id or email:',
      '    1  Lucie Bernard (lucie@example.com, source walk-in, created 2026-03-02)',
      '    2  Lucie Bernard (created 2026-03-05 09:15)',
      '    3  Lucie Bernard (created 2026-03-05 17:40)',
      '    4  Lucie Bernard (06 12 34 00 01, created 2026-03-06)',
      '',
    ].join('\n'));
  });
});

/** Lucie twice: 1 with an email, a touch and a response; 2 with a phone, a touch, a referral and a purchase. */
async function lucieTwice(): Promise<string> {
  return storeAfter([
    { args: ['survey', 'create', 'Taste', '--question', 'score:scale:How was it?'], now: '2026-03-01T09:00:00Z' },
    add('2026-03-02T10:00:00Z', 'Lucie Bernard', '--email', 'lucie@example.com', '--tag', 'cakes', '--field', 'allergy=nuts'),
    add('2026-03-03T10:00:00Z', 'Ravi Sen'),
    add('2026-03-04T10:00:00Z', 'Lucie Bernard', '--phone', '06 12 34 00 01', '--source', 'walk-in', '--tag', 'bread', '--referred-by', 'ravi', '--stage', 'engaged'),
    add('2026-03-05T10:00:00Z', 'Mira', '--referred-by', '3'),
    { args: ['touch', 'log', '1', 'greeting', 'waved'], now: '2026-03-05T11:00:00Z' },
    { args: ['touch', 'log', '3', 'tasting', 'tart'], now: '2026-03-06T11:00:00Z' },
    { args: ['survey', 'respond', 'Taste', '--prospect', '1', '--answer', 'score=4'], now: '2026-03-06T12:00:00Z' },
    { args: ['convert', '3', '--value', '20', '--currency', 'EUR', '--product', 'tart'], now: '2026-03-07T10:00:00Z' },
  ]);
}

describe('prospect merge', () => {
  it('moves touches, purchase, responses and referrals onto the kept prospect, fills its fields and deletes the other', async () => {
    const store = await lucieTwice();
    const r = await run(store, ['prospect', 'merge', '1', '3', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toBe([
      'keep   1  Lucie Bernard (lucie@example.com, created 2026-03-02)',
      'merge  3  Lucie Bernard (06 12 34 00 01, source walk-in, created 2026-03-04)',
      'merged prospect 3 into Lucie Bernard (1) (advocate): moved 1 touch(es), 1 purchase(s), 0 survey response(s), 1 referral(s); prospect 3 is deleted',
      '',
    ].join('\n'));
    const doc = await storedDoc(store);
    expect(doc.prospects.map((p) => [p.id, p.name, p.referredBy])).toEqual([[1, 'Lucie Bernard', 2], [2, 'Ravi Sen', null], [4, 'Mira', 1]]);
    const kept = doc.prospects[0]!;
    expect(kept).toMatchObject({
      email: 'lucie@example.com', phone: '06 12 34 00 01', source: 'walk-in', tags: ['cakes', 'bread'], fields: { allergy: 'nuts' },
      stage: 'advocate', conversion: { at: '2026-03-07T10:00:00.000Z', value: 20, currency: 'EUR', product: 'tart' },
      notes: 'merged from prospect 3 (Lucie Bernard) on 2026-03-10', createdAt: '2026-03-02T10:00:00.000Z',
    });
    expect(kept.stageHistory.map((h) => h.stage)).toEqual(['interested', 'engaged', 'customer', 'advocate']);
    expect(doc.touches.map((t) => [t.id, t.prospectId])).toEqual([[1, 1], [2, 1]]);
    expect(doc.responses.map((x) => [x.id, x.prospectId])).toEqual([[1, 1]]);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
    // Ids are never reused: the next prospect is 5, not 3.
    expect((await run(store, ['prospect', 'add', 'Zoe'])).stdout).toBe('5\n');
  });

  it('prints the merged record with --json; prospect show notes the merge', async () => {
    const store = await lucieTwice();
    const r = await run(store, ['prospect', 'merge', 'lucie@example.com', '3', '--yes', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 1, stage: 'advocate', notes: 'merged from prospect 3 (Lucie Bernard) on 2026-03-10' });
    const shown = await run(store, ['prospect', 'show', '1']);
    expect(shown.stdout).toMatch(/^notes {8}merged from prospect 3 \(Lucie Bernard\) on 2026-03-10$/m);
    expect(shown.stdout).toMatch(/^referred {5}Mira #4 \(interested\)$/m);
  });

  it('asks in a terminal (declining writes nothing) and needs --yes without one (2)', async () => {
    const store = await lucieTwice();
    const before = await storeBytes(store);
    const noTty = await run(store, ['prospect', 'merge', '1', '3']);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/error: prospect merge needs --yes when it cannot ask/);
    const prompter = scriptedPrompter([false]);
    const declined = await run(store, ['prospect', 'merge', '1', '3'], { prompter });
    expect(declined).toMatchObject({ code: 0, stdout: '' });
    expect(prompter.asked).toEqual(['Merge prospect 3 into Lucie Bernard (1)? Its touches, purchases, responses and referrals move to 1; 3 is deleted.']);
    expect(declined.stderr).toMatch(/\nnothing merged\n$/);
    expect(await storeBytes(store)).toEqual(before);
    const yes = await run(store, ['prospect', 'merge', '1', '3'], { prompter: scriptedPrompter([true]) });
    expect(yes).toMatchObject({ code: 0, stdout: '1\n' });
  });

  it('refuses itself (2), a missing one (3), a forgotten one (4) and a referral circle (4), writing nothing', async () => {
    const store = await lucieTwice();
    await run(store, ['prospect', 'add', 'Tom', '--referred-by', 'mira']);
    await run(store, ['prospect', 'add', 'Gone']);
    await run(store, ['prospect', 'forget', 'gone', '--yes']);
    const before = await storeBytes(store);
    const cases: [string[], number, RegExp][] = [
      [['1', '1'], 2, /^error: cannot merge Lucie Bernard \(1\) with itself/],
      [['1', '99'], 3, /^error: no prospect has id 99/],
      [['1', '6'], 4, /^error: prospect 6 was forgotten/],
      // Mira (4) was referred by 3; Tom (5) by Mira: Tom keeping 3 would refer himself through Mira.
      [['5', '3'], 4, /^error: Mira \(4\) was \(indirectly\) referred by Tom \(5\) or Lucie Bernard \(3\); merging them would make a referral circle/],
    ];
    for (const [refs, code, message] of cases) {
      const r = await run(store, ['prospect', 'merge', ...refs, '--yes']);
      expect([r.code, r.stdout], refs.join(' ')).toEqual([code, '']);
      expect(r.stderr).toMatch(message);
    }
    expect(await storeBytes(store)).toEqual(before);
  });

  it('moves every purchase of the other, not only its first; the conversion is the first of all by time then id', async () => {
    const store = await storeAfter([
      add('2026-03-02T10:00:00Z', 'Ana'),
      add('2026-03-02T11:00:00Z', 'Ana'),
      { args: ['convert', '1', '--value', '30', '--currency', 'EUR', '--product', 'cake'], now: '2026-03-08T10:00:00Z' },
      { args: ['purchase', 'log', '2', '--value', '12', '--currency', 'EUR', '--order', 'W-7'], now: '2026-03-04T10:00:00Z' },
      { args: ['purchase', 'log', '2', '--value', '8', '--currency', 'EUR', '--product', 'rye loaf'], now: '2026-03-06T10:00:00Z' },
      { args: ['purchase', 'log', '2', '--value', '5', '--currency', 'EUR'], now: '2026-03-09T10:00:00Z' },
    ]);
    const r = await run(store, ['prospect', 'merge', '1', '2', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('merged prospect 2 into Ana (1) (customer): moved 0 touch(es), 3 purchase(s), 0 survey response(s), 0 referral(s); prospect 2 is deleted\n');
    const doc = await storedDoc(store);
    expect(doc.prospects).toHaveLength(1);
    expect(doc.prospects[0]).toMatchObject({ id: 1, stage: 'customer', conversion: { at: '2026-03-04T10:00:00.000Z', value: 12, currency: 'EUR', product: null } });
    expect(doc.purchases.map((u) => [u.id, u.prospectId, u.at.slice(0, 10), u.value, u.product, u.orderId])).toEqual([
      [1, 1, '2026-03-08', 30, 'cake', null],
      [2, 1, '2026-03-04', 12, null, 'W-7'],
      [3, 1, '2026-03-06', 8, 'rye loaf', null],
      [4, 1, '2026-03-09', 5, null, null],
    ]);
    expect(doc.touches).toEqual([]);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
    const shown = await run(store, ['prospect', 'show', '1']);
    expect(shown.stdout).toContain('\npurchases (4)\n  2026-03-04  12 EUR  order W-7\n  2026-03-06  8 EUR  rye loaf\n  2026-03-08  30 EUR  cake\n  2026-03-09  5 EUR\n');
  });

  it('the kept record keeps its own first purchase when the other bought later; same instant: the lower id first', async () => {
    const store = await storeAfter([
      add('2026-03-02T10:00:00Z', 'Ana'),
      add('2026-03-02T11:00:00Z', 'Ana'),
      { args: ['purchase', 'log', '2', '--value', '9', '--currency', 'EUR'], now: '2026-03-04T10:00:00Z' },
      { args: ['purchase', 'log', '1', '--value', '30', '--currency', 'EUR'], now: '2026-03-04T10:00:00Z' },
      { args: ['purchase', 'log', '2', '--value', '7', '--currency', 'EUR'], now: '2026-03-05T10:00:00Z' },
    ]);
    expect((await run(store, ['prospect', 'merge', '1', '2', '--yes'])).code).toBe(0);
    const doc = await storedDoc(store);
    // Purchase 1 (of prospect 2) and 2 (of prospect 1) share the instant: 1 comes first by id.
    expect(doc.prospects[0]!.conversion).toEqual({ at: '2026-03-04T10:00:00.000Z', value: 9, currency: 'EUR', product: null });
    expect(doc.purchases.map((u) => [u.id, u.prospectId, u.value])).toEqual([[1, 1, 9], [2, 1, 30], [3, 1, 7]]);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });

  it('keeps do-not-contact when either had it, with its consent entry', async () => {
    const store = await storeAfter([
      add('2026-03-02T10:00:00Z', 'Ana', '--email', 'ana@example.com'),
      add('2026-03-03T10:00:00Z', 'Ana'),
      { args: ['prospect', 'do-not-contact', '2', '--note', 'asked by phone'], now: '2026-03-04T10:00:00Z' },
    ]);
    expect((await run(store, ['prospect', 'merge', '1', '2', '--yes'])).code).toBe(0);
    const [p] = (await storedDoc(store)).prospects;
    expect(p).toMatchObject({ id: 1, doNotContact: true, consent: [{ at: '2026-03-04T10:00:00.000Z', granted: false, note: 'asked by phone' }] });
  });
});

describe('completion of prospect merge', () => {
  it('offers prospects for both the kept one and the other', async () => {
    const store = await storeAfter([add('2026-03-02T10:00:00Z', 'Omar'), add('2026-03-02T10:00:00Z', 'Olga')]);
    for (const words of [['prospect', 'merge', 'o'], ['prospect', 'merge', '1', 'o']]) {
      // bash sends the line up to the cursor and the word being completed.
      const r = await run(store, ['__complete', 'bash', '--', `precrm ${words.join(' ')}`, words.at(-1)!]);
      expect(r.stdout.split('\n').filter(Boolean).sort(), words.join(' ')).toEqual(['Olga', 'Omar']);
    }
  });
});
