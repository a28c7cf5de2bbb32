import { describe, expect, it } from 'vitest';
import { run, scriptedPrompter, storeBytes, storedDoc, tempStore } from '../helpers.js';

const PERSONAL = ['Hannah', 'Becker', 'hannah.b@example.de', '170 5550101', '5550101', 'Bäckerei', 'allergic', 'nuts', 'sister', 'rye loaf', 'asked to stop'];

async function storeWithHannah(): Promise<string> {
  const s = (await tempStore());
  await run(s, ['prospect', 'add', 'Hannah Becker', '--email', 'hannah.b@example.de', '--phone', '+49 170 5550101', '--company', 'Bäckerei Becker',
    '--source', 'website', '--tag', 'cakes', '--note', 'allergic to walnuts', '--field', 'allergy=nuts', '--follow-up', 'friday', '--next', 'Hannah wants a rye loaf'], { now: '2026-02-11T08:50:00Z' });
  await run(s, ['prospect', 'add', 'Jonas Larsen'], { now: '2026-02-11T09:00:00Z' });
  await run(s, ['touch', 'log', 'hannah', 'visit', 'came in with her sister', '--direction', 'in'], { now: '2026-02-12T10:00:00Z' });
  await run(s, ['touch', 'log', 'jonas', 'call', 'he knows Hannah Becker'], { now: '2026-02-12T11:00:00Z' });
  await run(s, ['convert', 'hannah', '--value', '38.5', '--currency', 'EUR', '--product', 'rye loaf for Hannah'], { now: '2026-03-01T10:00:00Z' });
  await run(s, ['prospect', 'do-not-contact', 'hannah', '--note', 'Hannah asked to stop'], { now: '2026-03-02T10:00:00Z' });
  return s;
}

describe('prospect forget', () => {
  it('needs --yes outside a terminal (2) and changes nothing', async () => {
    const s = await storeWithHannah();
    const before = (await storeBytes(s));
    const r = await run(s, ['prospect', 'forget', 'hannah']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: prospect forget needs --yes/);
    expect((await storeBytes(s))).toEqual(before);
  });

  it('asks in a terminal; declining erases nothing', async () => {
    const s = await storeWithHannah();
    const before = (await storeBytes(s));
    const prompter = scriptedPrompter([false]);
    expect((await run(s, ['prospect', 'forget', 'hannah'], { prompter })).code).toBe(0);
    expect(prompter.asked[0]).toMatch(/Erase all personal data of Hannah Becker \(1\)\? This cannot be undone/);
    expect((await storeBytes(s))).toEqual(before);
  });

  it('leaves no personal string of that prospect anywhere in the store file, and keeps the figures', async () => {
    const s = await storeWithHannah();
    // The bytes of the store (for SQLite, the database and its WAL), as text: UTF-8 in both.
    const before = (await storeBytes(s)).toString('utf8');
    for (const word of PERSONAL) expect(before).toContain(word);
    const r = await run(s, ['prospect', 'forget', 'hannah.b@example.de', '--yes'], { now: '2026-04-01T10:00:00Z' });
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    // Jonas's own touch note mentions her: precrm cannot know whether to erase it, so it says where it is.
    expect(r.stderr).toMatch(/^warning: their name, email or phone still appears in: touch 2 note \(edit those by hand\)$/m);
    await run(s, ['touch', 'remove', '2']);
    const after = (await storeBytes(s)).toString('utf8');
    for (const word of PERSONAL) expect(after).not.toContain(word);
    expect(after.toLowerCase()).not.toContain('hannah');
    const stored = await storedDoc(s);
    const p = stored.prospects[0]!;
    expect(p).toMatchObject({
      id: 1, name: null, email: null, phone: null, company: null, notes: null, fields: {}, followUp: null,
      source: 'website', stage: 'customer', tags: ['cakes'], doNotContact: true, forgottenAt: '2026-04-01T10:00:00.000Z',
      conversion: { at: '2026-03-01T10:00:00.000Z', value: 38.5, currency: 'EUR', product: null },
    });
    expect(p.stageHistory.map((h: { stage: string }) => h.stage)).toEqual(['interested', 'customer']);
    expect(stored.touches[0]).toMatchObject({ prospectId: 1, type: 'visit', at: '2026-02-12T10:00:00.000Z', note: null, direction: 'in' });
  });

  it('warns only about texts that name the person, not about other people\'s notes that equal the person\'s own', async () => {
    const s = await tempStore();
    await run(s, ['prospect', 'add', 'Hannah Becker', '--email', 'hannah.b@example.de', '--note', 'waved']);
    await run(s, ['touch', 'log', 'hannah', 'greeting', 'waved']);
    for (const name of ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli']) {
      await run(s, ['prospect', 'add', name, '--note', 'waved']);
      await run(s, ['touch', 'log', name, 'greeting', 'waved']);
    }
    await run(s, ['touch', 'log', 'ada', 'call', 'asked about Hannah Becker']);
    await run(s, ['touch', 'log', 'ben', 'email', 'cc hannah.b@example.de']);
    await run(s, ['touch', 'log', 'cleo', 'call', 'Hannah Beckerman, no relation']);
    const r = await run(s, ['prospect', 'forget', 'hannah', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: their'))).toEqual([
      'warning: their name, email or phone still appears in: touch 7 note, touch 8 note (edit those by hand)',
    ]);
  });

  it('afterwards nothing new can be recorded about the person (4); forgetting twice is harmless', async () => {
    const s = await storeWithHannah();
    await run(s, ['prospect', 'forget', '1', '--yes']);
    for (const args of [['touch', 'log', '1', 'call'], ['prospect', 'edit', '1', '--name', 'H'], ['prospect', 'follow-up', '1', 'friday'],
      ['prospect', 'do-not-contact', '1', '--off'], ['prospect', 'cadence', '1', '1d']]) {
      const r = await run(s, args);
      expect(r.code, args.join(' ')).toBe(4);
    }
    expect(await run(s, ['prospect', 'forget', '1', '--yes'])).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await run(s, ['prospect', 'show', '1'])).stdout).toMatch(/^\(forgotten\)  #1  customer/);
  });
});

describe('prospect show in a terminal', () => {
  it('strips control characters and bidi overrides from stored text before printing', async () => {
    const s = (await tempStore());
    await run(s, ['prospect', 'add', 'Evil\u001b[2J\u001b]0;pwned\u0007 Name', '--note', 'line one\nline two\u202eeman']);
    await run(s, ['touch', 'log', '1', 'call', 'note \u009b31m red']);
    const out = (await run(s, ['prospect', 'show', '1'], { stdoutTTY: true, env: { FORCE_COLOR: '1' } })).stdout;
    const withoutSgr = out.replace(/\u001b\[[0-9;]*m/g, ''); // our own colours are fine
    expect(withoutSgr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(withoutSgr).toContain('Evil\ufffd[2J\ufffd]0;pwned\ufffd Name');
    expect(withoutSgr).toContain('line one ⏎ line two\ufffdeman');
  });
});
