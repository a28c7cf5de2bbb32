// A consent entry: a prospect granting or withdrawing consent, when, and why; kept in order inside its prospect.
import { BOOLEAN, INSTANT, TEXT, type KindDecl } from './declare.js';

export const CONSENT_ENTRY = {
  kind: 'consentEntry',
  table: 'consent',
  within: { kind: 'prospect', column: 'prospect_id', position: 'seq' },
  fields: {
    at: { column: 'at', value: INSTANT },
    granted: { column: 'granted', value: BOOLEAN },
    note: { column: 'note', value: TEXT, nullable: true },
  },
} as const satisfies KindDecl;
