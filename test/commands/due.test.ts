import { describe, expect, it } from 'vitest';
import { missingStoreWarning, run, tempStore } from '../helpers.js';

const at = (store: string, when: string, args: string[]) => run(store, args, { now: `${when}:00.000Z` });

/** A small shop: a daily greeting, a weekly call, a planned follow-up, a lost one and a do-not-contact one. */
async function shop(): Promise<string> {
  const s = (await tempStore());
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Ravi Sen', '--cadence', '1d', '--owner', 'mitra', '--phone', '+91 98300 11111']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Anita Rao', '--cadence', '1w', '--owner', 'joel']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Priya Nair', '--owner', 'mitra', '--follow-up', '2026-11-20', '--next', 'send the wedding quote']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Lena Fischer', '--follow-up', '2026-11-21', '--cadence', '1d']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Oliver Brown', '--follow-up', '2026-11-21', '--cadence', '1d']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Grace Lee', '--follow-up', '2026-11-27', '--owner', 'mitra']);
  await at(s, '2026-11-22T18:00', ['touch', 'log', 'ravi', 'greeting']);
  await at(s, '2026-11-16T11:00', ['touch', 'log', 'anita', 'call']);
  await at(s, '2026-11-02T10:00', ['prospect', 'lose', 'lena', '--reason', 'moved away']);
  await at(s, '2026-11-02T10:00', ['prospect', 'do-not-contact', 'oliver']);
  return s;
}

describe('due', () => {
  it('lists follow-ups and cadences due today or overdue, oldest first, without lost or do-not-contact (csv golden)', async () => {
    const s = await shop();
    const r = await at(s, '2026-11-23T08:00', ['due', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'id,name,reason,due_at,overdue_days,last_touch_at,last_touch_type,stage,owner,phone,email,note',
      '3,Priya Nair,follow-up,2026-11-20,3,,,interested,mitra,,,send the wedding quote',
      '1,Ravi Sen,cadence,2026-11-23,0,2026-11-22T18:00:00.000Z,greeting,interested,mitra,+91 98300 11111,,',
      '2,Anita Rao,cadence,2026-11-23,0,2026-11-16T11:00:00.000Z,call,interested,joel,,,',
      '',
    ].join('\n'));
  });

  it('a touch restarts the cadence; --owner filters; --within looks ahead', async () => {
    const s = await shop();
    await at(s, '2026-11-23T07:30', ['touch', 'log', 'ravi', 'greeting']);
    const ids = async (args: string[]) => JSON.parse((await at(s, '2026-11-23T08:00', ['due', ...args, '--json'])).stdout).map((r: { id: number }) => r.id);
    expect(await ids([])).toEqual([3, 2]);
    expect(await ids(['--owner', 'MITRA'])).toEqual([3]);
    expect(await ids(['--within', '0d'])).toEqual([3, 2]);
    expect(await ids(['--within', '3d'])).toEqual([3, 2, 1]);
    expect(await ids(['--within', '4d'])).toEqual([3, 2, 1, 6]);
    expect(await ids(['--within', 'friday'])).toEqual([3, 2, 1, 6]);
    expect((await at(s, '2026-11-23T08:00', ['due', '--within', 'soon'])).code).toBe(2);
  });

  it('prints the JSON rows with every key, and an empty list is a success in every format', async () => {
    const s = await shop();
    const rows = JSON.parse((await at(s, '2026-11-23T08:00', ['due', '--json'])).stdout);
    expect(rows[0]).toEqual({
      id: 3, name: 'Priya Nair', reason: 'follow-up', due_at: '2026-11-20', overdue_days: 3, last_touch_at: null,
      last_touch_type: null, stage: 'interested', owner: 'mitra', phone: null, email: null, note: 'send the wedding quote',
    });
    const empty = (await tempStore());
    expect(await run(empty, ['due', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
    expect((await run(empty, ['due', '--format', 'tsv'])).stdout).toBe('id\tname\treason\tdue_at\toverdue_days\tlast_touch_at\tlast_touch_type\tstage\towner\tphone\temail\tnote\n');
    expect((await run(empty, ['due'])).stderr).toContain('nothing due');
  });

  it('from cron on a --store that does not exist: exit 0 and the empty list, as now, but a warning on stderr even with -q', async () => {
    const typo = (await tempStore());
    const r = await run(typo, ['-q', 'due', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,name,reason,due_at,overdue_days,last_touch_at,last_touch_type,stage,owner,phone,email,note\n');
    expect(r.stderr).toBe(missingStoreWarning(typo));
    expect((await run(typo, ['stale', '--json'])).stderr).toBe(missingStoreWarning(typo));
    const show = await run(typo, ['prospect', 'show', 'ravi']);
    expect(show.code).toBe(3);
    expect(`${show.stderr.split('\n')[1]}\n`).toBe(missingStoreWarning(typo));
    // A write creates it; from then on reads are quiet.
    await run(typo, ['prospect', 'add', 'Ravi']);
    expect((await run(typo, ['due', '--format', 'csv'])).stderr).toBe('');
  });
});

describe('stale', () => {
  it('pre-customer prospects silent for n days with nothing planned, longest silent first', async () => {
    const s = await shop();
    const r = await at(s, '2026-11-23T08:00', ['stale', '--format', 'csv']);
    // Ravi's daily cadence runs; Anita's ran out today but she was touched 7 days ago (< 14).
    // Priya's follow-up is overdue: the plan slipped, and she has been silent since creation (22 days).
    // Grace has a follow-up on Friday: planned, so not stale. Lena is lost, Oliver is do-not-contact.
    expect(r.stdout).toBe([
      'id,name,stage,silent_days,last_touch_at,last_touch_type,follow_up_at,owner,created_at',
      '3,Priya Nair,interested,22,,,2026-11-20,mitra,2026-11-01T10:00:00.000Z',
      '',
    ].join('\n'));
    const days = async (n: string) => JSON.parse((await at(s, '2026-11-23T08:00', ['stale', '--days', n, '--json'])).stdout).map((x: { id: number }) => x.id);
    expect(await days('22')).toEqual([3]);
    expect(await days('23')).toEqual([]);
    // At 7 days Anita counts too: her weekly cadence ran out today, so nothing is planned ahead any more.
    expect(await days('7')).toEqual([3, 2]);
    expect((await at(s, '2026-11-23T08:00', ['stale', '--days', 'x'])).code).toBe(2);
  });

  it('a customer is never stale; a touch takes a prospect off', async () => {
    const s = (await tempStore());
    await at(s, '2026-10-01T10:00', ['prospect', 'add', 'A']);
    await at(s, '2026-10-01T10:00', ['prospect', 'add', 'B']);
    await at(s, '2026-10-02T10:00', ['convert', 'b']);
    const ids = async () => JSON.parse((await at(s, '2026-11-23T08:00', ['stale', '--json'])).stdout).map((x: { id: number }) => x.id);
    expect(await ids()).toEqual([1]);
    await at(s, '2026-11-20T10:00', ['touch', 'log', 'a', 'call']);
    expect(await ids()).toEqual([]);
  });
});
