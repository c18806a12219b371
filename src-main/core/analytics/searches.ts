/**
 * The words visitors search for, kept only once enough visits typed the same (issue 21): a search
 * typed by fewer visits than the threshold is counted here, in memory, and never written; the
 * visit that reaches the threshold writes the count so far, and each one after adds one. A
 * restart forgets the counts under the threshold, which only delays what is written.
 */

/** The same search however it was typed: trimmed, spaces collapsed, lower case, one Unicode form. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

export interface SearchWords {
  /** 'search-words', or 'search-words-empty' for a search that found nothing. */
  metric: 'search-words' | 'search-words-empty';
  words: string;
  /** How many visits this row adds: the threshold's worth at first, then one. */
  count: number;
}

/** How many distinct searches are counted in memory at most (the oldest are forgotten first). */
const MAX_COUNTED = 5000;

export class SearchThreshold {
  // Visits per (metric, words) under the threshold; insertion order is age, for forgetting.
  #counts = new Map<string, number>();
  // Searches already past the threshold: each later visit is written straight away.
  #kept = new Set<string>();

  constructor(private readonly threshold: () => number) {}

  /**
   * One visit's searches (each once per visit, however often it was typed): the rows to write
   * now, for those at or past the threshold.
   */
  visit(searches: readonly { query: string; results: number }[]): SearchWords[] {
    const seen = new Set<string>();
    const out: SearchWords[] = [];
    for (const { query, results } of searches) {
      const words = normaliseQuery(query);
      if (words === '') continue;
      const metric = results === 0 ? 'search-words-empty' : 'search-words';
      const key = `${metric}\u0000${words}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (this.#kept.has(key)) {
        out.push({ metric, words, count: 1 });
        continue;
      }
      const count = (this.#counts.get(key) ?? 0) + 1;
      this.#counts.delete(key);
      if (count >= this.threshold()) {
        this.#kept.add(key);
        out.push({ metric, words, count });
      } else {
        this.#counts.set(key, count);
        if (this.#counts.size > MAX_COUNTED) this.#counts.delete(this.#counts.keys().next().value!);
      }
    }
    return out;
  }
}
