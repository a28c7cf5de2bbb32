// Building and editing prospect records from validated input; the rules of docs/CONTRACT.md §1 that do not need a store.
import { usageError } from './errors.js';
import type { FollowUp, Prospect, Stage } from './types.js';

// No control characters either: "h@x.io\0" or an ESC sequence is not an address.
const EMAIL = /^[^\s@<>()[\],;:"\u0000-\u001f\u007f-\u009f]+@[^\s@<>()[\],;:"\u0000-\u001f\u007f-\u009f]+\.[^\s@<>()[\],;:"\u0000-\u001f\u007f-\u009f]+$/;
const PHONE = /^[+\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const FIELD_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longest free text kept in one field; beyond this it is surely a mistake (a pasted file). */
const MAX_TEXT = 10_000;

export function checkText(what: string, value: string): string {
  if (value.length > MAX_TEXT) throw usageError(`${what} is ${value.length} characters long; the limit is ${MAX_TEXT}`);
  return value;
}

export function checkEmail(email: string): string {
  const e = email.trim();
  if (!EMAIL.test(e) || e.length > 254) throw usageError(`email "${email}" is not an email address`);
  return e;
}

export function checkPhone(phone: string): string {
  const p = phone.trim();
  let digits = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) >= 48 && p.charCodeAt(i) <= 57) digits++;
  if (!PHONE.test(p) || digits < 3 || digits > 20) throw usageError(`phone "${phone}" is not a phone number`);
  return p;
}

export function checkName(name: string): string {
  const n = name.trim();
  if (!n) throw usageError('name is empty');
  return checkText('name', n);
}

/** `key=value` from --field; keys that could reach an object's prototype are refused. */
export function parseFieldAssignment(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw usageError(`--field "${text}" is not key=value`);
  const key = text.slice(0, eq).trim();
  if (!FIELD_KEY.test(key) || FORBIDDEN_KEYS.has(key)) {
    throw usageError(`--field key "${key}" is not allowed (use letters, digits, _ . -; not __proto__/constructor/prototype)`);
  }
  return [key, checkText(`field ${key}`, text.slice(eq + 1))];
}

export function isSafeKey(key: string): boolean {
  return !FORBIDDEN_KEYS.has(key);
}

/** Tags are trimmed, empty ones dropped, duplicates (case-insensitive) removed keeping the first spelling. */
export function mergeTags(existing: readonly string[], added: readonly string[], removed: readonly string[] = []): string[] {
  const drop = new Set(removed.map((t) => t.trim().toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...existing, ...added]) {
    const t = raw.trim();
    const k = t.toLowerCase();
    if (!t || seen.has(k) || drop.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

export interface ProspectInput {
  name?: string | null;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  source?: string | null;
  owner?: string | null;
  notes?: string | null;
  tags?: string[];
  untag?: string[];
  fields?: Record<string, string>;
  referredBy?: number | null;
  cadenceDays?: number | null;
  followUp?: FollowUp | null;
}

export function newProspect(id: number, input: ProspectInput, stage: Stage, at: string): Prospect {
  return {
    id,
    name: input.name ?? null,
    description: input.description ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    company: input.company ?? null,
    source: input.source ?? null,
    stage,
    stageHistory: [{ stage, at }],
    tags: mergeTags([], input.tags ?? []),
    owner: input.owner ?? null,
    referredBy: input.referredBy ?? null,
    doNotContact: false,
    consent: [],
    cadenceDays: input.cadenceDays ?? null,
    lostReason: null,
    followUp: input.followUp ?? null,
    fields: { ...(input.fields ?? {}) },
    conversion: null,
    notes: input.notes ?? null,
    forgottenAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** A copy of a record that can be changed without touching the original (every list and map copied). */
export const copyProspect = (p: Prospect): Prospect =>
  ({ ...p, stageHistory: [...p.stageHistory], tags: [...p.tags], consent: [...p.consent], fields: { ...p.fields } });

/** Applies an edit: only the given keys change; `null` clears a value. */
export function applyEdit(p: Prospect, input: ProspectInput, at: string): void {
  const simple = ['name', 'description', 'email', 'phone', 'company', 'source', 'owner', 'notes', 'referredBy', 'cadenceDays', 'followUp'] as const;
  for (const key of simple) {
    if (input[key] !== undefined) (p as unknown as Record<string, unknown>)[key] = input[key];
  }
  if (input.tags || input.untag) p.tags = mergeTags(p.tags, input.tags ?? [], input.untag ?? []);
  if (input.fields) for (const [k, v] of Object.entries(input.fields)) p.fields[k] = v;
  p.updatedAt = at;
}
