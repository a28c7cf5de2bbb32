// `import touches` gives the same store on every backend: SQLite and PostgreSQL plan and write a batch set-based
// (store/sql/touch-import.ts), the JSON store touch by touch through recordTouch. One file exercises everything a
// touch changes — a stage move (its time from the touch, from the history, or now), a completed follow-up, a
// forgotten prospect's note, repeats in the store and in the file, references by id, email and the second column —
// and is imported into this test's backend and into a JSON store, whole and in batches of three rows; every export,
// `prospect show --json`, `due`, the funnel and `store check` must come out byte for byte the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const csvFile = (text: string) => {
  const path = join(tempDir(), 'touches.csv');
  writeFileSync(path, text);
  return path;
};

/** The same prospects and history on a store, by the same commands at the same times. */
async function seed(store: string): Promise<void> {
  const at = (now: string) => ({ now });
  const add = (args: string[], now = '2026-03-01T09:00:00Z') => run(store, ['-q', 'prospect', 'add', ...args], at(now));
  await add(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware']); // 1: moved by an inbound touch
  await add(['Anita Rao', '--email', 'anita@example.com', '--stage', 'aware', '--follow-up', '2026-03-04', '--next', 'bring a sample']); // 2
  await add(['Kofi Mensah', '--email', 'kofi@example.com', '--follow-up', '2026-03-20', '--cadence', '1w']); // 3: follow-up not yet due
  await add(['Lena Fischer', '--email', 'lena@example.com', '--stage', 'aware']); // 4: only outbound touches
  await add(['Yuki Tanaka', '--email', 'yuki@example.com', '--note', 'likes rye']); // 5: forgotten below
  await add(['Omar Das', '--email', 'omar@example.com'], '2026-03-02T10:00:00Z'); // 6: back to aware later
  await add(['Meera Iyer', '--email', 'meera@example.com', '--stage', 'aware']); // 7: touched later today
  await add(['Zara Costa', '--email', 'ZARA@example.com', '--stage', 'engaged', '--tag', 'cakes']); // 8
  await add(['Zara C.', '--email', 'zara@example.com', '--allow-duplicate', '--stage', 'aware']); // 9: shares 8's email key
  await run(store, ['-q', 'prospect', 'stage', '6', 'aware'], at('2026-03-08T15:00:00Z'));
  await run(store, ['-q', 'prospect', 'forget', '5', '--yes'], at('2026-03-09T08:00:00Z'));
  await run(store, ['-q', 'touch', 'log', '3', 'call', '--at', '2026-03-05T10:00'], at('2026-03-05T11:00:00Z'));
}

const FILE = [
  'prospect,email,type,at,note,outcome,direction,by',
  '1,,greeting,2026-03-03T10:00:00Z,said hi,positive,out,mitra',
  'ravi@example.com,,website,2026-03-04T20:15:00Z,/menu,,,',
  '1,,website,2026-03-04T21:00:00Z,again,,in,',
  '2,,call,2026-03-05T09:00:00Z,,neutral,out,joel',
  ',ANITA@example.com,visit,2026-03-03T12:00:00Z,before the day,,,',
  '3,,call,2026-03-05T10:00:00Z,stored already,,,',
  '3,,email,2026-03-06T10:00:00Z,,,,',
  '3,,email,2026-03-06T10:00:00Z,repeat in the file,,,',
  '4,,call,2026-03-07T10:00:00Z,,negative,out,',
  '5,,visit,2026-03-07T11:00:00Z,private words,,in,',
  '6,,message,2026-03-05T08:00:00Z,,,in,',
  'meera@example.com,,social,2026-03-10T18:00:00Z,tonight,,in,',
  'zara@example.com,,tasting,2026-03-09T16:00:00Z,,positive,,',
  ',Zara@Example.com,visit,2026-03-09T16:30:00Z,,,,',
  '99,omar@example.com,sample,2026-03-09T17:00:00Z,second column,,,',
  'nobody@example.com,,call,2026-03-09T10:00:00Z,,,,',
  '4,,website,2026-03-08T10:00:00Z,,,out,',
].join('\n') + '\n';

/** Everything a user can read back after the import. */
async function outputs(store: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const read = async (name: string, args: string[]) => {
    const r = await run(store, args);
    // `store check` names the store; nothing else may differ.
    out[name] = `${r.code}\n${r.stdout}${r.stderr}`.replaceAll(/\S*(store\.json|store\.db|reference\.json)|postgres:\/\/\S*\/precrm_\w+/g, 'STORE');
  };
  await read('touches', ['export', 'touches', '--format', 'csv']);
  await read('prospects', ['export', 'prospects', '--format', 'json']);
  for (let id = 1; id <= 9; id++) await read(`show ${id}`, ['prospect', 'show', String(id), '--format', 'json']);
  await read('due', ['due', '--format', 'csv']);
  await read('funnel', ['report', 'funnel', '--format', 'csv']);
  await read('check', ['store', 'check']);
  await read('next touch', ['touch', 'log', '4', 'call', '--format', 'json']);
  return out;
}

describe.each([['in one batch', {}], ['in batches of three rows', { PRECRM_IMPORT_BATCH: '3' }]])('import touches %s', (_, env) => {
  it('leaves the store as the JSON store records it touch by touch', async () => {
    const store = await tempStore();
    const reference = join(tempDir(), 'reference.json');
    const file = csvFile(FILE);
    const results = [];
    for (const s of [store, reference]) {
      await seed(s);
      const r = await run(s, ['import', 'touches', file, '--skip-invalid'], { env });
      results.push({ imported: r, ...(await outputs(s)) });
    }
    const [got, want] = results;
    expect(got!.imported).toEqual(want!.imported);
    expect(got!.imported).toMatchObject({
      code: 0,
      stderr: 'warning: skipped line 17: prospect "nobody@example.com" matches no prospect (import or add the prospect first)\ncreated 14, merged 0, skipped 2, rejected 1\n',
    });
    for (const key of Object.keys(want!)) expect(got![key as keyof typeof got], key).toEqual(want![key as keyof typeof want]);
  });
});
