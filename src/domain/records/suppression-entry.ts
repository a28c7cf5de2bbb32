// A suppression entry: the keyed hash of an email or phone that must not come back (never the text), why, since when.
import { INSTANT, type KindDecl } from './declare.js';

/** Why a person's email or phone is on the suppression list (domain/suppression.ts). */
export const SUPPRESSION_REASONS = ['forgotten', 'removed', 'do-not-contact'] as const;
/** A SHA-256 HMAC in lower-case hex: the form of every hash and of the secret they are keyed with. */
export const HEX_256 = /^[0-9a-f]{64}$/;
const HEX_256_TEXT = { kind: 'text', rule: { test: (s: string) => HEX_256.test(s), says: 'is not 64 lower-case hex digits' } } as const;

export const SUPPRESSION_ENTRY = {
  kind: 'suppressionEntry',
  table: 'suppression',
  fields: {
    hash: { column: 'hash', value: HEX_256_TEXT },
    reason: { column: 'reason', value: { kind: 'enum', values: SUPPRESSION_REASONS } },
    at: { column: 'at', value: INSTANT },
  },
} as const satisfies KindDecl;
