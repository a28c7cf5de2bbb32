// The suppression list's rules: what is hashed, which entries a forget, remove or do-not-contact writes, which
// ones --off lifts.
import { describe, expect, it } from 'vitest';
import { emailKey, phoneKey } from '../../src/domain/dedupe.js';
import { byHash, contactTexts, entriesToAdd, hasContactKeys, liftedByConsent } from '../../src/domain/suppression.js';
import type { SuppressionEntry } from '../../src/domain/types.js';

const E = (hash: string, reason: SuppressionEntry['reason'], at = 'then'): SuppressionEntry => ({ hash, reason, at });

describe('suppression rules', () => {
  it('hash the duplicate keys of the email and phone, tagged by kind', () => {
    const p = { email: ' Hannah.B@Example.DE ', phone: '+49 170 5550101' };
    expect(contactTexts(p)).toEqual([`email:${emailKey(p.email)}`, `phone:${phoneKey(p.phone)}`]);
    expect(contactTexts({ email: null, phone: '12' })).toEqual([]); // too short to be anyone's
    expect(hasContactKeys({ email: null, phone: '12' })).toBe(false);
  });

  it('add new hashes once; a forget or remove outranks do-not-contact; nothing else is rewritten', () => {
    const existing = [E('a', 'do-not-contact'), E('b', 'forgotten'), E('c', 'removed')];
    expect(entriesToAdd(existing, ['a', 'b', 'c', 'd', 'd'], 'removed', 'now')).toEqual([E('a', 'removed', 'now'), E('d', 'removed', 'now')]);
    expect(entriesToAdd(existing, ['a', 'b', 'c', 'd'], 'do-not-contact', 'now')).toEqual([E('d', 'do-not-contact', 'now')]);
  });

  it('--off lifts do-not-contact entries only; lists are kept in hash order, one entry per hash', () => {
    expect(liftedByConsent([E('a', 'do-not-contact'), E('b', 'forgotten')])).toEqual([E('a', 'do-not-contact')]);
    expect(byHash([E('b', 'removed'), E('a', 'forgotten'), E('b', 'forgotten')])).toEqual([E('a', 'forgotten'), E('b', 'forgotten')]);
  });
});
