/** What is at an offset: a key, a value, a reference. Binary search over the entries. */
import type { Entry, EnvDocument, Reference } from './parser/model';

export function entryAt(doc: EnvDocument, offset: number): Entry | undefined {
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (offset < e.span.start) hi = mid - 1;
    else if (offset > e.span.end) lo = mid + 1;
    else return e;
  }
  return undefined;
}

export function referenceAt(entry: Entry, offset: number): Reference | undefined {
  // Innermost first: nested defaults come after their outer reference.
  let found: Reference | undefined;
  for (const ref of entry.references) if (offset >= ref.span.start && offset <= ref.span.end) found = ref;
  return found;
}
