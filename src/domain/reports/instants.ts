// Stored instants as epoch milliseconds, read fast: reports parse each timestamp once, and most are canonical.

export const DAY_MS = 86_400_000;

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * Milliseconds of an ISO instant. The canonical `2026-03-05T18:30:00.000Z` that precrm writes is
 * decoded by hand (about twice as fast as Date.parse, which matters over 100k touches); any other
 * form the store accepted goes through Date.parse.
 */
export function toMs(iso: string): number {
  if (iso.length === 24 && iso.charCodeAt(10) === 84 && iso.charCodeAt(23) === 90 && iso.charCodeAt(19) === 46
    && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 && iso.charCodeAt(13) === 58 && iso.charCodeAt(16) === 58) {
    return Date.UTC(
      digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3),
      digit(iso, 5) * 10 + digit(iso, 6) - 1,
      digit(iso, 8) * 10 + digit(iso, 9),
      digit(iso, 11) * 10 + digit(iso, 12),
      digit(iso, 14) * 10 + digit(iso, 15),
      digit(iso, 17) * 10 + digit(iso, 18),
      digit(iso, 20) * 100 + digit(iso, 21) * 10 + digit(iso, 22),
    );
  }
  return Date.parse(iso);
}

/** Fractional days between two instants in milliseconds. */
export const daysBetweenMs = (from: number, to: number): number => (to - from) / DAY_MS;
