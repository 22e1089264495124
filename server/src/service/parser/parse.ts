/**
 * A hand-written scanner that reads a .env file exactly as `dotenv.parse` does,
 * while keeping every range. dotenv's parser is one global multi-line regular
 * expression:
 *
 *   (?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)
 *   (\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?
 *   \s*(?:#.*)?(?:$|$)
 *
 * applied after `\r\n?` is turned into `\n`. Each step below states which part
 * of that expression (and of its backtracking) it reproduces; the differential
 * test in test/parser-differential.test.ts checks the claim on random texts.
 * Working on the original text (CR kept) keeps offsets exact; CR only matters
 * inside multi-line values, which are normalised like dotenv does.
 *
 * Speed: the scan records offsets only, nine int32 per entry in one typed
 * array (no object per entry, nothing for the garbage collector). Reading
 * `entries` makes one small view object per entry (ParsedEntry); its key,
 * value and references are computed on first access, its spans and line on
 * every access. Line starts are computed when first asked for. Runs of ordinary characters (values, comments) are skipped with
 * String#indexOf through NextCache, which keeps the next occurrence of each
 * delimiter so that the whole file is searched once per delimiter.
 */
import {
  BACKSLASH,
  BACKTICK,
  CARRIAGE_RETURN,
  COLON,
  DOUBLE_QUOTE,
  EQUALS,
  HASH,
  NEWLINE,
  SINGLE_QUOTE,
  isJsLineTerminator,
  isJsWhitespace,
  isKeyChar,
} from './chars';
import type { Comment, Entry, EnvDocument, ParseProblem, QuoteChar, Reference, Span } from './model';
import { findReferences } from './references';
import { computeLineStarts, lineOfOffset } from './lines';
import { nameText } from '../rules/messageText';

/** dotenv strips one pair of surrounding quotes with this (m flag matters for U+2028/9). */
const STRIP_QUOTES = /^(['"`])([\s\S]*)\1$/gm;


/** Positions of escaped quotes after `from` when no unescaped quote follows (see findClosingQuote). */
interface NoCloseCache {
  from: number;
  escaped: number[];
}

export function parseEnv(text: string): EnvDocument {
  const doc = new ParsedDocument(text);
  new Scanner(text, doc).run();
  return doc;
}

// ---------------------------------------------------------------- the model's implementation

// An entry is ENTRY_SIZE int32 slots of ParsedDocument.data, at these offsets.
const EXPORT_START = 0; // offset of `export`, or -1
const KEY_START = 1;
const KEY_END = 2;
const SEPARATOR_START = 3;
const RAW_START = 4;
const RAW_END = 5;
/** The quote's code when the value is quoted (quotes at RAW_START and RAW_END - 1), else 0; plus STRIP_BY_REGEX. */
const FORM = 6;
const COMMENT_START = 7; // the `#` of an inline comment, or -1
const COMMENT_END = 8;
const ENTRY_SIZE = 9;
/** FORM bit: an unquoted value holding U+2028/U+2029, where dotenv's quote stripping regex works per line. */
const STRIP_BY_REGEX = 0x10000;

class ParsedDocument implements EnvDocument {
  readonly text: string;
  readonly comments: Comment[] = [];
  readonly problems: ParseProblem[] = [];
  /** The scanner's findings: ENTRY_SIZE slots per entry (no object per entry until `entries` is read). Written by the scanner only. */
  data: Int32Array;
  entryCount = 0;
  private entryList: Entry[] | undefined = undefined;
  private starts: number[] | undefined = undefined;

  constructor(text: string) {
    this.text = text;
    // About one entry per 32 characters to start with (at most 64k entries, 2.4 MB); doubled when short.
    this.data = new Int32Array(ENTRY_SIZE * Math.min(65536, Math.max(16, text.length >> 5)));
  }

  /** Slot index of a new entry (the scanner fills its ENTRY_SIZE slots). */
  addEntry(): number {
    const base = this.entryCount * ENTRY_SIZE;
    if (base + ENTRY_SIZE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.entryCount++;
    return base;
  }

  get entries(): Entry[] {
    if (this.entryList === undefined) {
      const list: Entry[] = [];
      for (let i = 0; i < this.entryCount; i++) list.push(new ParsedEntry(this, i * ENTRY_SIZE));
      this.entryList = list;
    }
    return this.entryList;
  }

  get lineStarts(): number[] {
    return (this.starts ??= computeLineStarts(this.text));
  }

  lineAt(offset: number): number {
    return lineOfOffset(this.lineStarts, offset);
  }

  toJSON(): object {
    return { text: this.text, entries: this.entries, comments: this.comments, problems: this.problems, lineStarts: this.lineStarts };
  }
}

/**
 * An entry: a view of its slots in the document's data. Every property of Entry
 * is a getter; nothing is mutable from outside (the memo fields are private and
 * only ever go from unset to their one value).
 */
class ParsedEntry implements Entry {
  private keyText: string | undefined = undefined;
  private valueText: string | undefined = undefined;
  private refs: Reference[] | undefined = undefined;

  constructor(
    private readonly doc: ParsedDocument,
    /** Index of the entry's first slot in doc.data. */
    private readonly base: number,
  ) {}

  private slot(offset: number): number {
    return this.doc.data[this.base + offset];
  }

  get kind(): 'entry' {
    return 'entry';
  }

  get key(): string {
    return (this.keyText ??= this.doc.text.slice(this.slot(KEY_START), this.slot(KEY_END)));
  }

  get value(): string {
    return (this.valueText ??= decodeValue(this.doc.text, this.slot(RAW_START), this.slot(RAW_END), this.slot(FORM)));
  }

  get references(): Reference[] {
    if (this.refs === undefined) {
      // Inside the quotes for a quoted value.
      const q = (this.slot(FORM) & 0xffff) === 0 ? 0 : 1;
      this.refs = findReferences(this.doc.text, this.slot(RAW_START) + q, this.slot(RAW_END) - q);
    }
    return this.refs;
  }

  get line(): number {
    return this.doc.lineAt(this.slot(KEY_START));
  }

  get quote(): QuoteChar | undefined {
    const q = this.slot(FORM) & 0xffff;
    return q === 0 ? undefined : q === DOUBLE_QUOTE ? '"' : q === SINGLE_QUOTE ? "'" : '`';
  }

  get separator(): '=' | ':' {
    return this.doc.text.charCodeAt(this.slot(SEPARATOR_START)) === EQUALS ? '=' : ':';
  }

  get keySpan(): Span {
    return { start: this.slot(KEY_START), end: this.slot(KEY_END) };
  }

  get exportSpan(): Span | undefined {
    const start = this.slot(EXPORT_START);
    return start < 0 ? undefined : { start, end: start + 6 };
  }

  get separatorSpan(): Span {
    const start = this.slot(SEPARATOR_START);
    return { start, end: start + 1 };
  }

  get rawSpan(): Span {
    return { start: this.slot(RAW_START), end: this.slot(RAW_END) };
  }

  get commentSpan(): Span | undefined {
    const start = this.slot(COMMENT_START);
    return start < 0 ? undefined : { start, end: this.slot(COMMENT_END) };
  }

  get span(): Span {
    const exportStart = this.slot(EXPORT_START);
    const start = exportStart < 0 ? this.slot(KEY_START) : exportStart;
    const end = this.slot(COMMENT_START) < 0 ? Math.max(this.slot(RAW_END), this.slot(SEPARATOR_START) + 1) : this.slot(COMMENT_END);
    return { start, end };
  }

  /** The plain object the entry stands for (for logs and snapshots; the document is left out). */
  toJSON(): object {
    return {
      kind: this.kind, key: this.key, value: this.value, keySpan: this.keySpan, exportSpan: this.exportSpan,
      separator: this.separator, separatorSpan: this.separatorSpan, rawSpan: this.rawSpan, quote: this.quote,
      commentSpan: this.commentSpan, span: this.span, references: this.references, line: this.line,
    };
  }
}

class ParsedComment implements Comment {
  private textAfterHash: string | undefined = undefined;
  private lineNumber = -1;

  constructor(
    private readonly doc: ParsedDocument,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get kind(): 'comment' {
    return 'comment';
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get text(): string {
    return (this.textAfterHash ??= this.doc.text.slice(this.start + 1, this.end));
  }

  get line(): number {
    if (this.lineNumber < 0) this.lineNumber = this.doc.lineAt(this.start);
    return this.lineNumber;
  }

  toJSON(): object {
    return { kind: this.kind, span: this.span, text: this.text, line: this.line };
  }
}

/**
 * The value dotenv returns, from the raw span: the text inside the quotes (CRLF
 * and CR made `\n`, as dotenv normalises the whole file first) or the trimmed
 * unquoted text; then `\n` and `\r` escapes expanded when it starts with `"`.
 */
function decodeValue(text: string, rawStart: number, rawEnd: number, form: number): string {
  let value: string;
  if ((form & STRIP_BY_REGEX) !== 0) {
    // `^…$` with the m flag can match one line of the value: the regex decides.
    value = text.slice(rawStart, rawEnd).replace(STRIP_QUOTES, '$2');
  } else if (form !== 0) {
    value = text.slice(rawStart + 1, rawEnd - 1);
    if (value.indexOf('\r') !== -1) value = value.replace(/\r\n?/g, '\n');
  } else {
    value = text.slice(rawStart, rawEnd);
  }
  if (text.charCodeAt(rawStart) === DOUBLE_QUOTE && value.indexOf('\\') !== -1) value = expandNewlineEscapes(value);
  return value;
}

/** dotenv turns the two-character sequences `\n` and `\r` into line breaks in double-quoted values. */
function expandNewlineEscapes(value: string): string {
  return value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}

// ---------------------------------------------------------------- the scanner

/**
 * The next occurrence of one character at or after a position, remembered: for
 * positions that only grow, the text is searched once in all however often it
 * is asked. Invariant: `at` is the first occurrence at or after `from` (or the
 * text's length when there is none).
 */
class NextCache {
  private from = 0;
  private at = -1;
  private readonly code: number;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {
    this.code = char.charCodeAt(0);
  }

  /** The first offset >= p holding the character, or the text's length. */
  next(p: number): number {
    if (p > this.at) {
      const i = this.text.indexOf(this.char, p);
      this.at = i === -1 ? this.text.length : i;
      this.from = p;
    } else if (p < this.from) {
      // Asked backwards (after a problem report looked further along the line): only [p, from) is new.
      // indexOf could run on to the end of the file for a character the file lacks, for every such question.
      const { text, code } = this;
      for (let i = p; i < this.from; i++) {
        if (text.charCodeAt(i) === code) {
          this.at = i;
          break;
        }
      }
      this.from = p;
    }
    return this.at;
  }
}

class Scanner {
  private readonly n: number;
  private readonly noClose = new Map<number, NoCloseCache>();
  private readonly newlines: NextCache;
  private readonly returns: NextCache;
  private readonly hashes: NextCache;
  private readonly lineSeparators: NextCache;
  private readonly paragraphSeparators: NextCache;

  // What matchHead found (fields rather than an object per line).
  private exportStart = -1;
  private keyStart = 0;
  private keyEnd = 0;
  private separatorStart = 0;
  private valueStart = 0;
  /** Set by findClosingQuote: the first quote without a backslash before it, or -1. */
  private firstUnescaped = -1;
  /** Set by tailMatches when it succeeds: where the tail's blanks end (a line terminator, `#` or the end). */
  private tailEnd = 0;

  constructor(
    private readonly text: string,
    private readonly doc: ParsedDocument,
  ) {
    this.n = text.length;
    this.newlines = new NextCache(text, '\n');
    this.returns = new NextCache(text, '\r');
    this.hashes = new NextCache(text, '#');
    this.lineSeparators = new NextCache(text, '\u2028');
    this.paragraphSeparators = new NextCache(text, '\u2029');
  }

  run(): void {
    const { text, n } = this;
    let pos = 0;
    while (pos < n) {
      // `pos` is where `^` holds; `\s*` may cross blank lines.
      const start = this.skipWhitespace(pos);
      if (start >= n) break;
      const c = text.charCodeAt(start);
      if (c === HASH) {
        const end = this.lineEnd(start);
        this.doc.comments.push(new ParsedComment(this.doc, start, end));
        pos = end + 1;
        continue;
      }
      if (!this.matchHead(start, c)) {
        this.reportUnreadLine(start);
        pos = this.lineEnd(start) + 1;
        continue;
      }
      pos = this.readValue();
    }
  }

  // ---- key and separator: `(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)` ----

  /** Sets exportStart, keyStart, keyEnd, separatorStart and valueStart when the line has a head. */
  private matchHead(start: number, first: number): boolean {
    const { text } = this;
    // The optional group is greedy: `export` + blanks + key is tried before `export` as the key.
    if (first === 101 /* e */ && text.startsWith('export', start) && start + 6 < this.n && isJsWhitespace(text.charCodeAt(start + 6))) {
      const keyStart = this.skipWhitespace(start + 6);
      const keyEnd = this.keyRunEnd(keyStart);
      if (keyEnd > keyStart && this.matchSeparator(keyEnd)) {
        this.exportStart = start;
        this.keyStart = keyStart;
        this.keyEnd = keyEnd;
        return true;
      }
    }
    const keyEnd = this.keyRunEnd(start);
    if (keyEnd === start) return false;
    // A shorter key never helps: it would be followed by a key character, not by `=`, `:` or a blank.
    if (!this.matchSeparator(keyEnd)) return false;
    this.exportStart = -1;
    this.keyStart = start;
    this.keyEnd = keyEnd;
    return true;
  }

  /** Sets separatorStart and valueStart when a separator follows the key. */
  private matchSeparator(keyEnd: number): boolean {
    const { text } = this;
    const eq = this.skipWhitespace(keyEnd);
    if (eq < this.n && text.charCodeAt(eq) === EQUALS) {
      // `\s*?` after `=` stays empty: some alternative of the value group always succeeds from there.
      this.separatorStart = eq;
      this.valueStart = eq + 1;
      return true;
    }
    if (text.charCodeAt(keyEnd) === COLON && keyEnd + 1 < this.n && isJsWhitespace(text.charCodeAt(keyEnd + 1))) {
      // `:\s+?` takes exactly one blank; CRLF is one character in dotenv's normalised text.
      let valueStart = keyEnd + 2;
      if (text.charCodeAt(keyEnd + 1) === CARRIAGE_RETURN && text.charCodeAt(valueStart) === NEWLINE) valueStart++;
      this.separatorStart = keyEnd;
      this.valueStart = valueStart;
      return true;
    }
    return false;
  }

  // ---- the value group and the tail `\s*(?:#.*)?$` ----

  /** Adds the entry of the head just matched; returns where the next match starts. */
  private readValue(): number {
    const { text } = this;
    this.reportSplitLines();
    const q = this.skipWhitespace(this.valueStart);
    const quoteCode = q < this.n ? text.charCodeAt(q) : -1;
    if (quoteCode === SINGLE_QUOTE || quoteCode === DOUBLE_QUOTE || quoteCode === BACKTICK) {
      const close = this.findClosingQuote(q, quoteCode);
      if (close >= 0) return this.addQuoted(q, close, quoteCode);
      // A quote on a later line that closes nowhere is not this key's value: that line is reported on its own.
      if (!hasLineBreak(text, this.separatorStart, q)) this.reportQuoteProblem(q, this.firstUnescaped);
    }
    return this.addUnquoted();
  }

  /** `KEY` then `=` on a later line, or `KEY:` ending its line: dotenv joins the lines without a word. */
  private reportSplitLines(): void {
    const { text } = this;
    if (hasLineBreak(text, this.keyEnd, this.separatorStart)) {
      this.problem('valueOnNextLine', { start: this.keyStart, end: this.separatorStart + 1 }, this.keyStart,
        'The = is on a later line than the name: dotenv joins the lines and reads this as one assignment.');
      return;
    }
    const first = this.valueStart < this.n ? text.charCodeAt(this.valueStart) : -1;
    const readsNextLine = first !== -1 && first !== HASH && first !== SINGLE_QUOTE && first !== DOUBLE_QUOTE && first !== BACKTICK && !isJsWhitespace(first);
    if (text.charCodeAt(this.separatorStart) === COLON && readsNextLine && hasLineBreak(text, this.separatorStart, this.valueStart)) {
      this.problem('valueOnNextLine', { start: this.keyStart, end: this.separatorStart + 1 }, this.keyStart,
        'The line ends after a colon: dotenv reads the next line as the value of this name.');
    }
  }

  /**
   * `'(?:\\'|[^'])*'` followed by the tail: the greedy star runs to the first quote
   * not preceded by a backslash; backtracking then offers every backslash-preceded
   * quote before it, last first. The first candidate whose tail matches wins.
   * Sets firstUnescaped; on success tailEnd is the winning candidate's.
   */
  private findClosingQuote(open: number, quoteCode: number): number {
    const { text } = this;
    const quote = text[open];
    let escaped: number[] | undefined;
    let firstUnescaped = -1;
    const cached = this.noClose.get(quoteCode);
    if (cached && open >= cached.from) {
      escaped = cached.escaped.filter((p) => p > open);
    } else {
      let s = text.indexOf(quote, open + 1);
      while (s !== -1 && text.charCodeAt(s - 1) === BACKSLASH) {
        (escaped ??= []).push(s);
        s = text.indexOf(quote, s + 1);
      }
      firstUnescaped = s;
      // Without this, many unterminated quotes would each rescan the rest of the file.
      if (s === -1) this.noClose.set(quoteCode, { from: open, escaped: escaped ?? [] });
    }
    this.firstUnescaped = firstUnescaped;
    if (firstUnescaped !== -1 && this.tailMatches(firstUnescaped + 1)) return firstUnescaped;
    if (escaped) {
      for (let i = escaped.length - 1; i >= 0; i--) {
        if (this.tailMatches(escaped[i] + 1)) return escaped[i];
      }
    }
    return -1;
  }

  /** `\s*(?:#.*)?(?:$|$)` from p: blanks holding a line break, or blanks then `#` or the end. Sets tailEnd. */
  private tailMatches(p: number): boolean {
    const { text, n } = this;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (isJsLineTerminator(c)) {
        this.tailEnd = p;
        return true;
      }
      if (!isJsWhitespace(c)) break;
      p++;
    }
    this.tailEnd = p;
    return p >= n || text.charCodeAt(p) === HASH;
  }

  private addQuoted(open: number, close: number, quoteCode: number): number {
    const { n } = this;
    // The tail that matched: blanks on the closing quote's line, then `#…` or the line's end.
    const p = this.tailEnd;
    let commentStart = -1;
    let commentEnd = -1;
    let next: number;
    if (p >= n) {
      next = n;
    } else if (this.text.charCodeAt(p) === HASH) {
      commentStart = p;
      commentEnd = this.lineEnd(p);
      next = commentEnd + 1;
    } else {
      next = p + 1;
    }
    if (hasLineBreak(this.text, this.separatorStart, open)) {
      this.problem('valueOnNextLine', { start: this.valueStart, end: open + 1 }, this.keyStart,
        'The value starts on a later line: dotenv reads the quoted text below as the value of this key.');
    }
    this.pushEntry(open, close + 1, quoteCode, commentStart, commentEnd, false);
    return next;
  }

  /** `[^#\r\n]+` from the value start (not from the first non-blank), trimmed, one quote pair stripped. */
  private addUnquoted(): number {
    const { text, n } = this;
    const vs = this.valueStart;
    // The first `#`, CR or LF: three remembered searches instead of a loop over every character.
    let h = this.newlines.next(vs);
    const cr = this.returns.next(vs);
    if (cr < h) h = cr;
    const hash = this.hashes.next(vs);
    if (hash < h) h = hash;
    let rawStart = vs;
    let rawEnd = h;
    while (rawStart < rawEnd && isJsWhitespace(text.charCodeAt(rawStart))) rawStart++;
    while (rawEnd > rawStart && isJsWhitespace(text.charCodeAt(rawEnd - 1))) rawEnd--;
    // U+2028/9 inside the trimmed value (trim removes them at the ends) hand quote stripping to dotenv's regex.
    const lineSeparator = rawStart < rawEnd && (this.lineSeparators.next(rawStart) < rawEnd || this.paragraphSeparators.next(rawStart) < rawEnd);
    let quoteCode = 0;
    if (!lineSeparator && rawEnd - rawStart >= 2) {
      const first = text.charCodeAt(rawStart);
      if ((first === SINGLE_QUOTE || first === DOUBLE_QUOTE || first === BACKTICK) && text.charCodeAt(rawEnd - 1) === first) quoteCode = first;
    }
    let commentStart = -1;
    let commentEnd = -1;
    let next: number;
    if (h >= n) {
      next = n;
    } else if (h === hash) {
      commentStart = h;
      commentEnd = this.lineEnd(h);
      next = commentEnd + 1;
    } else {
      // CR or LF: `^` holds right after it.
      next = h + 1;
    }
    this.pushEntry(rawStart, rawEnd, quoteCode, commentStart, commentEnd, lineSeparator);
    return next;
  }

  private pushEntry(rawStart: number, rawEnd: number, quoteCode: number, commentStart: number, commentEnd: number, lineSeparator: boolean): void {
    const { doc } = this;
    const base = doc.addEntry();
    const data = doc.data;
    data[base + EXPORT_START] = this.exportStart;
    data[base + KEY_START] = this.keyStart;
    data[base + KEY_END] = this.keyEnd;
    data[base + SEPARATOR_START] = this.separatorStart;
    data[base + RAW_START] = rawStart;
    data[base + RAW_END] = rawEnd;
    data[base + FORM] = lineSeparator ? quoteCode | STRIP_BY_REGEX : quoteCode;
    data[base + COMMENT_START] = commentStart;
    data[base + COMMENT_END] = commentEnd;
  }

  // ---- what dotenv passes over silently ----

  private reportUnreadLine(start: number): void {
    const { text } = this;
    const end = this.lineEnd(start);
    const keyEnd = this.keyRunEnd(start);
    const lineText = text.slice(start, end);
    let kind: 'noSeparator' | 'invalidKey' = 'noSeparator';
    let message = 'dotenv ignores this line: it has no = after a name.';
    const eq = lineText.indexOf('=');
    const colon = lineText.indexOf(': ');
    const sepAt = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    if (sepAt !== -1) {
      kind = 'invalidKey';
      const name = lineText.slice(0, sepAt).trim();
      message = keyEnd === start
        ? 'dotenv ignores this line: a name must start with a letter, a digit, _, . or -.'
        : `dotenv ignores this line: "${name.length > 40 ? `${name.slice(0, 39)}…` : name}" is not a valid name (only letters, digits, _, . and -).`;
    }
    // A name alone (blanks after it at most) is compose's pass-through form: said so, and marked for a milder severity.
    if (kind === 'noSeparator' && keyEnd > start && lineText.trim().length === keyEnd - start) {
      const name = text.slice(start, keyEnd);
      this.doc.problems.push({
        kind, span: { start, end }, line: this.doc.lineAt(start), bareName: true,
        message: `dotenv ignores ${nameText(name)} (no =); docker compose would pass the shell's value through. Add = for dotenv, or set envls.dialect to compose.`,
      });
      return;
    }
    this.problem(kind, { start, end }, start, message);
  }

  private reportQuoteProblem(open: number, firstUnescaped: number): void {
    const quote = this.text[open];
    // A closing quote on a later line that does not end the value is no closing quote for a reader either.
    if (firstUnescaped === -1 || hasLineBreak(this.text, open, firstUnescaped)) {
      this.problem('unterminatedQuote', { start: open, end: this.lineEnd(open) }, this.keyStart,
        `Unterminated ${quote === '"' ? 'double' : quote === "'" ? 'single' : 'backtick'} quote: dotenv reads the rest of the line literally, quote included.`);
    } else {
      const after = firstUnescaped + 1;
      this.problem('textAfterQuote', { start: after, end: this.lineEnd(after) }, this.keyStart,
        'Text after the closing quote: dotenv then ignores the quotes and reads the whole line as the value.');
    }
  }

  /** Problems are rare: their line is computed at once (line starts are computed for the first one). */
  private problem(kind: ParseProblem['kind'], span: Span, at: number, message: string): void {
    this.doc.problems.push({ kind, span, message, line: this.doc.lineAt(at) });
  }

  // ---- small scanners ----

  private skipWhitespace(p: number): number {
    const { text, n } = this;
    while (p < n && isJsWhitespace(text.charCodeAt(p))) p++;
    return p;
  }

  private keyRunEnd(p: number): number {
    const { text, n } = this;
    while (p < n && isKeyChar(text.charCodeAt(p))) p++;
    return p;
  }

  /** Offset of the first line terminator at or after p (what `.` stops at), or the end. */
  private lineEnd(p: number): number {
    let end = this.newlines.next(p);
    const cr = this.returns.next(p);
    if (cr < end) end = cr;
    const ls = this.lineSeparators.next(p);
    if (ls < end) end = ls;
    const ps = this.paragraphSeparators.next(p);
    if (ps < end) end = ps;
    return end;
  }
}

/** Whether [from, to) holds a CR or LF, i.e. from and to are on different LSP lines. Stops at the first one. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CARRIAGE_RETURN) return true;
  }
  return false;
}
