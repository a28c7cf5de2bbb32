// The most frequent meaningful words of free-text answers: lower-cased, stop-words removed, counted once per answer.

/** A value and how many answers gave it. */
export interface TopValue { value: string; count: number }

/** Common English words that carry no meaning on their own in a short answer. */
const STOP_WORDS = new Set(`
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing done down during each even ever every few for from further get gets got
had has have having he her here hers herself him himself his how i if in into is it its itself just like
lot lots make many may me more most much must my myself no nor not now of off often on once one only or other
our ours ourselves out over own really same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up upon us very was we well were what when where
which while who whom why will with would yes you your yours yourself yourselves i'm it's don't can't we're
you're they're i've that's there's
`.trim().split(/\s+/));

/** Splits an answer into words: letters and digits (any script), apostrophes inside words kept. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [])
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * The `limit` words found in the most answers (ties alphabetical). A word counts once per answer,
 * so one long answer repeating itself cannot outweigh several people saying the same thing.
 */
export function topWords(answers: readonly string[], limit: number): TopValue[] {
  const counts = new Map<string, number>();
  for (const a of answers) for (const w of new Set(wordsOf(a))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }))
    .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0))
    .slice(0, limit);
}
