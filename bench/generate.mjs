// Deterministic synthetic bakery data: prospect and touch CSVs of a given size, the same bytes on every run.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a tiny seeded PRNG, so every run generates the same files. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ravi', 'Anita', 'Tomás', 'Priya', 'Lena', 'Samuel', 'Meera', 'Hannah', 'Arjun', 'Chloé', 'Kofi', 'Yuki', 'Fatima', 'Oliver', 'Isabel', 'Nikhil', 'Sofia', 'Daniel', 'Amara', 'Lucas'];
const LAST = ['Sen', 'Rao', 'Ortega', 'Nair', 'Fischer', 'Okafor', 'Iyer', 'Becker', 'Das', 'Martin', 'Mensah', 'Tanaka', 'Zahra', 'Brown', 'Costa', 'Sharma', 'Rossi', 'Kim', 'Eze', 'Dubois'];
const SOURCES = ['walk-in', 'instagram', 'market', 'website', 'event', 'referral'];
const STAGES = ['aware', 'interested', 'interested', 'engaged', 'intent', 'lost'];
const TAGS = ['cakes', 'bread', 'pastries', 'coffee', 'wedding', 'birthday', 'sourdough'];
const TYPES = ['greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'website', 'social'];
const OWNERS = ['mitra', 'joel', 'ana'];
const START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;

async function writeLines(path, header, count, line) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 1; i <= count; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Writes `prospects` rows (email is unique: p<i>@example.com). With `plans`, one in 100 (1%) also has a follow-up
 * (within the year after creation) and one in 20 (5%) a weekly cadence, as a shop that works its list might — at
 * 100k prospects, a morning list of a few thousand for `due`, and that many prospects an imported touch may move
 * on; without, the bytes are as before. With `distinct`, only that many people, repeated (every row after
 * the first `distinct` is a duplicate of an earlier one).
 */
export function writeProspects(path, prospects, seed = 1, { plans = false, distinct = 0 } = {}) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const header = `Full Name,Email,Phone,Lead Source,Stage,Tags,Owner,Created${plans ? ',follow_up_at,cadence_days' : ''}`;
  return writeLines(path, header, prospects, (n) => {
    const i = distinct ? ((n - 1) % distinct) + 1 : n;
    const createdMs = START + Math.floor(r() * YEAR_MS);
    const created = new Date(createdMs).toISOString();
    const tags = r() < 0.5 ? pick(TAGS) : `${pick(TAGS)};${pick(TAGS)}`;
    const phone = `+91 98${String(100000000 + i).slice(1, 4)} ${String(i).padStart(5, '0')}`;
    const row = `${pick(FIRST)} ${pick(LAST)} ${i},p${i}@example.com,${phone},${pick(SOURCES)},${pick(STAGES)},"${tags}",${pick(OWNERS)},${created}`;
    if (!plans) return row;
    const followUp = i % 100 === 0 ? new Date(createdMs + Math.floor(r() * YEAR_MS)).toISOString() : '';
    return `${row},${followUp},${i % 20 === 0 ? 7 : ''}`;
  });
}

/** Writes `touches` rows spread over `prospects` prospects, referenced by email. */
export function writeTouches(path, prospects, touches, seed = 2) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  return writeLines(path, 'prospect,type,at,note,outcome,by', touches, () => {
    const p = 1 + Math.floor(r() * prospects);
    const at = new Date(START + Math.floor(r() * YEAR_MS) + 86_400_000).toISOString();
    return `p${p}@example.com,${pick(TYPES)},${at},,${pick(['positive', 'neutral', 'negative', ''])},${pick(OWNERS)}`;
  });
}
