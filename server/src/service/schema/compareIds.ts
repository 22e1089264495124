/**
 * Sorts schema ids and product names in localeCompare's order without its start-up cost: the first
 * comparison by locale creates ICU's collator (20 ms and more, as much as a one-file `envls check`
 * spends on everything else). For names made of ASCII letters, digits, space, `-`, `.` and `/`,
 * the collation (root, and every locale that does not reorder Latin letters) is: case-insensitive
 * code-unit order, then at the first letter differing only in case, lower case first;
 * test/compare-ids.test.ts checks it against localeCompare. Names the build already sorted by
 * locale (the builtin schemas' ids and products, such as `X (Twitter)`) compare by their rank;
 * anything else by locale.
 */
const PLAIN = /^[a-zA-Z0-9 ./-]*$/;

const ranks = new Map<string, number>();

/** Names in localeCompare's order (sorted at build time): they then compare by position. */
export function rememberOrder(sorted: readonly string[]): void {
  sorted.forEach((name, rank) => ranks.set(name, rank));
}

export function compareIds(a: string, b: string): number {
  const rankA = ranks.get(a);
  const rankB = ranks.get(b);
  if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
  if (!PLAIN.test(a) || !PLAIN.test(b)) return a.localeCompare(b);
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === lowerA[i] ? -1 : 1;
  return 0;
}
