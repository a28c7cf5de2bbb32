import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_BACKEND, run, scriptedPrompter, storeBytes, storeWith, storedDoc, tempStore } from '../helpers.js';

describe('prospect add', () => {
  it('prints the new id and stores the record with mode 0600', async () => {
    const store = (await tempStore());
    const r = await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--source', 'Walk-in', '--tag', 'cakes']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    if (TEST_BACKEND !== 'postgres') expect(statSync(store).mode & 0o777).toBe(0o600); // a database has no file
    const doc = await storedDoc(store);
    expect(doc.prospects[0]).toMatchObject({ id: 1, name: 'Ravi Sen', email: 'ravi@example.com', source: 'walk-in', stage: 'interested', tags: ['cakes'] });
    expect(doc.prospects[0]!.stageHistory).toEqual([{ stage: 'interested', at: '2026-03-10T12:00:00.000Z' }]);
  });

  it('refuses a duplicate email (any case) with exit 4 naming the existing prospect', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
    const r = await run(store, ['prospect', 'add', 'R. Sen', '--email', 'RAVI@Example.com']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: Ravi Sen \(1\) already has this email/);
    expect((await run(store, ['prospect', 'add', 'R. Sen', '--email', 'RAVI@Example.com', '--allow-duplicate'])).code).toBe(0);
  });

  it('refuses a duplicate phone by digits', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Anna', '--phone', '+49 170 1234567']);
    const r = await run(store, ['prospect', 'add', 'Anna B', '--phone', '+49-170-123-4567']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('phone number');
  });

  it('without a name and without a terminal exits 2 and never prompts', async () => {
    const r = await run((await tempStore()), ['prospect', 'add']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: missing name/);
  });

  it('prompts for the fields in a terminal', async () => {
    const store = (await tempStore());
    const prompter = scriptedPrompter(['Mira', 'mira@example.com', '', 'instagram', 'engaged', '']);
    const r = await run(store, ['prospect', 'add'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(6);
    const shown = await run(store, ['prospect', 'show', 'mira', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'Mira', email: 'mira@example.com', phone: null, source: 'instagram', stage: 'engaged' });
  });

  it.each([
    [['--email', 'not-an-email'], /email "not-an-email" is not an email address/],
    [['--stage', 'keen'], /unknown stage "keen"/],
    [['--follow-up', '03/04'], /invalid --follow-up date "03\/04"/],
    [['--stage', 'customer'], /precrm convert/],
    [['--field', '__proto__=x'], /not allowed/],
  ])('rejects bad input %j with exit 2', async (args, message) => {
    const store = (await tempStore());
    const r = await run(store, ['prospect', 'add', 'X', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('references', () => {
  it('resolve by id, email, exact name and unique prefix; ambiguous is 2, none is 3', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
    await run(store, ['prospect', 'add', 'Ravi Kumar']);
    await run(store, ['prospect', 'add', 'Anna']);
    const name = async (ref: string) => JSON.parse((await run(store, ['prospect', 'show', ref, '--json'])).stdout).name;
    expect(await name('3')).toBe('Anna');
    expect(await name('RAVI@example.com')).toBe('Ravi Sen');
    expect(await name('ravi kumar')).toBe('Ravi Kumar');
    expect(await name('an')).toBe('Anna');
    const amb = await run(store, ['prospect', 'show', 'ravi']);
    expect(amb.code).toBe(2);
    expect(amb.stderr).toContain('Ravi Kumar');
    expect((await run(store, ['prospect', 'show', 'zed'])).code).toBe(3);
    expect((await run(store, ['prospect', 'show', '99'])).code).toBe(3);
  });
});

describe('references by the start of any word', () => {
  it('`haddad` finds "Omar Haddad"; a name that starts so wins; several word matches exit 2 with the list', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Omar Haddad']);
    await run(store, ['prospect', 'add', 'Lena Haddad-Berg']);
    await run(store, ['prospect', 'add', 'Ana Berger']);
    await run(store, ['prospect', 'add', 'Bergamo Bakery']);
    const name = async (ref: string) => JSON.parse((await run(store, ['prospect', 'show', ref, '--json'])).stdout).name;
    expect(await name('omar')).toBe('Omar Haddad');
    expect(await name('haddad-b')).toBe('Lena Haddad-Berg');
    expect(await name('berga')).toBe('Bergamo Bakery');
    expect(await name('bakery')).toBe('Bergamo Bakery');
    expect(await name('ber')).toBe('Bergamo Bakery'); // the name that starts with it, before the words that do
    const amb = await run(store, ['prospect', 'show', 'hadd']);
    expect(amb.code).toBe(2);
    expect(amb.stderr.split('\n').map((l) => l.trim())).toEqual(['error: "hadd" matches 2 prospects; use the id or email:', '1  Omar Haddad (created 2026-03-10)', '2  Lena Haddad-Berg (created 2026-03-10)', '']);
    expect((await run(store, ['prospect', 'show', 'addad'])).code).toBe(3); // inside a word is no match
  });
});

describe('references without accents', () => {
  it('find "Tomás Ortega" by "tomas" and by the prefix "tom", but an accented exact name wins', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Tomás Ortega']);
    const name = async (ref: string) => JSON.parse((await run(store, ['prospect', 'show', ref, '--json'])).stdout).name;
    expect(await name('tomas ortega')).toBe('Tomás Ortega');
    expect(await name('tom')).toBe('Tomás Ortega');
    await run(store, ['prospect', 'add', 'Tomas Ortega']);
    expect(await name('Tomás Ortega')).toBe('Tomás Ortega');
    expect(await name('tomas ortega')).toBe('Tomas Ortega');
    expect((await run(store, ['prospect', 'show', 'toma'])).code).toBe(2);
  });
});

describe('prospect add prompting', () => {
  it('checks each answer at its prompt by the flags\' rules and asks again, keeping the answers already given', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--phone', '+91 98300 00000']);
    const prompter = scriptedPrompter([
      '  ', 'Mira Das',
      'not-an-email', 'RAVI@example.com', 'mira@example.com',
      '12', '+91-98300-00000', '+49 170 1234567',
      'instagram', 'engaged',
      '03/04', '2026-02-30', '2026-03-20',
      'send the menu',
    ]);
    const r = await run(store, ['prospect', 'add'], { prompter });
    expect(prompter.rejected).toEqual([
      'name is empty',
      'email "not-an-email" is not an email address',
      'Ravi Sen (1) already has this email (use --allow-duplicate to add anyway, or: precrm prospect edit 1)',
      'phone "12" is not a phone number',
      'Ravi Sen (1) already has this phone number (use --allow-duplicate to add anyway, or: precrm prospect edit 1)',
      expect.stringMatching(/^invalid --follow-up date "03\/04"/),
      expect.stringMatching(/^invalid --follow-up date "2026-02-30"/),
    ]);
    expect(r.code).toBe(0);
    expect((await storedDoc(store)).prospects[1]).toMatchObject({
      id: 2, name: 'Mira Das', email: 'mira@example.com', phone: '+49 170 1234567', source: 'instagram', stage: 'engaged',
      followUp: { note: 'send the menu' },
    });
  });

  it('--allow-duplicate lets a known email through at the prompt', async () => {
    const store = await storeWith();
    const prompter = scriptedPrompter(['R. Sen', 'ravi@example.com', '', '', 'interested', '']);
    expect((await run(store, ['prospect', 'add', '--allow-duplicate'], { prompter })).code).toBe(0);
    expect(prompter.rejected).toEqual([]);
  });

  it('a bad flag given with the questions fails before the first question (2), not after the last', async () => {
    const prompter = scriptedPrompter([]);
    const r = await run(await tempStore(), ['prospect', 'add', '--follow-up', '03/04'], { prompter });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: invalid --follow-up date "03\/04"/);
    expect(prompter.asked).toEqual([]);
  });

  it('offers only the stages a new prospect can start in (not customer, advocate or lost)', async () => {
    const offered: string[][] = [];
    const prompter = scriptedPrompter(['Mira', '', '', '', '']);
    const r = await run((await tempStore()), ['prospect', 'add'], {
      prompter: { ...prompter, select: async (_q, choices, dflt) => { offered.push([...choices]); return dflt!; } },
    });
    expect(r.code).toBe(0);
    expect(offered).toEqual([['aware', 'interested', 'engaged', 'intent']]);
  });
});

describe('prospect edit says what it changed', () => {
  it('with nothing to change writes nothing, says so on stderr and exits 0', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--tag', 'cakes']);
    const before = await storeBytes(store);
    for (const args of [[], ['--email', 'RAVI@example.com'.toLowerCase(), '--tag', 'cakes'], ['--stage', 'interested']]) {
      const r = await run(store, ['prospect', 'edit', 'ravi', ...args], { now: '2026-03-11T09:00:00Z' });
      expect(r).toMatchObject({ code: 0, stdout: '1\n', stderr: 'nothing to change: Ravi Sen (1) already has these values (nothing written)\n' });
    }
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });

  it('lists each changed field as "field: old → new" on stderr, and only those', async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--tag', 'cakes', '--note', 'likes cardamom']);
    const r = await run(store, ['prospect', 'edit', 'ravi', '--email', 'ravi@sen.example', '--phone', '+91 98300 00000', '--tag', 'regular',
      '--stage', 'engaged', '--follow-up', '2026-03-20', '--note', 'likes cardamom a lot', '--company', '']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe([
      'updated Ravi Sen (1):',
      '  email: ravi@example.com → ravi@sen.example',
      '  phone: (none) → +91 98300 00000',
      '  stage: interested → engaged',
      '  tags: cakes → cakes, regular',
      '  follow-up: (none) → 2026-03-20',
      '  notes: changed',
      '',
    ].join('\n'));
    expect((await storedDoc(store)).prospects[0]).toMatchObject({ email: 'ravi@sen.example', stage: 'engaged', tags: ['cakes', 'regular'] });
  });
});

describe('prospect remove names the referral links it clears', () => {
  it('before asking: who referred it and whom it referred; declining removes nothing', async () => {
    const store = await storeWith(['Ravi Sen']);
    await run(store, ['prospect', 'add', 'Anna Berg', '--referred-by', 'ravi']);
    await run(store, ['prospect', 'add', 'Tom Baker', '--referred-by', 'anna']);
    await run(store, ['prospect', 'add', 'Mira', '--referred-by', 'anna']);
    const prompter = scriptedPrompter([false]);
    const r = await run(store, ['prospect', 'remove', 'anna'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual(['Remove Anna Berg (2) with its touches and survey responses?']);
    expect(r.stderr).toBe('removing Anna Berg (2) clears its referral links:\n  referred by Ravi Sen (1)\n  referred Tom Baker (3)\n  referred Mira (4)\nnothing removed\n');
    expect((await storedDoc(store)).prospects.map((p) => p.referredBy)).toEqual([null, 1, 2, 2]);
    const yes = await run(store, ['prospect', 'remove', 'anna', '--yes']);
    expect(yes.stderr).toMatch(/^removing Anna Berg \(2\) clears its referral links:\n {2}referred by Ravi Sen \(1\)\n/);
    expect((await storedDoc(store)).prospects.map((p) => p.referredBy)).toEqual([null, null, null]);
  });

  it('says nothing about links when there are none', async () => {
    const r = await run(await storeWith(['Ravi Sen']), ['prospect', 'remove', 'ravi', '--yes']);
    expect(r.stderr).toBe('removed Ravi Sen (1), 0 touch(es) and 0 survey response(s)\n');
  });
});
