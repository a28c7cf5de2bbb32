// Phone numbers match across the forms people write them in (`+33 6 12 34 00 01`, `06 12 34 00 01`,
// `0033 6…`, `+33 (0)6…`), by libphonenumber; a national number is read in the shop's country.
//
// The stored key (dedupe.ts phoneKey: the digits as typed) does not depend on any setting, so a store never needs
// its keys recomputed when PRECRM_COUNTRY changes or the definition grows. The forms of one number are worked out
// at compare time instead: phoneMatchKeys lists the digit keys the same number may have been stored under.
import { Metadata, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { identityKeys, phoneKey, type IdentityKeys } from './dedupe.js';
import { usageError } from './errors.js';

/**
 * The shop's country: PRECRM_COUNTRY (a two-letter code; set but empty means none), else the locale's
 * (LC_ALL, LC_CTYPE, LANG: `fr_FR.UTF-8` → FR), else none. Pure: the caller passes the environment.
 */
export function shopCountry(env: Readonly<Record<string, string | undefined>>): CountryCode | null {
  const given = env.PRECRM_COUNTRY;
  if (given !== undefined) {
    const code = given.trim().toUpperCase();
    if (code === '') return null;
    if (!isSupportedCountry(code)) throw usageError(`PRECRM_COUNTRY "${given}" is not a country code (use a two-letter code such as FR, GB, IN, US)`);
    return code;
  }
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const region = /^[a-z]{2,3}_([a-z]{2})(?:[.@]|$)/i.exec(locale)?.[1]?.toUpperCase();
  return region !== undefined && isSupportedCountry(region) ? region : null;
}

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * `+33 (0)6 12 34 00 01 ext. 5` → `+330612340001`: the number without its extension, as `+` and digits (`00` read
 * as `+`). libphonenumber reads the compact form several times faster than the spaced one, and the same.
 */
function compact(text: string): string {
  const number = text.replace(/\s*(?:ext\.?|extension|x|#|poste)\s*\d+\s*$/i, '');
  const d = digits(number);
  if (/^[^\d]*\+/.test(number)) return `+${d}`;
  return /^00[1-9]/.test(d) ? `+${d.slice(2)}` : d;
}

const prefixes = new Map<CountryCode, string>();

/** The digits a country's callers dial before a national number (`0` in France, `1` in the US, none in Italy). */
function nationalPrefix(country: CountryCode): string {
  let prefix = prefixes.get(country);
  if (prefix === undefined) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    prefix = (metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined }).nationalPrefix() ?? '';
    prefixes.set(country, prefix);
  }
  return prefix;
}

/**
 * The digit keys under which this number may be stored: as typed, and — when libphonenumber can read it (an
 * international number, or a national one with a country) — its international digits, the same after `00` and
 * after the `+33 (0)6…` habit, and, for a number of the shop's own country, its national digits with and
 * without the national prefix. Empty for a number too short to call two people the same (phoneKey).
 */
export function phoneMatchKeys(phone: string | null | undefined, country: CountryCode | null): string[] {
  const typed = phoneKey(phone);
  if (typed === null) return [];
  const text = compact(phone!);
  // Without a country only an international number can be read; skipping the others keeps a big import quick.
  if (country === null && !text.startsWith('+')) return [typed];
  const number = parsePhoneNumberFromString(text, country ?? undefined);
  if (!number) return [typed];
  const { countryCallingCode: code, nationalNumber: national } = number;
  const keys = [typed, `${code}${national}`, `00${code}${national}`, `${code}0${national}`];
  if (country !== null && code === getCountryCallingCode(country)) keys.push(`${nationalPrefix(country)}${national}`, national);
  return [...new Set(keys)].filter((k) => k.length >= 6);
}

/** Whether two written numbers are one, in the shop's country. */
export const samePhone = (a: string | null | undefined, b: string | null | undefined, country: CountryCode | null): boolean => {
  const key = phoneKey(b);
  return key !== null && phoneMatchKeys(a, country).includes(key);
};

/**
 * A record's identity keys with every key its phone may be stored under, for looking it up. `phones` is worked out
 * when first read: an index that can tell no other form can match (ProspectIndex) never pays for libphonenumber.
 */
export function lookupKeys(p: { email: string | null; phone: string | null; name: string | null }, country: CountryCode | null): IdentityKeys {
  let phones: string[] | undefined;
  return { ...identityKeys(p), get phones() { return (phones ??= phoneMatchKeys(p.phone, country)); } };
}

export type { CountryCode };
