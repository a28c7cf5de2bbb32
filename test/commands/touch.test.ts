import { describe, expect, it } from 'vitest';
import { run, storeWith, storedDoc, storeBytes } from '../helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';
const docOf = (store: string) => storedDoc(store) as Promise<any>;

describe('touch log', () => {
  it('prints the touch id, records by PRECRM_USER, and an inbound touch makes an aware prospect interested', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    const r = await run(store, ['touch', 'log', 'ravi', 'greeting', 'said hello back', '--direction', 'in', '--at', 'yesterday']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect(r.stderr).toContain('moved from aware to interested');
    const doc = (await docOf(store));
    expect(doc.touches[0]).toEqual({ id: 1, prospectId: 1, type: 'greeting', at: '2026-03-09T12:00:00.000Z', note: 'said hello back', outcome: null, direction: 'in', by: 'tester', cost: null, currency: null });
    expect(doc.prospects[0].stageHistory.at(-1)).toEqual({ stage: 'interested', at: '2026-03-09T12:00:00.000Z' });
  });

  it('--by overrides, else PRECRM_USER, else (PostgreSQL) the database role, else the OS user; --format json prints the touch of docs/CONTRACT.md §4', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    const r = await run(store, ['touch', 'log', 'ravi', 'visit', '--json'], { env: { PRECRM_USER: '' } });
    // A team on PostgreSQL logs in with a role per person: that names them (test/store/postgres/team.test.ts).
    const fallback = /^postgres(ql)?:/.test(store) ? decodeURIComponent(new URL(store).username) : 'osuser';
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, prospectId: 1, type: 'visit', at: NOW, note: null, outcome: null, direction: null, by: fallback, cost: null, currency: null });
    await run(store, ['touch', 'log', 'ravi', 'call', '--by', 'joel']);
    expect((await docOf(store)).touches.map((t: { by: string }) => t.by)).toEqual([fallback, 'joel']);
  });

  it('--stage moves in the same step; --follow-up/--next plan the next action', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    const r = await run(store, ['touch', 'log', 'ravi', 'sample', 'cardamom bun', '--outcome', 'positive', '--stage', 'engaged', '--follow-up', 'friday', '--next', 'offer a cake']);
    expect(r.code).toBe(0);
    const p = (await docOf(store)).prospects[0];
    expect(p.stage).toBe('engaged');
    expect(p.followUp).toEqual({ at: '2026-03-13T12:00:00.000Z', note: 'offer a cake' });
  });

  it.each([
    [['ravi', 'hug'], 2, /unknown touch type "hug" \(use one of: greeting, visit, sample, tasting, call, email, message, meeting, event, website, social, referral, other\)/],
    [['ravi', 'call', '--outcome', 'great'], 2, /unknown outcome "great" \(use one of: positive, neutral, negative\)/],
    [['ravi', 'call', '--direction', 'up'], 2, /unknown direction "up" \(use one of: in, out\)/],
    [['ravi', 'call', '--at', '03/04'], 2, /invalid --at date "03\/04"/],
    [['ravi', 'call', '--at', 'tomorrow'], 2, /after today; a touch records what happened/],
    [['ravi', 'call', '--stage', 'customer'], 2, /precrm convert/],
    [['ravi', 'call', '--stage', 'advocate'], 4, /not a customer yet/],
    [['ravi', 'call', '--next', 'x'], 2, /--next needs --follow-up/],
    [['nobody', 'call'], 3, /no prospect matches "nobody"/],
  ])('touch log %j exits %i', async (args, code, message) => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    const before = (await storeBytes(store));
    const r = await run(store, ['touch', 'log', ...(args as string[])]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
    expect((await storeBytes(store))).toEqual(before);
  });

  it('warns on stderr when an outbound (or undirected) touch goes to a do-not-contact prospect, not an inbound one', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    await run(store, ['prospect', 'do-not-contact', 'ravi']);
    const out = await run(store, ['touch', 'log', 'ravi', 'email', '--direction', 'out']);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^warning: Ravi Sen \(1\) asked not to be contacted/m);
    const quiet = await run(store, ['-q', 'touch', 'log', 'ravi', 'call']);
    expect(quiet.stderr).toMatch(/^warning: .*asked not to be contacted/);
    const inbound = await run(store, ['touch', 'log', 'ravi', 'visit', '--direction', 'in']);
    expect(inbound.stderr).not.toContain('warning');
  });
});

describe('touch list / remove', () => {
  async function storeWithTouches(): Promise<string> {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });
    await run(store, ['prospect', 'add', 'Anita Rao']);
    await run(store, ['touch', 'log', 'ravi', 'greeting', '--at', '2026-03-02T18:00']);
    await run(store, ['touch', 'log', 'anita', 'email', 'sent the menu, "new"', '--at', '2026-03-05', '--by', 'joel']);
    await run(store, ['touch', 'log', 'ravi', 'sample', '--at', '2026-03-08T18:00']);
    return store;
  }

  it('lists oldest first with filters; CSV has a fixed header', async () => {
    const store = await storeWithTouches();
    const csv = await run(store, ['touch', 'list', '--format', 'csv']);
    expect(csv.stdout).toBe([
      'id,at,prospect_id,name,type,direction,outcome,by,note,cost,currency',
      '1,2026-03-02T18:00:00.000Z,1,Ravi Sen,greeting,,,tester,,,',
      '2,2026-03-05T00:00:00.000Z,2,Anita Rao,email,,,joel,"sent the menu, ""new""",,',
      '3,2026-03-08T18:00:00.000Z,1,Ravi Sen,sample,,,tester,,,',
      '',
    ].join('\n'));
    const ids = async (args: string[]) => JSON.parse((await run(store, ['touch', 'list', ...args, '--json'])).stdout).map((t: { id: number }) => t.id);
    expect(await ids(['ravi'])).toEqual([1, 3]);
    expect(await ids(['--type', 'email,sample'])).toEqual([2, 3]);
    expect(await ids(['--since', '2026-03-05', '--until', '2026-03-07'])).toEqual([2]);
    expect(await ids(['--by', 'JOEL'])).toEqual([2]);
    expect(await ids(['--limit', '1'])).toEqual([3]);
    expect((await run(store, ['touch', 'list', '--type', 'hug'])).code).toBe(2);
  });

  it('removes a touch by id; unknown id is 3, a non-number is 2', async () => {
    const store = await storeWithTouches();
    expect(await run(store, ['touch', 'remove', '2'])).toMatchObject({ code: 0, stdout: '2\n' });
    expect((await docOf(store)).touches.map((t: { id: number }) => t.id)).toEqual([1, 3]);
    const missing = await run(store, ['touch', 'remove', '2']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error: no touch has id 2/);
    expect((await run(store, ['touch', 'remove', 'two'])).code).toBe(2);
  });
});
