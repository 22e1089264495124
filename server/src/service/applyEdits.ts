/** Applies offset edits to a text: used by `envls check --fix` and tests. */
import type { FixEdit } from './rules/rule';

/**
 * Applies non-overlapping edits; an edit that overlaps one already taken is
 * skipped (it is reported back so a caller can run another round).
 */
export function applyEdits(text: string, edits: readonly FixEdit[]): { text: string; skipped: FixEdit[] } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: FixEdit[] = [];
  const skipped: FixEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.span.start < lastEnd) {
      skipped.push(edit);
      continue;
    }
    taken.push(edit);
    lastEnd = Math.max(lastEnd, edit.span.end);
  }
  let out = '';
  let cursor = 0;
  for (const edit of taken) {
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  out += text.slice(cursor);
  return { text: out, skipped };
}
