// The record declarations: the types read from them are exactly the record shapes the code was written against,
// their field order is the key order of stored and printed records, and every kind is well formed.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ColumnField, Fields } from '../../src/domain/records/declare.js';
import { KINDS } from '../../src/domain/records/kinds.js';
import { FOLLOW_UP } from '../../src/domain/records/prospect.js';
import { CONVERSION } from '../../src/domain/records/purchase.js';
import { QUESTION } from '../../src/domain/records/survey.js';
import type {
  ConsentEntry, Conversion, Direction, FollowUp, Outcome, Prospect, Purchase, Question, QuestionType, Segment, Stage, StageChange,
  SuppressionEntry, SuppressionReason, Survey, SurveyResponse, Touch, TouchType,
} from '../../src/domain/types.js';

// The record shapes as they were written by hand before the declarations (docs/CONTRACT.md §4 and §5).
interface OldProspect {
  id: number; name: string | null; description: string | null; email: string | null; phone: string | null; company: string | null; source: string | null;
  stage: Stage; stageHistory: { stage: Stage; at: string }[]; tags: string[]; owner: string | null; referredBy: number | null;
  doNotContact: boolean; consent: { at: string; granted: boolean; note: string | null }[]; cadenceDays: number | null;
  lostReason: string | null; followUp: { at: string; note: string | null } | null; fields: Record<string, string>;
  conversion: { at: string; value: number | null; currency: string | null; product: string | null } | null;
  notes: string | null; forgottenAt: string | null; createdAt: string; updatedAt: string;
}
interface OldTouch {
  id: number; prospectId: number; type: TouchType; at: string; note: string | null; outcome: Outcome | null;
  direction: Direction | null; by: string | null; cost: number | null; currency: string | null;
}
interface OldQuestion { key: string; type: QuestionType; text: string; choices: string[] | null }
interface OldResponse {
  id: number; survey: string; prospectId: number | null; segment: Segment; stage: Stage | null; at: string;
  answers: Record<string, string | number>;
}

describe('record types read from the declarations', () => {
  it('are the hand-written shapes, field for field', () => {
    expectTypeOf<Prospect>().toEqualTypeOf<OldProspect>();
    expectTypeOf<Touch>().toEqualTypeOf<OldTouch>();
    expectTypeOf<Question>().toEqualTypeOf<OldQuestion>();
    expectTypeOf<Survey>().toEqualTypeOf<{ id: number; name: string; questions: OldQuestion[]; createdAt: string }>();
    expectTypeOf<SurveyResponse>().toEqualTypeOf<OldResponse>();
    expectTypeOf<StageChange>().toEqualTypeOf<{ stage: Stage; at: string }>();
    expectTypeOf<ConsentEntry>().toEqualTypeOf<{ at: string; granted: boolean; note: string | null }>();
    expectTypeOf<FollowUp>().toEqualTypeOf<{ at: string; note: string | null }>();
    expectTypeOf<Conversion>().toEqualTypeOf<{ at: string; value: number | null; currency: string | null; product: string | null }>();
    expectTypeOf<SuppressionEntry>().toEqualTypeOf<{ hash: string; reason: SuppressionReason; at: string }>();
    expectTypeOf<Purchase>().toEqualTypeOf<{
      id: number; prospectId: number; at: string; value: number | null; currency: string | null; product: string | null; orderId: string | null;
    }>();
  });
});

const sample = JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8'));
const keysOf = (fields: Fields) => Object.keys(fields);

describe('record declarations', () => {
  it('list their fields in the order records are stored and printed', () => {
    const prospect = sample.prospects.find((p: Prospect) => p.stageHistory.length > 0);
    expect(keysOf(KINDS.prospect.fields)).toEqual(Object.keys(prospect));
    expect(keysOf(KINDS.stageChange.fields)).toEqual(Object.keys(prospect.stageHistory[0]));
    expect(keysOf(KINDS.touch.fields)).toEqual(Object.keys(sample.touches[0]));
    expect(keysOf(KINDS.survey.fields)).toEqual(Object.keys(sample.surveys[0]));
    expect(keysOf(QUESTION)).toEqual(Object.keys(sample.surveys[0].questions[0]));
    expect(keysOf(KINDS.response.fields)).toEqual(Object.keys(sample.responses[0]));
    expect(keysOf(KINDS.consentEntry.fields)).toEqual(['at', 'granted', 'note']);
    expect(keysOf(FOLLOW_UP)).toEqual(['at', 'note']);
    expect(keysOf(CONVERSION)).toEqual(['at', 'value', 'currency', 'product']);
    expect(keysOf(KINDS.suppressionEntry.fields)).toEqual(['hash', 'reason', 'at']);
    expect(keysOf(KINDS.purchase.fields)).toEqual(['id', 'prospectId', 'at', 'value', 'currency', 'product', 'orderId']);
  });

  it.each(Object.entries(KINDS))('%s: named as listed, snake_case columns, each column once, groups that can be told null', (name, decl) => {
    expect(decl.kind).toBe(name);
    const columns: string[] = [];
    for (const field of Object.values(decl.fields as Fields)) {
      if ('rows' in field) continue;
      if ('group' in field) {
        const inner = Object.values(field.group) as ColumnField[];
        // A null group is stored as all-null columns: one of its fields must never be null to tell them apart.
        expect(inner.some((f) => !f.nullable)).toBe(true);
        columns.push(...inner.map((f) => field.prefix + f.column));
      } else columns.push(field.column);
    }
    for (const column of columns) expect(column).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(columns).size).toBe(columns.length);
  });
});
