// A stage-history entry: a stage a prospect entered and when, kept in order inside its prospect.
import { INSTANT, type KindDecl } from './declare.js';

export const STAGES = ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost'] as const;
/** The path stages, in order; `lost` is off the path. */
export const PATH_STAGES = ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate'] as const;
export const STAGE = { kind: 'enum', values: STAGES } as const;

export const STAGE_CHANGE = {
  kind: 'stageChange',
  table: 'stage_history',
  within: { kind: 'prospect', column: 'prospect_id', position: 'seq' },
  fields: {
    stage: { column: 'stage', value: STAGE },
    at: { column: 'at', value: INSTANT },
  },
} as const satisfies KindDecl;
