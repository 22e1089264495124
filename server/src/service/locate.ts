/**
 * What is under the cursor: the one answer completion, hover and navigation
 * start from. `locate` classifies an offset from the parsed document (never
 * from regular expressions on the line), so that every entry form dotenv reads
 * (`export`, quotes, multi-line values, the `KEY: value` colon separator) is
 * understood the same way by every feature.
 *
 * Ends are inclusive: a cursor right after a key or a reference is still on it
 * (where an editor puts the caret after typing it).
 */
import type { Comment, Entry, EnvDocument, Reference, Span } from './parser/model';
import { lineContentEnd, offsetAt } from './positions';
import { lineOfOffset } from './parser/lines';
import { DIRECTIVE as SCHEMA_DIRECTIVE } from './binding';
import { DIRECTIVE as SUPPRESSION_DIRECTIVE } from './suppressions';
import type { Position } from 'vscode-languageserver-types';

/** On the key of an entry. */
export interface KeyLocation {
  kind: 'key';
  entry: Entry;
}

/** On `export` or the blanks after it. */
export interface ExportLocation {
  kind: 'export';
  entry: Entry;
}

/** On the `=` / `:` or the blanks between the key and it. */
export interface SeparatorLocation {
  kind: 'separator';
  entry: Entry;
}

/** In an entry's value, outside any reference. */
export interface ValueLocation {
  kind: 'value';
  entry: Entry;
  /** The value as typed: inside the quotes when quoted (may span lines). */
  content: Span;
}

/** On a complete `${NAME…}` / `$NAME` reference (the innermost one when nested). */
export interface ReferenceLocation {
  kind: 'reference';
  entry: Entry;
  reference: Reference;
  /** `default`: inside the text after `:-`, `-`, `:+`, `+` (and not on a nested reference). */
  part: 'name' | 'default';
}

/** Typing a reference not closed yet: `${NA`, `$`, `${A:-${B`. */
export interface PartialReferenceLocation {
  kind: 'partialReference';
  entry: Entry;
  /** The name typed so far, up to the cursor. */
  typed: string;
  /** The whole name under the cursor (what a completion replaces). */
  nameSpan: Span;
  braced: boolean;
}

/** In a comment: a whole-line one, or an entry's inline comment. */
export interface CommentLocation {
  kind: 'comment';
  comment: Span;
  /** The entry an inline comment follows. */
  entry?: Entry;
  /** `# envls-schema: …`, `# envls-disable…` / `# envls-enable…`. */
  directive?: 'schema' | 'disable' | 'disable-next-line' | 'enable';
}

/** Where a new key is being written: an empty line, or a line holding only a (possibly `export`ed) name so far. */
export interface NewKeyLocation {
  kind: 'newKey';
  /** The name written so far, up to the cursor. */
  typed: string;
  /** The whole word under the cursor (what a completion replaces); empty on an empty line. */
  nameSpan: Span;
}

export interface NoLocation {
  kind: 'none';
}

export type Location =
  | KeyLocation
  | ExportLocation
  | SeparatorLocation
  | ValueLocation
  | ReferenceLocation
  | PartialReferenceLocation
  | CommentLocation
  | NewKeyLocation
  | NoLocation;

/** A variable name under the cursor: the key that defines it or a reference that reads it. */
export interface NameAt {
  name: string;
  span: Span;
  role: 'definition' | 'reference';
  entry: Entry;
}

export function locateAt(doc: EnvDocument, position: Position): Location {
  return locate(doc, offsetAt(doc, position));
}

export function locate(doc: EnvDocument, offset: number): Location {
  offset = Math.max(0, Math.min(offset, doc.text.length));
  const entry = entryAt(doc, offset) ?? entryWithTrailingBlanksAt(doc, offset);
  if (entry) return inEntry(doc, entry, offset);
  const comment = commentAt(doc, offset);
  if (comment) return commentLocation(comment);
  return newKeyAt(doc, offset) ?? { kind: 'none' };
}

/** The name a location stands on (key, or a reference's name part), for navigation and rename. */
export function nameAt(location: Location): NameAt | undefined {
  if (location.kind === 'key') return { name: location.entry.key, span: location.entry.keySpan, role: 'definition', entry: location.entry };
  if (location.kind === 'reference' && location.part === 'name') {
    return { name: location.reference.name, span: location.reference.nameSpan, role: 'reference', entry: location.entry };
  }
  return undefined;
}

/** The entry whose span holds the offset (ends inclusive). Binary search: entries are in file order. */
export function entryAt(doc: EnvDocument, offset: number): Entry | undefined {
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = entries[mid].span;
    if (offset < span.start) hi = mid - 1;
    else if (offset > span.end) lo = mid + 1;
    else return entries[mid];
  }
  return undefined;
}

/** The innermost complete reference of the entry holding the offset (ends inclusive). */
export function referenceAt(entry: Entry, offset: number): Reference | undefined {
  // Nested references come after the reference whose default holds them: the last match is the innermost.
  let found: Reference | undefined;
  for (const ref of entry.references) if (offset >= ref.span.start && offset <= ref.span.end) found = ref;
  return found;
}

/**
 * An unquoted value's trailing blanks are outside its span, but typing there
 * extends the value (dotenv trims them): they count as the value.
 */
function entryWithTrailingBlanksAt(doc: EnvDocument, offset: number): Entry | undefined {
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length - 1;
  let before = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].span.start <= offset) {
      before = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (before < 0) return undefined;
  const entry = entries[before];
  if (entry.quote || entry.commentSpan) return undefined;
  const end = entry.span.end;
  for (let i = end; i < offset; i++) {
    const c = doc.text.charCodeAt(i);
    if (c !== 32 && c !== 9) return undefined;
  }
  return entry;
}

function inEntry(doc: EnvDocument, entry: Entry, offset: number): Location {
  const key = entry.keySpan;
  if (offset < key.start) return { kind: 'export', entry };
  if (offset <= key.end) return { kind: 'key', entry };
  const separator = entry.separatorSpan;
  if (offset <= separator.start) return { kind: 'separator', entry };
  const comment = entry.commentSpan;
  if (comment && offset > comment.start) return { ...commentLocation({ span: comment, text: doc.text.slice(comment.start + 1, comment.end) }), entry };
  const reference = referenceAt(entry, offset);
  if (reference) return { kind: 'reference', entry, reference, part: partOf(reference, offset) };
  const partial = partialReferenceAt(doc, entry, offset);
  if (partial) return partial;
  const raw = entry.rawSpan;
  const content = entry.quote ? { start: raw.start + 1, end: Math.max(raw.start + 1, raw.end - 1) } : raw;
  return { kind: 'value', entry, content };
}

function partOf(reference: Reference, offset: number): 'name' | 'default' {
  const fallback = reference.fallbackSpan;
  return fallback && offset >= fallback.start && offset <= fallback.end ? 'default' : 'name';
}

const MAX_NAME_SCAN = 256;

/**
 * `$` or `${` followed by the name typed so far, not closed: dotenv-expand
 * would not read it as a reference yet, so the parser has none. Looks back
 * from the cursor over name characters (at most MAX_NAME_SCAN: bounded work).
 */
function partialReferenceAt(doc: EnvDocument, entry: Entry, offset: number): PartialReferenceLocation | undefined {
  const text = doc.text;
  const valueStart = entry.separatorSpan.end;
  let start = offset;
  while (start > valueStart && offset - start < MAX_NAME_SCAN && isNameChar(text.charCodeAt(start - 1))) start--;
  let dollar = start - 1;
  const braced = dollar >= valueStart && text.charCodeAt(dollar) === 123; /* { */
  if (braced) dollar--;
  if (dollar < valueStart || text.charCodeAt(dollar) !== 36 /* $ */) return undefined;
  if (dollar > 0 && text.charCodeAt(dollar - 1) === 92 /* \ */) return undefined;
  // Unbraced names cannot start with a digit or hold a dot; the typed part must still be a name.
  const typed = text.slice(start, offset);
  if (!braced && /^[0-9]|\./.test(typed)) return undefined;
  let end = offset;
  const limit = entry.span.end;
  while (end < limit && end - offset < MAX_NAME_SCAN && isNameChar(text.charCodeAt(end))) end++;
  return { kind: 'partialReference', entry, typed, nameSpan: { start, end }, braced };
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

function commentAt(doc: EnvDocument, offset: number): Comment | undefined {
  const comments = doc.comments;
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = comments[mid].span;
    if (offset < span.start) hi = mid - 1;
    else if (offset > span.end) lo = mid + 1;
    else return comments[mid];
  }
  return undefined;
}

function commentLocation(comment: Pick<Comment, 'span' | 'text'>): CommentLocation {
  const location: CommentLocation = { kind: 'comment', comment: comment.span };
  if (SCHEMA_DIRECTIVE.test(comment.text)) location.directive = 'schema';
  else {
    const suppression = SUPPRESSION_DIRECTIVE.exec(comment.text);
    if (suppression) location.directive = suppression[1] as CommentLocation['directive'];
  }
  return location;
}

/** A line outside every entry holding nothing but blanks, `export ` and a name so far. */
function newKeyAt(doc: EnvDocument, offset: number): NewKeyLocation | undefined {
  const line = lineOfOffset(doc.lineStarts, offset);
  const lineStart = doc.lineStarts[line];
  const lineEnd = lineContentEnd(doc, line);
  const before = doc.text.slice(lineStart, offset);
  const match = /^[ \t]*(?:export[ \t]+)?([\w.-]*)$/.exec(before);
  if (!match) return undefined;
  let end = offset;
  while (end < lineEnd && /[\w.-]/.test(doc.text[end])) end++;
  return { kind: 'newKey', typed: match[1], nameSpan: { start: offset - match[1].length, end } };
}
