/**
 * The name a typo likely meant, for "did you mean …?" in messages: a curator's mistyped key or
 * artifact id, staff's mistyped setting. Runs anywhere (no Node or Electron).
 */

/** The name a typo of `word` likely meant: the same in other letter case, else at most two edits away. */
export function nearest(word: string, names: Iterable<string>): string | undefined {
  const list = [...names];
  return list.find((name) => name.toLowerCase() === word.toLowerCase()) ?? list.find((name) => distance(name.toLowerCase(), word.toLowerCase()) <= 2);
}

/** Edit distance (Levenshtein): inserts, deletions and substitutions. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
