// `report html` through its verb: parse checks --out before any work, run returns the page, show writes it to
// stdout or the checked file.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../../../src/commands/report/html.js';
import { funnelFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempDir, tempStore, withContext } from '../../helpers.js';

describe('report html (verb)', () => {
  it('parses the window, the title and --out, a file checked before any work', async () => {
    const store = await tempStore();
    const dir = tempDir();
    const options = await withContext(store, async (ctx) => html.parse([], { since: '2026-01-01', out: 'page.html' }, ctx), { cwd: dir });
    expect(options).toMatchObject({
      title: 'precrm report', filter: { createdSince: new Date(2026, 0, 1).toISOString() }, tallies: { since: new Date(2026, 0, 1).toISOString() },
      target: { shown: 'page.html', real: join(dir, 'page.html'), what: 'the report file', place: { kind: 'file' } },
    });
    expect(html.show('<html></html>', options).map((p) => p.kind)).toEqual(['text-out', 'info']);
    expect(html.show('<html></html>', { ...options, target: undefined })).toEqual([{ kind: 'text', text: '<html></html>', form: undefined, paged: false }]);
  });

  it('refuses an --out it cannot write before any work (exit 73)', async () => {
    const store = await tempStore();
    const refused = withContext(store, async (ctx) => html.parse([], { out: tempDir() }, ctx));
    await expect(refused).rejects.toMatchObject({ exitCode: 73, message: expect.stringMatching(/cannot write the report file .* it is a folder/) });
  });

  it('run returns the page: every section, names only, the window in its subtitle', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const page = await withContext(store, async (ctx) => html.run(ctx, await html.parse([], { title: 'Bakery', since: '2026-01-01' }, ctx)));
    expect(page).toContain('<title>Bakery</title>');
    expect(page).toContain('Prospects created from 2026-01-01 · made 2026-03-10');
    for (const id of ['funnel', 'sources', 'cohorts', 'velocity', 'referrers', 'loyalty', 'due']) expect(page).toContain(`<section id="${id}">`);
  });

  it('writes --out FILE (mode 0600) and says so on stderr (argv level)', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const dir = tempDir();
    const r = await run(store, ['report', 'html', '--out', 'page.html'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'wrote page.html\n']);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(statSync(join(dir, 'page.html')).mode & 0o777).toBe(0o600);
  });
});
