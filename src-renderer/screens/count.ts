/** Words for numbers the visitor reads on cards. */

/** "1 object", "9 objects": a count with its noun, plural when it is not one. */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : noun + 's'}`;
}
