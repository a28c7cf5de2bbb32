import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, scriptedPrompter, tempStore, storedDoc, TEST_BACKEND } from '../helpers.js';

describe('prospect add', () => {
  it('prints the new id and stores the record with mode 0600', async () => {
    const store = (await tempStore());
    const r = await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--source', 'Walk-in', '--tag', 'cakes']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    // A file store is the user's alone (a server's tables have the database's own permissions: test/store/postgres).
    if (TEST_BACKEND !== 'postgres') expect(statSync(store).mode & 0o777).toBe(0o600);
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
    const prompter = scriptedPrompter(['Mira', 'mira@example.com', '', 'instagram', 'engaged']);
    const r = await run(store, ['prospect', 'add'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(5);
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
  it('offers only the stages a new prospect can start in (not customer, advocate or lost)', async () => {
    const offered: string[][] = [];
    const prompter = scriptedPrompter(['Mira', '', '', '']);
    const r = await run((await tempStore()), ['prospect', 'add'], {
      prompter: { ...prompter, select: async (_q, choices, dflt) => { offered.push([...choices]); return dflt!; } },
    });
    expect(r.code).toBe(0);
    expect(offered).toEqual([['aware', 'interested', 'engaged', 'intent']]);
  });
});
