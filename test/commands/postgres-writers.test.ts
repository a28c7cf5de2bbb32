// A team at once: 50 precrm processes logging touches on one PostgreSQL store all succeed — no lock timeouts,
// since writers lock rows, not the store — every touch is kept, and the ids are 1..50 with none skipped or reused.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { freshDatabase } from '../pg.js';
import { startPrecrm } from '../store/fixtures.js';

const WRITERS = 50;

describe('50 writer processes on one PostgreSQL store', () => {
  it('all succeed, every touch is kept, ids 1..50', async () => {
    const { url } = await freshDatabase();
    for (let i = 1; i <= 10; i++) {
      const r = await run(url, ['prospect', 'add', `Person ${i}`, '--email', `p${i}@example.com`]);
      expect(r.code, r.stderr).toBe(0);
    }
    // 50 node processes starting at once on 2 cores: at a load average of 30 one waited out the default 10 s to connect.
    const writers = Array.from({ length: WRITERS }, (_, i) =>
      startPrecrm(url, ['-q', 'touch', 'log', `p${(i % 10) + 1}@example.com`, 'visit', `visit ${i}`], { PRECRM_LOCK_TIMEOUT: '60000', PRECRM_CONNECT_TIMEOUT: '60000' }).done);
    const results = await Promise.all(writers);
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    const list = await run(url, ['touch', 'list', '--format', 'json']);
    const touches = JSON.parse(list.stdout) as { id: number; note: string }[];
    expect(touches.map((t) => t.note).sort()).toEqual(Array.from({ length: WRITERS }, (_, i) => `visit ${i}`).sort());
  }, 180_000);
});
