// Property tests over the command layer: random sequences of lifecycle commands, run in-process through the
// same argv path as a user, must keep the store's invariants whatever order they come in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseTempStore, run, tempStore, storeCreated, storedDoc } from '../helpers.js';

const PATH = ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate'];
const STAGES = [...PATH, 'lost'];
/** Exit codes these commands may document (docs/CONTRACT.md §2); 1 is a bug, the rest cannot happen here. */
const ALLOWED_CODES = [0, 2, 3, 4];

interface Doc {
  nextId: { prospect: number; touch: number };
  prospects: { id: number; stage: string; stageHistory: { stage: string; at: string }[]; conversion: unknown }[];
  touches: { id: number; prospectId: number }[];
}

// Every sequence starts with prospects 1..3; references 1..4 hit them, later adds, removed ones and nobody.
const ref = fc.integer({ min: 1, max: 4 }).map(String);
const START = [['prospect', 'add', 'Ravi', '--stage', 'aware'], ['prospect', 'add', 'Anna'], ['prospect', 'add', 'Mitra', '--stage', 'engaged']];
const stage = fc.constantFrom(...STAGES, 'bogus');
const command: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('Ravi', 'Anna', 'Mitra'), fc.option(fc.constantFrom('a@x.io', 'b@x.io')), fc.option(stage))
    .map(([name, email, st]) => ['prospect', 'add', name, '--allow-duplicate', ...(email ? ['--email', email] : []), ...(st ? ['--stage', st] : [])]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('Ravi', 'Anna'), fc.constantFrom('a@x.io', 'b@x.io')).map(([n, e]) => ['prospect', 'add', n, '--email', e]) },
  { weight: 4, arbitrary: fc.tuple(ref, fc.constantFrom('greeting', 'visit', 'sample', 'call', 'referral', 'nonsense'), fc.constantFrom('in', 'out'), fc.option(stage))
    .map(([r, type, dir, st]) => ['touch', 'log', r, type, '--direction', dir, ...(st ? ['--stage', st] : [])]) },
  { weight: 3, arbitrary: fc.tuple(ref, stage).map(([r, st]) => ['prospect', 'stage', r, st]) },
  { weight: 3, arbitrary: fc.tuple(ref, fc.option(fc.constantFrom('0', '12.5', '250'))).map(([r, v]) => ['convert', r, ...(v ? ['--value', v] : [])]) },
  { weight: 3, arbitrary: ref.map((r) => ['prospect', 'lose', r, '--reason', 'moved away']) },
  { weight: 3, arbitrary: ref.map((r) => ['prospect', 'reopen', r]) },
  { weight: 2, arbitrary: fc.tuple(ref, ref).map(([a, b]) => ['prospect', 'edit', a, '--referred-by', b]) },
  { weight: 1, arbitrary: ref.map((r) => ['prospect', 'remove', r, '--yes']) },
  { weight: 1, arbitrary: ref.map((r) => ['prospect', 'forget', r, '--yes']) },
);

// Lose-then-reopen rarely comes up by chance: a step is one command, or that pair on one prospect.
const step: fc.Arbitrary<string[][]> = fc.oneof(
  { weight: 5, arbitrary: command.map((c) => [c]) },
  { weight: 1, arbitrary: ref.map((r) => [['prospect', 'lose', r, '--reason', 'too far'], ['prospect', 'reopen', r]]) },
);

/** The stored data through the backend (any backend), or null while nothing was created. */
const readDoc = async (store: string): Promise<Doc | null> => ((await storeCreated(store)) ? ((await storedDoc(store)) as unknown as Doc) : null);
const rank = (s: string) => PATH.indexOf(s);
const furthest = (history: { stage: string }[]) => PATH[Math.max(0, ...history.map((h) => rank(h.stage)))];

/** What must hold between two snapshots of the store, around one command. */
function checkStep(before: Doc | null, after: Doc | null, seen: { prospects: Set<number>; touches: Set<number> }) {
  if (!after) return;
  const ids = after.prospects.map((p) => p.id);
  expect(new Set(ids).size, 'prospect ids unique').toBe(ids.length);
  const touchIds = after.touches.map((t) => t.id);
  expect(new Set(touchIds).size, 'touch ids unique').toBe(touchIds.length);
  for (const p of after.prospects) {
    if (!before?.prospects.some((q) => q.id === p.id)) expect(seen.prospects.has(p.id), `prospect id ${p.id} reused`).toBe(false);
    seen.prospects.add(p.id);
    expect(p.id).toBeLessThan(after.nextId.prospect);
    if (p.stage === 'customer' || p.stage === 'advocate') expect(p.conversion, `prospect ${p.id} is a ${p.stage} without a conversion`).not.toBeNull();
  }
  for (const t of after.touches) {
    if (!before?.touches.some((u) => u.id === t.id)) expect(seen.touches.has(t.id), `touch id ${t.id} reused`).toBe(false);
    seen.touches.add(t.id);
    expect(ids, `touch ${t.id} points to a prospect`).toContain(t.prospectId);
  }
  for (const old of before?.prospects ?? []) {
    const now = after.prospects.find((p) => p.id === old.id);
    // History only grows: the old history is a prefix of the new one.
    if (now) expect(now.stageHistory.slice(0, old.stageHistory.length), `history of ${old.id}`).toEqual(old.stageHistory);
  }
}

/** After a successful reopen the prospect stands at the furthest stage it reached before it was lost. */
function checkReopen(before: Doc | null, after: Doc | null, args: string[]) {
  const id = Number(args[2]);
  const old = before!.prospects.find((p) => p.id === id)!;
  expect(old.stage).toBe('lost');
  expect(after!.prospects.find((p) => p.id === id)!.stage).toBe(furthest(old.stageHistory));
}

const funnelOf = async (store: string) => JSON.parse((await run(store, ['report', 'funnel', '--json'])).stdout) as { stage: string; reached: number }[];

async function checkStore(store: string) {
  if (!(await storeCreated(store))) return;
  const check = await run(store, ['store', 'check']);
  expect(check.code, check.stderr).toBe(0);
  const funnel = await funnelOf(store);
  expect(funnel.map((r) => r.stage)).toEqual(PATH);
  for (let i = 1; i < funnel.length; i++) {
    expect(funnel[i]!.reached, `reached ${funnel[i]!.stage} ≤ reached ${funnel[i - 1]!.stage}`).toBeLessThanOrEqual(funnel[i - 1]!.reached);
  }
  const doc = (await readDoc(store))!;
  const live = doc.prospects.length;
  expect(funnel[0]!.reached).toBe(live);
}

describe('random command sequences', () => {
  it('keep ids unique, history growing, the funnel monotone, touches attached and the store valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const commands = [...START, ...steps.flat()].slice(0, 15);
        const store = (await tempStore());
        try {
          const seen = { prospects: new Set<number>(), touches: new Set<number>() };
          let before = (await readDoc(store));
          for (const [step, args] of commands.entries()) {
            // The clock moves an hour per command, so every stage change has its own time.
            const now = new Date(Date.UTC(2026, 2, 1, 9) + step * 3_600_000).toISOString();
            // Forgetting keeps an anonymous record so that the funnel figures stay true (docs/CONTRACT.md §3).
            const funnelBefore = args[1] === 'forget' && before ? await funnelOf(store) : null;
            const r = await run(store, args, { now });
            if (funnelBefore && r.code === 0) expect(await funnelOf(store), 'funnel after forget').toEqual(funnelBefore);
            expect(ALLOWED_CODES, `${args.join(' ')} → ${r.code}: ${r.stderr}`).toContain(r.code);
            if (r.code !== 0) expect(r.stderr, args.join(' ')).toMatch(/^error: .+/);
            const after = (await readDoc(store));
            if (r.code !== 0) expect(after, `${args.join(' ')} failed yet changed the store`).toEqual(before);
            checkStep(before, after, seen);
            if (r.code === 0 && args[1] === 'reopen') checkReopen(before, after, args);
            before = after;
          }
          await checkStore(store);
        } finally {
          await releaseTempStore(store);
        }
      }),
      { numRuns: 50 },
    );
  }, 300_000); // 50 sequences, each on an empty store (on PostgreSQL one database, emptied between them)
});
