/**
 * The lines dotenv-linter's checks look at. dotenv-linter works on raw lines,
 * not on what dotenv reads: its checks ask "does the raw line start with a
 * letter", "is there a space before `=`". So the style rules do the same on
 * `doc.text`, with two things taken from the model rather than re-parsed:
 *   - a quoted value spanning several lines is one line (dotenv-linter merges
 *     them too), so its inner lines are not linted as keys;
 *   - the line numbers and offsets come from `doc.lineStarts`.
 * The accessors (key, value, emptiness, comments) follow dotenv-linter's
 * LineEntry exactly, since its checks are defined in their terms.
 */
import type { EnvDocument } from '../../parser/model';
import { lineContentEnd } from '../../positions';
import { lineOfOffset } from '../../parser/lines';

/** dotenv-linter's check names, as its `# dotenv-linter:off` comments spell them. */
export type LinterCheck =
  | 'DuplicatedKey'
  | 'EndingBlankLine'
  | 'ExtraBlankLine'
  | 'IncorrectDelimiter'
  | 'KeyWithoutValue'
  | 'LeadingCharacter'
  | 'LowercaseKey'
  | 'QuoteCharacter'
  | 'SchemaViolation'
  | 'SpaceCharacter'
  | 'SubstitutionKey'
  | 'TrailingWhitespace'
  | 'UnorderedKey'
  | 'ValueWithoutQuotes';

const LINTER_CHECKS: ReadonlySet<string> = new Set<LinterCheck>([
  'DuplicatedKey', 'EndingBlankLine', 'ExtraBlankLine', 'IncorrectDelimiter', 'KeyWithoutValue', 'LeadingCharacter',
  'LowercaseKey', 'QuoteCharacter', 'SchemaViolation', 'SpaceCharacter', 'SubstitutionKey', 'TrailingWhitespace',
  'UnorderedKey', 'ValueWithoutQuotes',
]);

/** A piece of a line with its offset in the document. */
export interface Part {
  text: string;
  start: number;
}

export interface LinterLine {
  /** 0-based first physical line. */
  line: number;
  /** Offsets of the content, line break excluded (inner breaks of a multi-line value included). */
  start: number;
  end: number;
  text: string;
  isEmpty: boolean;
  isComment: boolean;
  /** LineEntry::get_key: the trimmed line without `export `, up to the first `=`. */
  key?: Part;
  /** LineEntry::get_value: everything after the first `=` of the raw line, untrimmed. */
  value?: Part;
  /** A `# dotenv-linter:on|off …` comment on this line. */
  control?: { off: boolean; checks: LinterCheck[] };
  /** dotenv-linter checks turned off for this line by earlier `# dotenv-linter:off` comments. */
  disabled: ReadonlySet<LinterCheck>;
}

const cache = new WeakMap<EnvDocument, LinterLine[]>();

/** The document's lines as dotenv-linter sees them (computed once per document). */
export function linterLines(doc: EnvDocument): readonly LinterLine[] {
  let lines = cache.get(doc);
  if (!lines) {
    lines = buildLines(doc);
    cache.set(doc, lines);
  }
  return lines;
}

/**
 * The lines a check runs on: dotenv-linter skips comment lines (except for its
 * EndingBlankLine and UnorderedKey checks, which read all lines), and every line
 * where `# dotenv-linter:off <check>` is in force.
 */
export function linted(doc: EnvDocument, check: LinterCheck): LinterLine[] {
  return linterLines(doc).filter((l) => !l.isComment && !l.disabled.has(check));
}

function buildLines(doc: EnvDocument): LinterLine[] {
  // dotenv-linter reads an empty file as no lines at all.
  if (doc.text.length === 0) return [];
  const lastLineOf = multiLineEnds(doc);
  const out: LinterLine[] = [];
  let disabled = new Set<LinterCheck>();
  const count = doc.lineStarts.length;
  for (let line = 0; line < count; line++) {
    const last = lastLineOf.get(line) ?? line;
    const start = doc.lineStarts[line];
    const end = lineContentEnd(doc, last);
    const text = doc.text.slice(start, end);
    const trimmed = text.trim();
    const isEmpty = trimmed.length === 0;
    const isComment = trimmed.startsWith('#');
    const control = isComment ? parseControlComment(text) : undefined;
    if (control) {
      // The comment's own line already obeys it, as in dotenv-linter's check loop.
      disabled = new Set(disabled);
      if (control.off) for (const c of control.checks) disabled.add(c);
      else for (const c of control.checks) disabled.delete(c);
    }
    const entry: LinterLine = { line, start, end, text, isEmpty, isComment, control, disabled };
    if (!isEmpty && !isComment) {
      entry.key = keyOf(text, start);
      const eq = text.indexOf('=');
      if (eq !== -1) entry.value = { text: text.slice(eq + 1), start: start + eq + 1 };
    }
    out.push(entry);
    line = last;
  }
  // After a final line break this leaves one empty last line: dotenv-linter adds the same
  // blank line to such a file, so "two blank lines at the end" is an extra blank line for both.
  return out;
}

/**
 * First physical line -> last physical line of each quoted value that spans
 * several lines, when the quote opens on the key's line (dotenv-linter merges
 * only those: a value starting on the next line is, for it, a line of its own).
 */
function multiLineEnds(doc: EnvDocument): Map<number, number> {
  const ends = new Map<number, number>();
  for (const entry of doc.entries) {
    if (!entry.quote || entry.rawSpan.end <= entry.rawSpan.start) continue;
    const open = lineOfOffset(doc.lineStarts, entry.rawSpan.start);
    if (open !== entry.line) continue;
    const close = lineOfOffset(doc.lineStarts, entry.rawSpan.end - 1);
    if (close > entry.line) ends.set(entry.line, close);
  }
  return ends;
}

export function keyOf(text: string, start: number): Part {
  let from = leadingBlanks(text);
  const to = text.length - trailingBlanks(text);
  // `export ` with exactly one space, then whatever blanks follow (str::trim). dotenv-linter trims
  // the line first, so a line that is only `export ` has the key `export` (a bare keyword).
  if (text.startsWith('export ', from) && from + 7 <= to) {
    from += 7;
    while (from < to && /\s/.test(text[from])) from++;
  }
  const stripped = text.slice(from, to);
  const eq = stripped.indexOf('=');
  return { text: eq === -1 ? stripped : stripped.slice(0, eq), start: start + from };
}

export function leadingBlanks(text: string): number {
  return text.length - text.trimStart().length;
}

export function trailingBlanks(text: string): number {
  return text.length - text.trimEnd().length;
}

/** dotenv-linter's Comment::parse: `# dotenv-linter:off Check1, Check2`. */
export function parseControlComment(text: string): { off: boolean; checks: LinterCheck[] } | undefined {
  const body = text.trimStart().slice(1).trim();
  const PREFIX = 'dotenv-linter:';
  if (!body.startsWith(PREFIX)) return undefined;
  const words = body.slice(PREFIX.length).split(/\s+/).filter((w) => w.length > 0);
  const flag = words.shift();
  if (flag !== 'on' && flag !== 'off') return undefined;
  const checks = words
    .flatMap((w) => w.split(','))
    .filter((c): c is LinterCheck => LINTER_CHECKS.has(c));
  return { off: flag === 'off', checks };
}

/** A line that is only the `export` keyword: dotenv ignores it, and it is no key to complete or rename. */
export function isBareExport(line: LinterLine): boolean {
  return line.key?.text === 'export' && line.value === undefined;
}

/** Rust's `char::is_alphabetic() || c == '_'`: what a key may start with. */
export function isKeyStart(ch: string): boolean {
  return ch === '_' || /\p{Alphabetic}/u.test(ch);
}

/** dotenv-linter's remove_invalid_leading_chars: how many leading characters cannot start a key. */
export function invalidLeadingLength(key: string): number {
  let i = 0;
  for (const ch of key) {
    if (isKeyStart(ch)) break;
    i += ch.length;
  }
  return i;
}

/** An odd run of backslashes at the end of `prefix` escapes what follows it. */
export function isEscaped(prefix: string): boolean {
  let n = 0;
  for (let i = prefix.length - 1; i >= 0 && prefix[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** LineEntry::get_substitution_keys: the names a value refers to, as dotenv-linter finds them. */
export function substitutionKeys(line: LinterLine): string[] {
  const keys: string[] = [];
  const trimmed = line.value?.text.trim();
  if (trimmed === undefined || trimmed.startsWith("'")) return keys;
  let value: string = trimmed;
  if (value.startsWith('"')) {
    if (value.length > 1 && value.endsWith('"') && !isEscaped(value.slice(0, -1))) value = value.slice(1, -1);
    else return keys;
  }
  for (let index = value.indexOf('$'); index !== -1; index = value.indexOf('$')) {
    const prefix = value.slice(0, index);
    const raw: string = value.slice(index + 1);
    if (isEscaped(prefix)) {
      value = raw;
      continue;
    }
    let key: string;
    let rest: string;
    const close = raw.startsWith('{') ? raw.indexOf('}', 1) : -1;
    if (close !== -1) {
      key = raw.slice(1, close);
      rest = raw.slice(close);
    } else {
      const stop = raw.search(/[^A-Za-z0-9_]/);
      key = stop === -1 ? raw : raw.slice(0, stop);
      rest = stop === -1 ? '' : raw.slice(stop);
    }
    if (key.length === 0) return keys;
    keys.push(key);
    value = rest;
  }
  return keys;
}
