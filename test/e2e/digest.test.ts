// precrm digest from the real binary, piped as cron mails it (the figures themselves: test/commands/digest.test.ts).
import { describe, expect, it } from 'vitest';
import { spawnPrecrm } from '../helpers.js';
import { MONDAY, weekStore } from '../fixtures/digest-week.js';

describe('precrm digest, spawned', () => {
  it('piped from the real binary: no colour, no borders', async () => {
    const store = await weekStore();
    const r = await spawnPrecrm(['--store', store, 'digest'], { env: { PRECRM_NOW: MONDAY, FORCE_COLOR: '1', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[|[│┌└]/);
    expect(r.stdout).toContain('New prospects                3  +2');
  });
});
