/**
 * "Did you mean" for variable names: every name within one edit (insertion,
 * deletion, substitution, or swap of neighbours) of a known name. Uses a
 * deletion index (the SymSpell idea) so that checking a key costs a few map
 * lookups however many names the schemas hold: this runs on every keystroke
 * over every key of the file.
 */
export class NearMissIndex {
  private readonly byDeletion = new Map<string, string[]>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      for (const variant of variantsOf(name)) {
        const list = this.byDeletion.get(variant);
        if (!list) this.byDeletion.set(variant, [name]);
        else if (!list.includes(name)) list.push(name);
      }
    }
  }

  /** Known names one edit away from `name`, best first (at most `limit`). */
  suggest(name: string, limit = 3): string[] {
    const found = new Set<string>();
    for (const variant of variantsOf(name)) {
      const list = this.byDeletion.get(variant);
      if (list) for (const candidate of list) if (candidate !== name) found.add(candidate);
    }
    return [...found]
      .filter((candidate) => withinOneEdit(name, candidate))
      .sort((a, b) => Math.abs(a.length - name.length) - Math.abs(b.length - name.length) || a.localeCompare(b))
      .slice(0, limit);
  }
}

/** The name itself and every one-character deletion of it (upper-cased: case slips count as near). */
function variantsOf(name: string): string[] {
  const upper = name.toUpperCase();
  const out = [upper];
  for (let i = 0; i < upper.length; i++) out.push(upper.slice(0, i) + upper.slice(i + 1));
  return out;
}

/** Optimal string alignment distance ≤ 1, case-insensitive. */
function withinOneEdit(a: string, b: string): boolean {
  a = a.toUpperCase();
  b = b.toUpperCase();
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
