import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPrecrm, tempDir } from '../helpers.js';

// The built bin/precrm in Kolkata (UTC+5:30): input and display are local, the store is UTC.
describe('time zones end to end (TZ=Asia/Kolkata)', () => {
  it('stores UTC, shows local time, and compares calendar days in the local zone', async () => {
    const store = join(tempDir(), 'store.json');
    const env = (now: string) => ({ TZ: 'Asia/Kolkata', PRECRM_STORE: store, PRECRM_NOW: now, PRECRM_USER: 'mitra', NO_COLOR: '1' });
    // 1 Nov, 10:00 IST.
    expect((await spawnPrecrm(['prospect', 'add', 'Ravi Sen', '--cadence', '1d'], { env: env('2026-11-01T04:30:00Z') })).code).toBe(0);
    // A greeting at 23:30 local on 22 Nov, logged the same evening.
    const log = await spawnPrecrm(['touch', 'log', 'ravi', 'greeting', '--at', '2026-11-22T23:30'], { env: env('2026-11-22T18:10:00Z') });
    expect(log).toMatchObject({ code: 0, stdout: '1\n' });
    expect(JSON.parse(readFileSync(store, 'utf8')).touches[0].at).toBe('2026-11-22T18:00:00.000Z');
    // Still 22 Nov locally at 23:50: nothing due.
    expect((await spawnPrecrm(['due', '--format', 'csv'], { env: env('2026-11-22T18:20:00Z') })).stdout.split('\n')[1]).toBe('');
    // 00:30 local on 23 Nov (still 22 Nov in UTC): the daily cadence is due today.
    const due = await spawnPrecrm(['due', '--json'], { env: env('2026-11-22T19:00:00Z') });
    expect(JSON.parse(due.stdout)).toMatchObject([{ id: 1, reason: 'cadence', due_at: '2026-11-23', overdue_days: 0, last_touch_at: '2026-11-22T18:00:00.000Z' }]);
    const table = await spawnPrecrm(['touch', 'list'], { env: env('2026-11-22T19:00:00Z') });
    expect(table.stdout).toContain('2026-11-22 23:30');
    // "today" for a follow-up at 00:30 local is 23 Nov locally.
    await spawnPrecrm(['prospect', 'follow-up', 'ravi', 'today', 'bring a slice'], { env: env('2026-11-22T19:00:00Z') });
    const show = await spawnPrecrm(['prospect', 'show', 'ravi'], { env: env('2026-11-22T19:00:00Z') });
    expect(show.stdout).toMatch(/follow-up +2026-11-23 {2}bring a slice/);
  });

  it('day fields are the local day in csv, tsv and json, under any zone; instants stay UTC', async () => {
    const store = join(tempDir(), 'store.json');
    const env = (tz: string, now: string) => ({ TZ: tz, PRECRM_STORE: store, PRECRM_NOW: now, PRECRM_USER: 'mitra', NO_COLOR: '1' });
    // Added in Kolkata with a follow-up "2026-11-19": local midnight there is 2026-11-18T18:30Z.
    await spawnPrecrm(['prospect', 'add', 'Ravi Sen', '--follow-up', '2026-11-19', '--next', 'call back'], { env: env('Asia/Kolkata', '2026-11-10T04:30:00Z') });
    expect(JSON.parse(readFileSync(store, 'utf8')).prospects[0].followUp.at).toBe('2026-11-18T18:30:00.000Z');
    for (const tz of ['Asia/Kolkata', 'UTC']) {
      const now = '2026-11-19T06:00:00Z';
      const csv = await spawnPrecrm(['due', '--format', 'csv'], { env: env(tz, now) });
      const table = await spawnPrecrm(['due'], { env: env(tz, now) });
      const json = JSON.parse((await spawnPrecrm(['due', '--json'], { env: env(tz, now) })).stdout);
      const tsv = await spawnPrecrm(['due', '--format', 'tsv'], { env: env(tz, now) });
      const stale = JSON.parse((await spawnPrecrm(['stale', '--days', '1', '--json'], { env: env(tz, '2026-11-20T06:00:00Z') })).stdout);
      // The day the mail names is the day the table shows, in that zone.
      const day = tz === 'UTC' ? '2026-11-18' : '2026-11-19';
      expect(csv.stdout.split('\n')[1], tz).toBe(`1,Ravi Sen,follow-up,${day},${tz === 'UTC' ? 1 : 0},,,interested,,,,call back`);
      expect(table.stdout, tz).toContain(day);
      expect(tsv.stdout.split('\n')[1]!.split('\t')[3], tz).toBe(day);
      expect(json[0].due_at, tz).toBe(day);
      expect(stale[0], tz).toMatchObject({ follow_up_at: day, created_at: '2026-11-10T04:30:00.000Z' });
    }
  });
});
