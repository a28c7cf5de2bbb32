// Occasions (birthdays and other days that matter): occasion add|list|remove, due's reminders, the calendar, the
// digest's coming-up section, and birthdays read from contact files — on every backend, with a fixed clock.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const at = (store: string, when: string, args: string[]) => run(store, args, { now: `${when}:00.000Z` });

async function shop(): Promise<string> {
  const s = await tempStore();
  await at(s, '2026-01-05T10:00', ['prospect', 'add', 'Ravi Sen', '--phone', '+91 98300 11111']);
  await at(s, '2026-01-05T10:00', ['prospect', 'add', 'Anna Berg', '--email', 'anna@example.com']);
  return s;
}

const csvOf = async (s: string, when: string, args: string[]) => {
  const r = await at(s, when, [...args, '--format', 'csv']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe('occasion add, list, remove', () => {
  it('keeps a yearly day (29 Feb on 28 Feb in other years) and a day once, soonest first, and --within keeps the coming ones', async () => {
    const s = await shop();
    expect(await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', "wife's birthday", '03-14'])).toMatchObject({ code: 0, stdout: '1\n' });
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', 'anna', 'leap birthday', '02-29', '--remind', '2w'])).code).toBe(0);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', '1', 'daughter\'s wedding', '2026-06-20', '--remind', '0'])).code).toBe(0);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', 'shop anniversary', '2025-12-01'])).code).toBe(0);
    expect(await csvOf(s, '2026-02-20T10:00', ['occasion', 'list'])).toBe([
      'id,prospect_id,name,label,date,next,in_days',
      '2,2,Anna Berg,leap birthday,02-29,2026-02-28,8',
      "1,1,Ravi Sen,wife's birthday,03-14,2026-03-14,22",
      "3,1,Ravi Sen,daughter's wedding,2026-06-20,2026-06-20,120",
      '4,1,Ravi Sen,shop anniversary,2025-12-01,,',
      '',
    ].join('\n'));
    expect(await csvOf(s, '2026-02-20T10:00', ['occasion', 'list', '--within', '30d'])).toBe([
      'id,prospect_id,name,label,date,next,in_days',
      '2,2,Anna Berg,leap birthday,02-29,2026-02-28,8',
      "1,1,Ravi Sen,wife's birthday,03-14,2026-03-14,22",
      '',
    ].join('\n'));
    // In a leap year the day is the 29th; after this year's, the next year's.
    expect(await csvOf(s, '2028-02-01T10:00', ['occasion', 'list', 'anna'])).toBe('id,prospect_id,name,label,date,next,in_days\n2,2,Anna Berg,leap birthday,02-29,2028-02-29,28\n');
    expect(await csvOf(s, '2026-03-15T10:00', ['occasion', 'list', 'ravi', '--within', '1y'])).toContain("1,1,Ravi Sen,wife's birthday,03-14,2027-03-14,364\n");
    expect(await at(s, '2026-03-15T10:00', ['occasion', 'remove', '1'])).toMatchObject({ code: 0, stdout: '1\n' });
    expect(await csvOf(s, '2026-03-15T10:00', ['occasion', 'list', 'ravi'])).not.toContain('wife');
  });

  it('refuses what is not a day (2), an unknown prospect or occasion (3), a forgotten prospect (4)', async () => {
    const s = await shop();
    for (const day of ['02-30', '13-01', '14/03', '2025-02-29', 'tomorrow']) {
      const r = await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', 'birthday', day]);
      expect(r.code, day).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`error: "${day}" is not a day: give MM-DD (every year, e.g. 03-14) or YYYY-MM-DD (once, e.g. 2026-06-20)`);
    }
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', ' ', '03-14'])).code).toBe(2);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', 'birthday', '03-14', '--remind', 'soon'])).code).toBe(2);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', 'nobody', 'birthday', '03-14'])).code).toBe(3);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'remove', '9'])).code).toBe(3);
    await at(s, '2026-01-06T10:00', ['prospect', 'forget', 'anna', '--yes']);
    expect((await at(s, '2026-01-06T10:00', ['occasion', 'add', '2', 'birthday', '03-14'])).code).toBe(4);
  });

  it('go with a removed or forgotten prospect, and move with a merged one', async () => {
    const s = await shop();
    await at(s, '2026-01-05T10:00', ['prospect', 'add', 'R. Sen', '--email', 'ravi@example.com']);
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi sen', 'birthday', '04-01']);
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'r. sen', 'wedding day', '05-02']);
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'anna', "mother's day", '05-10']);
    expect((await at(s, '2026-01-07T10:00', ['prospect', 'merge', '1', '3', '--yes'])).code).toBe(0);
    expect(await csvOf(s, '2026-01-07T10:00', ['occasion', 'list'])).toBe([
      'id,prospect_id,name,label,date,next,in_days',
      '1,1,Ravi Sen,birthday,04-01,2026-04-01,84',
      '2,1,Ravi Sen,wedding day,05-02,2026-05-02,115',
      "3,2,Anna Berg,mother's day,05-10,2026-05-10,123",
      '',
    ].join('\n'));
    expect((await at(s, '2026-01-07T10:00', ['prospect', 'forget', 'anna', '--yes'])).code).toBe(0);
    expect((await at(s, '2026-01-07T10:00', ['prospect', 'remove', 'ravi', '--yes'])).code).toBe(0);
    expect(await csvOf(s, '2026-01-07T10:00', ['occasion', 'list'])).toBe('id,prospect_id,name,label,date,next,in_days\n');
    expect((await at(s, '2026-01-07T10:00', ['store', 'check'])).code).toBe(0);
  });
});

describe('due and occasions', () => {
  const DUE_HEAD = 'id,name,reason,due_at,overdue_days,last_touch_at,last_touch_type,stage,owner,phone,email,note';

  it('lists an occasion from its reminder day until the day itself, never the day before or after', async () => {
    const s = await shop();
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', "wife's birthday", '03-14', '--remind', '5d']);
    const due = (when: string) => csvOf(s, when, ['due']);
    expect(await due('2026-03-08T10:00')).toBe(`${DUE_HEAD}\n`);
    expect(await due('2026-03-09T10:00')).toBe(`${DUE_HEAD}\n1,Ravi Sen,occasion,2026-03-14,-5,,,interested,,+91 98300 11111,,"occasion: wife's birthday, Sat 14 Mar, in 5 days"\n`);
    expect(await due('2026-03-13T10:00')).toContain('"occasion: wife\'s birthday, Sat 14 Mar, tomorrow"');
    expect(await due('2026-03-14T23:00')).toContain(',0,,,interested,,+91 98300 11111,,"occasion: wife\'s birthday, Sat 14 Mar, today"\n');
    expect(await due('2026-03-15T10:00')).toBe(`${DUE_HEAD}\n`);
    // --within looks ahead: the reminder day (9 March) is within 3 days of 6 March.
    expect(await due('2026-03-05T10:00')).toBe(`${DUE_HEAD}\n`);
    expect(await csvOf(s, '2026-03-06T10:00', ['due', '--within', '3d'])).toContain('in 8 days');
  });

  it('lists a follow-up and an occasion of one prospect on the same day with the follow-up first; never a do-not-contact, lost or forgotten one', async () => {
    const s = await shop();
    await at(s, '2026-01-05T10:00', ['prospect', 'add', 'Lena Park']);
    await at(s, '2026-01-05T10:00', ['prospect', 'add', 'Omar Haddad']);
    for (const who of ['ravi', 'anna', 'lena', 'omar']) await at(s, '2026-01-06T10:00', ['occasion', 'add', who, 'birthday', '03-12']);
    await at(s, '2026-01-06T10:00', ['prospect', 'follow-up', 'ravi', '2026-03-12']);
    await at(s, '2026-01-06T10:00', ['prospect', 'do-not-contact', 'anna']);
    await at(s, '2026-01-06T10:00', ['prospect', 'lose', 'lena', '--reason', 'moved away']);
    await at(s, '2026-01-06T10:00', ['prospect', 'forget', 'omar', '--yes']);
    const rows = (await csvOf(s, '2026-03-10T10:00', ['due', '--within', '2d'])).trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(['1,Ravi Sen,follow-up', '1,Ravi Sen,occasion']);
  });

  it('puts occasions in the calendar as all-day events, one UID per occasion and year, stable from run to run', async () => {
    const s = await shop();
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', "wife's birthday", '03-14']);
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'anna', 'name day', '04-30']);
    const events = async (when: string) => {
      const r = await at(s, when, ['due', '--format', 'ics']);
      expect(r.code, r.stderr).toBe(0);
      const cal = new ICAL.Component(ICAL.parse(r.stdout));
      return cal.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return { uid: e.uid, day: e.startDate.toString(), allDay: e.startDate.isDate, end: e.endDate.toString(), summary: e.summary, description: e.description };
      });
    };
    const first = await events('2026-03-01T08:00');
    expect(first.map((e) => [e.summary, e.day, e.allDay, e.end, e.description])).toEqual([["wife's birthday: Ravi Sen", '2026-03-14', true, '2026-03-15', '+91 98300 11111']]);
    const again = await events('2026-03-10T08:00');
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(first[0]!.uid).toMatch(/^occasion-1-2026\.[0-9a-f]{12}@precrm$/);
    const nextYear = await events('2027-03-01T08:00');
    expect(nextYear[0]!.uid).toBe(first[0]!.uid.replace('-2026.', '-2027.'));
    expect((await events('2026-04-05T08:00')).map((e) => e.summary)).toEqual(['name day: Anna Berg']);
  });

  it('digest has a coming-up section with the occasions of the next 7 days', async () => {
    const s = await shop();
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'ravi', "wife's birthday", '03-14']);
    await at(s, '2026-01-06T10:00', ['occasion', 'add', 'anna', 'name day', '03-20']);
    const text = await at(s, '2026-03-09T08:00', ['digest']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.endsWith("\nComing up (next 7 days)\n    Sat 14 Mar  wife's birthday: Ravi Sen (in 5 days)\n")).toBe(true);
    const json = JSON.parse((await at(s, '2026-03-09T08:00', ['digest', '--format', 'json'])).stdout);
    expect(json.comingUp).toEqual([{ day: '2026-03-14', inDays: 5, label: "wife's birthday", prospectId: 1, name: 'Ravi Sen' }]);
  });
});

describe('birthdays from contact files', () => {
  it('reads Google\'s and Outlook\'s Birthday and a vCard BDAY as the occasion "birthday", once, not as a custom field', async () => {
    const s = await tempStore();
    const dir = tempDir();
    const google = join(dir, 'google.csv');
    writeFileSync(google, 'First Name,Last Name,E-mail 1 - Value,Birthday\nRavi,Sen,ravi@example.com,1990-04-01\nAnna,Berg,anna@example.com,--12-24\nLena,Park,lena@example.com,\n');
    const outlook = join(dir, 'outlook.csv');
    writeFileSync(outlook, 'First Name,Last Name,E-mail Address,Birthday\nOmar,Haddad,omar@example.com,4/23/1988\nJo,Kim,jo@example.com,0/0/00\n');
    const vcf = join(dir, 'c.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Martin\r\nEMAIL:zoe@example.fr\r\nBDAY:1985-02-28\r\nEND:VCARD\r\n');
    for (const file of [google, outlook, vcf]) {
      const r = await at(s, '2026-03-01T10:00', ['import', 'prospects', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('Birthday');
    }
    // A re-import adds no second birthday.
    expect((await at(s, '2026-03-01T11:00', ['import', 'prospects', google])).code).toBe(0);
    expect(await csvOf(s, '2026-03-01T12:00', ['occasion', 'list'])).toBe([
      'id,prospect_id,name,label,date,next,in_days',
      '1,1,Ravi Sen,birthday,04-01,2026-04-01,31',
      '3,4,Omar Haddad,birthday,04-23,2026-04-23,53',
      '2,2,Anna Berg,birthday,12-24,2026-12-24,298',
      '4,6,Zoé Martin,birthday,02-28,2027-02-28,364',
      '',
    ].join('\n'));
    const shown = JSON.parse((await at(s, '2026-03-01T12:00', ['prospect', 'show', '6', '--format', 'json'])).stdout);
    expect(shown.fields ?? shown.prospect?.fields).toEqual({});
  });

  it('rejects a row whose birthday is not a date or could be read two ways, naming the line', async () => {
    const s = await tempStore();
    const file = join(tempDir(), 'in.csv');
    writeFileSync(file, 'Name,Email,Birthday\nRavi,ravi@example.com,4/5/1990\nAnna,anna@example.com,soon\n');
    const r = await at(s, '2026-03-01T10:00', ['import', 'prospects', file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('birthday "4/5/1990" could be day/month or month/day; write it as YYYY-MM-DD');
    expect(r.stderr).toContain('birthday "soon" is not a date');
  });
});
