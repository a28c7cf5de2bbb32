// `prospect forget` and the files beside the store: no file precrm wrote there (a pre-migration .bak, a temp file
// a killed write left) keeps the person; the dated backups the user made with `store backup` are listed.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

const HANNAH = { name: 'Hannah Becker', email: 'hannah.b@example.de', phone: '+49 170 5550101' };

/** A schema-0 store (the pre-release shape: no schema, no nextId) holding Hannah and Jonas. */
async function schema0Store(): Promise<string> {
  const store = (await tempStore());
  const at = '2026-02-11T08:50:00.000Z';
  const person = (id: number, p: Partial<typeof HANNAH> & { name: string }) => ({
    id, name: p.name, email: p.email ?? null, phone: p.phone ?? null, company: null, source: 'website', stage: 'interested',
    stageHistory: [{ stage: 'interested', at }], tags: [], owner: null, referredBy: null, doNotContact: false, consent: [],
    cadenceDays: null, lostReason: null, followUp: null, fields: {}, conversion: null, notes: null, forgottenAt: null,
    createdAt: at, updatedAt: at,
  });
  writeFileSync(store, JSON.stringify({ prospects: [person(1, HANNAH), person(2, { name: 'Jonas Larsen' })], touches: [], surveys: [], responses: [] }), { mode: 0o600 });
  return store;
}

/** The files in the store's folder that hold any of the person's details. */
const holding = (store: string) => readdirSync(dirname(store)).filter((f) => {
  const text = readFileSync(join(dirname(store), f), 'utf8').toLowerCase();
  return [HANNAH.email, 'hannah', '5550101'].some((s) => text.includes(s));
});

describe('prospect forget and the files beside the store', () => {
  it('after a schema-0 migration: no file in the folder holds the email any more', async () => {
    const store = await schema0Store();
    const r = await run(store, ['prospect', 'forget', HANNAH.email, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(holding(store)).toEqual([]);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
    expect(r.stderr).toContain(`removed ${store}.schema0.bak, precrm's own copy of the store from before a schema upgrade, which held their data`);
    expect(r.stderr).not.toMatch(/^warning: backups/m);
  });

  it('an earlier migration copy and a temp file left by a killed write are cleared too; other copies are kept', async () => {
    const store = await schema0Store();
    expect((await run(store, ['prospect', 'add', 'Mira'])).code).toBe(0); // migrates: store.json.schema0.bak holds Hannah
    writeFileSync(join(dirname(store), '.store.json.precrm-4242-abcdef.tmp'), readFileSync(store)); // as kill -9 mid-write leaves it
    const r = await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(holding(store)).toEqual([]);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  });

  it('dated backups made with store backup are the user\'s: listed in the warning, not removed', async () => {
    const store = await schema0Store();
    expect((await run(store, ['prospect', 'add', 'Mira'])).code).toBe(0);
    const backup = (await run(store, ['store', 'backup'], { now: '2026-03-01T09:00:00Z' })).stdout.trim();
    const r = await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: backups made with precrm store backup still hold their data: ${backup} (delete them, or keep them knowingly)\n`);
    expect(holding(store)).toEqual([backup.split('/').at(-1)]);
    // precrm's own copy is not listed among the user's backups: it is gone.
    expect(r.stderr.split('\n').find((l) => l.startsWith('warning: backups'))).not.toContain('schema0');
    expect(r.stderr).toContain(`removed ${store}.schema0.bak`);
  });
});
