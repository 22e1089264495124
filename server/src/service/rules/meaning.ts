/**
 * Whether an edit keeps what dotenv reads: fix-all may apply only fixes that do
 * (a style fix never changes a key or a value). A fix is checked where it is
 * built, on its own line: the line is parsed alone before and after the edit,
 * and the line must read alone as it reads in the document (no value runs into
 * it from above or out of it below), so that the local answer holds for the file.
 */
import type { Entry, EnvDocument, Span } from '../parser/model';
import { parseEnv } from '../parser/parse';
import type { FixEdit } from './rule';

/** The entries that overlap or touch `span` (binary search: the entries are in file order and do not overlap). */
export function entriesTouching(doc: EnvDocument, span: Span): Entry[] {
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].span.end < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entry[] = [];
  for (let i = lo; i < entries.length && entries[i].span.start <= span.end; i++) out.push(entries[i]);
  return out;
}

function read(text: string): string {
  return JSON.stringify(parseEnv(text).entries.map((e) => [e.key, e.value]));
}

/**
 * Whether the line `line` (its content, without its line break) reads in the
 * document exactly as it reads alone: every entry touching it starts and ends on
 * it, and parsing it alone gives those entries.
 */
export function readsAlone(doc: EnvDocument, line: Span): boolean {
  const touching = entriesTouching(doc, line);
  if (touching.some((e) => e.span.start < line.start || e.span.end > line.end)) return false;
  const inDoc = JSON.stringify(touching.map((e) => [e.key, e.value]));
  return inDoc === read(doc.text.slice(line.start, line.end));
}

/**
 * Whether `edits` (all inside `line`) leave what dotenv reads from the line, and so from
 * the file, unchanged. Only on a line dotenv reads as one entry: a line it ignores has no
 * meaning to keep, and tidying it (a quote here, a blank there) only makes it look like
 * something, which is for a person to decide; such fixes would also uncover each other
 * (`=" ` loses its blank, then has a needless quote), which one fix-all could not finish.
 */
export function keepsLineMeaning(doc: EnvDocument, line: Span, edits: readonly FixEdit[]): boolean {
  if (edits.some((e) => e.span.start < line.start || e.span.end > line.end)) return false;
  if (!readsAlone(doc, line) || entriesTouching(doc, line).length !== 1) return false;
  let text = doc.text.slice(line.start, line.end);
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    text = text.slice(0, edit.span.start - line.start) + edit.newText + text.slice(edit.span.end - line.start);
  }
  if (/[\r\n]/.test(text) && !/[\r\n]/.test(doc.text.slice(line.start, line.end))) return false;
  return read(text) === read(doc.text.slice(line.start, line.end));
}

/** Whether no entry of the document overlaps `span` (removing or moving such text keeps every value). */
export function outsideEntries(doc: EnvDocument, span: Span): boolean {
  return entriesTouching(doc, span).every((e) => e.span.end <= span.start || e.span.start >= span.end);
}

/**
 * Whether replacing `span` by `newText` keeps what dotenv reads, apart from `removed`
 * (an earlier duplicate that goes). A removal or a move can change a neighbour: `X=`
 * followed, once a line goes, by a line `"q"` reads X=q. So the text from the entry
 * before `span` to the entry after it is parsed again and compared, as the map a
 * program gets (the last duplicate wins; the order of keys does not matter).
 */
export function replacementKeepsMeaning(doc: EnvDocument, span: Span, newText: string, removed?: Entry): boolean {
  const entries = doc.entries;
  // The entry that starts last before the span, and the first that starts after it (binary search on starts).
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo - 1;
  let after = lo;
  while (after < entries.length && entries[after].span.start < span.end) after++;
  const from = before >= 0 ? Math.min(entries[before].span.start, span.start) : 0;
  const to = after < entries.length ? Math.max(entries[after].span.end, span.end) : doc.text.length;
  const expected = new Map<string, string>();
  for (let k = Math.max(0, before); k <= Math.min(after, entries.length - 1); k++) {
    if (entries[k] !== removed) expected.set(entries[k].key, entries[k].value);
  }
  const window = doc.text.slice(from, span.start) + newText + doc.text.slice(span.end, to);
  const got = new Map<string, string>();
  for (const entry of parseEnv(window).entries) got.set(entry.key, entry.value);
  if (got.size !== expected.size) return false;
  for (const [key, value] of got) if (expected.get(key) !== value) return false;
  return true;
}
