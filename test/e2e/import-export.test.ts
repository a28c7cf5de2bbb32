// End to end on the built bin/precrm: a pipe into `import … -`, exit codes, and a CSV out of `export`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPrecrm, tempDir } from '../helpers.js';

describe('precrm import/export (spawned)', () => {
  it('imports from a pipe, refuses bad rows with 65, a folder with 66, and exports the result', async () => {
    const dir = tempDir();
    const env = { PRECRM_STORE: join(dir, 'store.json'), PRECRM_NOW: '2026-03-10T12:00:00Z' };
    const ok = await spawnPrecrm(['import', 'prospects', '-'], { env, input: '\ufeffFull Name;E-mail\r\nRavi Sen;ravi@example.com\r\n' });
    expect(ok).toMatchObject({ code: 0, stderr: 'created 1, merged 0, skipped 0, rejected 0\n', stdout: '' });
    const bad = await spawnPrecrm(['import', 'prospects', '-'], { env, input: 'name,email\nAnna,not-an-email\n' });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('  line 2: email "not-an-email" is not an email address\n');
    expect((await spawnPrecrm(['import', 'prospects', dir], { env })).code).toBe(66);
    const out = await spawnPrecrm(['export', 'prospects', '--format', 'csv'], { env });
    expect(out.stdout.split('\n')[1]).toBe('1,Ravi Sen,ravi@example.com,,,,interested,,,,false,,,,,,,,,,2026-03-10T12:00:00.000Z,2026-03-10T12:00:00.000Z,'); // description, empty
    expect(JSON.parse(readFileSync(env.PRECRM_STORE, 'utf8')).prospects).toHaveLength(1);
  });
});
