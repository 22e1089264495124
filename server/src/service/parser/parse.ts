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
import type { Comment, Entry, EnvDocument, ParseProblem, QuoteChar, Span } from './model';
import { findReferences } from './references';
import { computeLineStarts, LineCursor } from './lines';

/** dotenv strips one pair of surrounding quotes with this (m flag matters for U+2028/9). */
const STRIP_QUOTES = /^(['"`])([\s\S]*)\1$/gm;

interface Head {
  exportSpan?: Span;
  keyStart: number;
  keyEnd: number;
  separator: '=' | ':';
  separatorStart: number;
  valueStart: number;
}

/** Positions of escaped quotes after `from` when no unescaped quote follows (see findClosingQuote). */
interface NoCloseCache {
  from: number;
  escaped: number[];
}

export function parseEnv(text: string): EnvDocument {
  return new Scanner(text).run();
}

class Scanner {
  private readonly n: number;
  private readonly entries: Entry[] = [];
  private readonly comments: Comment[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly lineStarts: number[];
  private readonly lines: LineCursor;
  private readonly noClose = new Map<number, NoCloseCache>();

  constructor(private readonly text: string) {
    this.n = text.length;
    this.lineStarts = computeLineStarts(text);
    this.lines = new LineCursor(this.lineStarts);
  }

  run(): EnvDocument {
    const { text, n } = this;
    let pos = 0;
    while (pos < n) {
      // `pos` is where `^` holds; `\s*` may cross blank lines.
      const start = this.skipWhitespace(pos);
      if (start >= n) break;
      if (text.charCodeAt(start) === HASH) {
        const end = this.lineEnd(start);
        this.comments.push({ kind: 'comment', span: { start, end }, text: text.slice(start + 1, end), line: this.lines.lineAt(start) });
        pos = this.nextLineStart(start);
        continue;
      }
      const head = this.matchHead(start);
      if (!head) {
        this.reportUnreadLine(start);
        pos = this.nextLineStart(start);
        continue;
      }
      pos = this.readValue(head);
    }
    return { text, entries: this.entries, comments: this.comments, problems: this.problems, lineStarts: this.lineStarts };
  }

  // ---- key and separator: `(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)` ----

  private matchHead(start: number): Head | undefined {
    const { text } = this;
    // The optional group is greedy: `export` + blanks + key is tried before `export` as the key.
    if (text.startsWith('export', start) && start + 6 < this.n && isJsWhitespace(text.charCodeAt(start + 6))) {
      const keyStart = this.skipWhitespace(start + 6);
      const keyEnd = this.keyRunEnd(keyStart);
      if (keyEnd > keyStart) {
        const sep = this.matchSeparator(keyEnd);
        // Fields written out (no spread) and in one order: one object shape, no slow-path copy.
        if (sep) return { exportSpan: { start, end: start + 6 }, keyStart, keyEnd, separator: sep.separator, separatorStart: sep.separatorStart, valueStart: sep.valueStart };
      }
    }
    const keyEnd = this.keyRunEnd(start);
    if (keyEnd === start) return undefined;
    // A shorter key never helps: it would be followed by a key character, not by `=`, `:` or a blank.
    const sep = this.matchSeparator(keyEnd);
    return sep ? { exportSpan: undefined, keyStart: start, keyEnd, separator: sep.separator, separatorStart: sep.separatorStart, valueStart: sep.valueStart } : undefined;
  }

  private matchSeparator(keyEnd: number): Pick<Head, 'separator' | 'separatorStart' | 'valueStart'> | undefined {
    const { text } = this;
    const eq = this.skipWhitespace(keyEnd);
    if (eq < this.n && text.charCodeAt(eq) === EQUALS) {
      // `\s*?` after `=` stays empty: some alternative of the value group always succeeds from there.
      return { separator: '=', separatorStart: eq, valueStart: eq + 1 };
    }
    if (text.charCodeAt(keyEnd) === COLON && keyEnd + 1 < this.n && isJsWhitespace(text.charCodeAt(keyEnd + 1))) {
      // `:\s+?` takes exactly one blank; CRLF is one character in dotenv's normalised text.
      let valueStart = keyEnd + 2;
      if (text.charCodeAt(keyEnd + 1) === CARRIAGE_RETURN && text.charCodeAt(valueStart) === NEWLINE) valueStart++;
      return { separator: ':', separatorStart: keyEnd, valueStart };
    }
    return undefined;
  }

  // ---- the value group and the tail `\s*(?:#.*)?$` ----

  private readValue(head: Head): number {
    const { text } = this;
    const vs = head.valueStart;
    const q = this.skipWhitespace(vs);
    const quoteCode = q < this.n ? text.charCodeAt(q) : -1;
    if (quoteCode === SINGLE_QUOTE || quoteCode === DOUBLE_QUOTE || quoteCode === BACKTICK) {
      const close = this.findClosingQuote(q, quoteCode);
      if (close.at >= 0) return this.addQuoted(head, q, close.at, quoteCode);
      // A quote on a later line that closes nowhere is not this key's value: that line is reported on its own.
      if (this.lines.lineAt(q) === this.lines.lineAt(head.separatorStart)) this.reportQuoteProblem(head, q, close.firstUnescaped);
    }
    return this.addUnquoted(head);
  }

  /**
   * `'(?:\\'|[^'])*'` followed by the tail: the greedy star runs to the first quote
   * not preceded by a backslash; backtracking then offers every backslash-preceded
   * quote before it, last first. The first candidate whose tail matches wins.
   */
  private findClosingQuote(open: number, quoteCode: number): { at: number; firstUnescaped: number } {
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
    if (firstUnescaped !== -1 && this.tailMatches(firstUnescaped + 1)) return { at: firstUnescaped, firstUnescaped };
    if (escaped) {
      for (let i = escaped.length - 1; i >= 0; i--) {
        if (this.tailMatches(escaped[i] + 1)) return { at: escaped[i], firstUnescaped };
      }
    }
    return { at: -1, firstUnescaped };
  }

  /** `\s*(?:#.*)?(?:$|$)` from p: blanks holding a line break, or blanks then `#` or the end. */
  private tailMatches(p: number): boolean {
    const { text, n } = this;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (isJsLineTerminator(c)) return true;
      if (!isJsWhitespace(c)) break;
      p++;
    }
    return p >= n || text.charCodeAt(p) === HASH;
  }

  private addQuoted(head: Head, open: number, close: number, quoteCode: number): number {
    const { text } = this;
    let value = text.slice(open + 1, close);
    if (value.indexOf('\r') !== -1) value = value.replace(/\r\n?/g, '\n');
    if (quoteCode === DOUBLE_QUOTE && value.indexOf('\\') !== -1) value = expandNewlineEscapes(value);
    const rawSpan = { start: open, end: close + 1 };
    const commentSpan = this.inlineComment(close + 1);
    if (this.lines.lineAt(open) !== this.lines.lineAt(head.separatorStart)) {
      this.problem('valueOnNextLine', { start: head.valueStart, end: open + 1 }, head.keyStart,
        'The value starts on a later line: dotenv reads the quoted text below as the value of this key.');
    }
    this.pushEntry(head, value, rawSpan, text[open] as QuoteChar, commentSpan, { start: open + 1, end: close });
    return this.nextLineStart(close);
  }

  /** `[^#\r\n]+` from the value start (not from the first non-blank), trimmed, one quote pair stripped. */
  private addUnquoted(head: Head): number {
    const { text, n } = this;
    const vs = head.valueStart;
    let h = vs;
    while (h < n) {
      const c = text.charCodeAt(h);
      if (c === HASH || c === NEWLINE || c === CARRIAGE_RETURN) break;
      h++;
    }
    let rawStart = vs;
    let rawEnd = h;
    while (rawStart < rawEnd && isJsWhitespace(text.charCodeAt(rawStart))) rawStart++;
    while (rawEnd > rawStart && isJsWhitespace(text.charCodeAt(rawEnd - 1))) rawEnd--;
    const trimmed = text.slice(rawStart, rawEnd);
    let value = trimmed;
    let quote: QuoteChar | undefined;
    const first = trimmed.charCodeAt(0);
    if (trimmed.indexOf('\u2028') !== -1 || trimmed.indexOf('\u2029') !== -1) {
      value = trimmed.replace(STRIP_QUOTES, '$2');
    } else if (
      trimmed.length >= 2 &&
      (first === SINGLE_QUOTE || first === DOUBLE_QUOTE || first === BACKTICK) &&
      trimmed.charCodeAt(trimmed.length - 1) === first
    ) {
      value = trimmed.slice(1, -1);
      quote = trimmed[0] as QuoteChar;
    }
    if (first === DOUBLE_QUOTE && value.indexOf('\\') !== -1) value = expandNewlineEscapes(value);
    const commentSpan = h < n && text.charCodeAt(h) === HASH ? { start: h, end: this.lineEnd(h) } : undefined;
    const contentSpan = quote ? { start: rawStart + 1, end: rawEnd - 1 } : { start: rawStart, end: rawEnd };
    this.pushEntry(head, value, { start: rawStart, end: rawEnd }, quote, commentSpan, contentSpan);
    return h >= n ? n : this.nextLineStart(h);
  }

  private pushEntry(head: Head, value: string, rawSpan: Span, quote: QuoteChar | undefined, commentSpan: Span | undefined, contentSpan: Span): void {
    const { text } = this;
    const start = head.exportSpan ? head.exportSpan.start : head.keyStart;
    const end = commentSpan ? commentSpan.end : Math.max(rawSpan.end, head.separatorStart + 1);
    const references = findReferences(text, contentSpan.start, contentSpan.end);
    this.entries.push({
      kind: 'entry',
      key: text.slice(head.keyStart, head.keyEnd),
      value,
      keySpan: { start: head.keyStart, end: head.keyEnd },
      exportSpan: head.exportSpan,
      separator: head.separator,
      separatorSpan: { start: head.separatorStart, end: head.separatorStart + 1 },
      rawSpan,
      quote,
      commentSpan,
      span: { start, end },
      references,
      line: this.lines.lineAt(head.keyStart),
    });
  }

  /** After a closing quote: blanks on the same line, then `#…` to the end of the line. */
  private inlineComment(p: number): Span | undefined {
    const { text, n } = this;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (isJsLineTerminator(c) || !isJsWhitespace(c)) break;
      p++;
    }
    return p < n && text.charCodeAt(p) === HASH ? { start: p, end: this.lineEnd(p) } : undefined;
  }

  // ---- what dotenv passes over silently ----

  private reportUnreadLine(start: number): void {
    const { text } = this;
    const end = this.lineEnd(start);
    const keyEnd = this.keyRunEnd(start);
    const lineText = text.slice(start, end);
    let kind: 'noSeparator' | 'invalidKey' = 'noSeparator';
    let message = 'dotenv ignores this line: it has no `=` after a name.';
    const eq = lineText.indexOf('=');
    const colon = lineText.indexOf(': ');
    const sepAt = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    if (sepAt !== -1) {
      kind = 'invalidKey';
      const name = lineText.slice(0, sepAt).trim();
      message = keyEnd === start
        ? `dotenv ignores this line: a name must start with a letter, digit, \`_\`, \`.\` or \`-\`.`
        : `dotenv ignores this line: \`${name}\` is not a valid name (only letters, digits, \`_\`, \`.\` and \`-\`).`;
    }
    this.problem(kind, { start, end }, start, message);
  }

  private reportQuoteProblem(head: Head, open: number, firstUnescaped: number): void {
    const quote = this.text[open];
    // A closing quote on a later line that does not end the value is no closing quote for a reader either.
    if (firstUnescaped === -1 || this.lines.lineAt(firstUnescaped) !== this.lines.lineAt(open)) {
      this.problem('unterminatedQuote', { start: open, end: this.lineEnd(open) }, head.keyStart,
        `Unterminated ${quote} quote: dotenv reads the rest of the line literally, quote included.`);
    } else {
      const after = firstUnescaped + 1;
      this.problem('textAfterQuote', { start: after, end: this.lineEnd(after) }, head.keyStart,
        'Text after the closing quote: dotenv then ignores the quotes and reads the whole line as the value.');
    }
  }

  private problem(kind: ParseProblem['kind'], span: Span, at: number, message: string): void {
    this.problems.push({ kind, span, message, line: this.lines.lineAt(at) });
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
    const { text, n } = this;
    while (p < n && !isJsLineTerminator(text.charCodeAt(p))) p++;
    return p;
  }

  /** The first offset after p where `^` holds. */
  private nextLineStart(p: number): number {
    const end = this.lineEnd(p);
    return end >= this.n ? this.n : end + 1;
  }
}

/** dotenv turns the two-character sequences `\n` and `\r` into line breaks in double-quoted values. */
function expandNewlineEscapes(value: string): string {
  return value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}
