// The rules declared once in the domain: the stage lists, "contactable" and the texts `forget` searches — each
// checked against what it declares, and the SQL compiled from it against the domain's own predicate on a real table.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allowedBy, CONTACTABLE, mayContact, type ContactRule } from '../../src/domain/contactable.js';
import { mentionsOf, SEARCHED_TEXTS, searchedTexts } from '../../src/domain/forget.js';
import { prospectMatcher } from '../../src/domain/queries.js';
import {
  BOUGHT_STAGES, CLOSED_STAGES, isCustomer, isPreCustomer, OPEN_STAGES, STAGE_RANK, START_STAGES, stageRank,
} from '../../src/domain/stages.js';
import { PATH_STAGES, STAGES, type Prospect, type Stage } from '../../src/domain/types.js';
import { contactableSql, SEARCHED_TEXT_SQL } from '../../src/store/sql/rules.js';
import { addProspect, docWith } from './fixtures.js';

describe('the stage lists', () => {
  it('open and closed split the stages; the path is the open stages, then the bought ones', () => {
    expect([...OPEN_STAGES, ...CLOSED_STAGES].sort()).toEqual([...STAGES].sort());
    expect(OPEN_STAGES.filter((s) => (CLOSED_STAGES as readonly Stage[]).includes(s))).toEqual([]);
    expect([...OPEN_STAGES, ...BOUGHT_STAGES]).toEqual([...PATH_STAGES]);
    expect(CLOSED_STAGES).toEqual(['customer', 'advocate', 'lost']);
    expect(START_STAGES).toEqual(OPEN_STAGES);
  });

  it('ranks are the positions on the path, and lost has none', () => {
    expect(STAGE_RANK).toEqual({ aware: 0, interested: 1, engaged: 2, intent: 3, customer: 4, advocate: 5 });
    expect(STAGES.map(stageRank)).toEqual([0, 1, 2, 3, 4, 5, -1]);
  });

  it('isPreCustomer and isCustomer say what the lists say, for every stage', () => {
    for (const s of STAGES) {
      expect(isPreCustomer(s)).toBe((OPEN_STAGES as readonly Stage[]).includes(s));
      expect(isCustomer(s)).toBe((BOUGHT_STAGES as readonly Stage[]).includes(s));
    }
  });
});

/** One prospect of every stage × do-not-contact × forgotten, ids from 1. */
function everyKind(): Prospect[] {
  const doc = docWith();
  const all: Prospect[] = [];
  for (const stage of STAGES) {
    for (const doNotContact of [false, true]) {
      for (const forgotten of [false, true]) {
        const p = addProspect(doc, `P${all.length + 1}`, '2026-01-01T10:00:00Z');
        all.push({ ...p, stage, doNotContact, forgottenAt: forgotten ? '2026-02-01T10:00:00.000Z' : null });
      }
    }
  }
  return all;
}

/** An SQLite table with the columns the compiled SQL reads, holding these prospects. */
function table(prospects: readonly Prospect[]): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE prospects (id INTEGER PRIMARY KEY, stage TEXT, do_not_contact INTEGER, forgotten_at TEXT, notes TEXT, follow_up_note TEXT, lost_reason TEXT, fields TEXT)');
  const insert = db.prepare('INSERT INTO prospects VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const p of prospects) {
    insert.run(p.id, p.stage, p.doNotContact ? 1 : 0, p.forgottenAt, p.notes, p.followUp?.note ?? null, p.lostReason, JSON.stringify(p.fields));
  }
  return db;
}

const idsWhere = (db: Database.Database, where: string): number[] =>
  (db.prepare(`SELECT id FROM prospects p WHERE ${where} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);

describe('contactable', () => {
  const all = everyKind();
  const rules = Object.entries(CONTACTABLE) as [string, ContactRule][];

  it.each(rules)('%s: never do-not-contact, never forgotten, never an excluded stage', (_, rule) => {
    for (const p of all) {
      expect(allowedBy(rule, p)).toBe(!p.doNotContact && p.forgottenAt === null && !rule.excludedStages.includes(p.stage));
    }
  });

  it('due leaves out lost prospects only; stale keeps the open stages only; --contactable any stage', () => {
    expect(CONTACTABLE.any.excludedStages).toEqual([]);
    expect(CONTACTABLE.due.excludedStages).toEqual(['lost']);
    expect(CONTACTABLE.stale.excludedStages).toEqual(CLOSED_STAGES);
    expect(all.filter(mayContact)).toEqual(all.filter(prospectMatcher({ contactable: true })));
  });

  it.each(rules)('%s: the SQL compiled from the declaration keeps exactly the prospects the predicate allows', (_, rule) => {
    const db = table(all);
    expect(idsWhere(db, contactableSql(rule))).toEqual(all.filter((p) => allowedBy(rule, p)).map((p) => p.id));
    db.close();
  });
});

describe('the texts forget searches', () => {
  const doc = docWith();
  const blank = addProspect(doc, 'Blank', '2026-01-01T10:00:00Z');
  const one = (patch: Partial<Prospect>): Prospect => ({ ...blank, id: 0, ...patch });
  const withText = [
    one({ id: 2, notes: 'met Ravi Sen' }),
    one({ id: 3, followUp: { at: '2026-03-01T10:00:00.000Z', note: 'call Ravi Sen' } }),
    one({ id: 4, stage: 'lost', lostReason: 'Ravi Sen moved' }),
    one({ id: 5, fields: { friend: 'Ravi Sen' } }),
  ];

  it('every declared text is read, each named where it is', () => {
    expect(SEARCHED_TEXTS).toEqual(['notes', 'followUpNote', 'lostReason', 'fields']);
    expect(withText.map((p) => searchedTexts(p).filter(([, t]) => t !== null))).toEqual([
      [['notes', 'met Ravi Sen']], [['follow-up note', 'call Ravi Sen']], [['lost reason', 'Ravi Sen moved']], [['field friend', 'Ravi Sen']],
    ]);
    expect(mentionsOf([blank, ...withText], [], ['ravi sen'])).toEqual([
      'prospect 2 notes', 'prospect 3 follow-up note', 'prospect 4 lost reason', 'prospect 5 field friend',
    ]);
  });

  it('the SQL compiled from the declaration keeps every prospect with one of those texts, and not the others', () => {
    const db = table([blank, ...withText]);
    expect(idsWhere(db, SEARCHED_TEXT_SQL)).toEqual([2, 3, 4, 5]);
    db.close();
  });
});
