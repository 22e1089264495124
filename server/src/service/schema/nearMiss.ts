/**
 * "Did you mean" for variable names: known names within one edit (insertion,
 * deletion, substitution, or swap of neighbours) of a name, case-insensitively.
 *
 * This runs on every keystroke over every key of the file, so candidates come
 * from three small indexes instead of comparing with every known name: one edit
 * at the start keeps the last two characters, one at the end keeps the first
 * two, and one in between keeps the first and the last character. Names shorter
 * than 4 characters are not suggested for (every short name is near another).
 */
const MIN_LENGTH = 4;

export class NearMissIndex {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly bySuffix = new Map<string, string[]>();
  private readonly byEnds = new Map<string, string[]>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const upper = name.toUpperCase();
      if (upper.length < MIN_LENGTH) continue;
      add(this.byPrefix, upper.slice(0, 2), name);
      add(this.bySuffix, upper.slice(-2), name);
      add(this.byEnds, upper[0] + upper[upper.length - 1], name);
    }
  }

  /** Known names one edit away from `name`, closest length first (at most `limit`). */
  suggest(name: string, limit = 3): string[] {
    if (name.length < MIN_LENGTH) return [];
    const upper = /[a-z]/.test(name) ? name.toUpperCase() : name;
    let found: string[] | undefined;
    for (const list of [this.byPrefix.get(upper.slice(0, 2)), this.bySuffix.get(upper.slice(-2)), this.byEnds.get(upper[0] + upper[upper.length - 1])]) {
      if (!list) continue;
      for (const candidate of list) {
        if (candidate === name || Math.abs(candidate.length - name.length) > 1) continue;
        if (found?.includes(candidate)) continue;
        if (withinOneEdit(upper, candidate.toUpperCase())) (found ??= []).push(candidate);
      }
    }
    if (!found) return [];
    return found.sort((a, b) => Math.abs(a.length - name.length) - Math.abs(b.length - name.length) || a.localeCompare(b)).slice(0, limit);
  }
}

function add(map: Map<string, string[]>, key: string, name: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [name]);
  else if (!list.includes(name)) list.push(name);
}

/** Optimal string alignment distance ≤ 1 (both already upper-cased). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
