/**
 * docker compose's reading of an env file (a service's `env_file:`, and the project
 * `.env` compose reads for `${}` interpolation in compose.yaml), into the same
 * EnvDocument model as parseEnv, so that every feature works on it.
 *
 * Written from (our own code, no copy):
 * - the Compose specification, 05-services.md, "Env_file format"
 *   (github.com/compose-spec/compose-spec, commit 170098ba), and 12-interpolation.md;
 * - compose-go, the library docker compose reads env files with: dotenv/parser.go,
 *   dotenv/godotenv.go and template/template.go (github.com/compose-spec/compose-go,
 *   commit e70e961c). Where the specification and the code differ, the code wins
 *   (it is what runs): an inline comment needs a space (` #`, not a tab) before `#`.
 *
 * Compose's rules, as compose-go applies them:
 * - a statement starts after blanks and blank lines; `#` there comments out the line;
 * - `export` and blanks before the name are dropped;
 * - the name runs to `=`, `:` or the line's end; it holds letters, digits (any script),
 *   `_`, `.`, `-`, `[`, `]` and blanks (trimmed; one inside the name is an error). Any
 *   other character, an unterminated quote or a bad `${` makes compose refuse the file;
 * - a name alone on its line passes the shell's value through (unset when it has none);
 * - a value starting with `'` or `"` runs to the matching unescaped quote, across lines;
 *   `\` escapes the quote; what follows the closing quote on its line is a comment when
 *   it starts with `#`, and otherwise the start of the next statement;
 * - an unquoted value runs to the line's end, cut at ` #`, trailing blanks trimmed;
 * - double-quoted values expand `\a \b \f \n \r \t \v \\ \"` and `\0ooo` (octal);
 *   `\$` is a literal `$`;
 * - unquoted and double-quoted values are interpolated: `$$` is `$`; `$NAME`, `${NAME}`,
 *   `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`,
 *   `${NAME:?error}`, `${NAME?error}`, from the shell's variables first, then the
 *   file's earlier ones. envls runs nothing and reads no shell: values here are read
 *   as if the shell set none of them (compose-go's `UnmarshalWithLookup(src, nil)`).
 */
import type { Comment, Entry, EnvDocument, ParseProblem, ProblemKind, QuoteChar, Reference, Span } from './model';
import { computeLineStarts, lineOfOffset } from './lines';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const HASH = 35;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const EQUALS = 61;
const COLON = 58;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const SPACE = 32;

export function parseComposeEnv(text: string): EnvDocument {
  const doc = new ComposeDocument(text);
  new ComposeScanner(text, doc).run();
  return doc;
}

class ComposeDocument implements EnvDocument {
  readonly dialect = 'compose' as const;
  readonly entries: Entry[] = [];
  readonly comments: Comment[] = [];
  readonly problems: ParseProblem[] = [];
  private starts: number[] | undefined = undefined;

  constructor(readonly text: string) {}

  get lineStarts(): number[] {
    return (this.starts ??= computeLineStarts(this.text));
  }

  lineAt(offset: number): number {
    return lineOfOffset(this.lineStarts, offset);
  }

  toJSON(): object {
    return { dialect: this.dialect, text: this.text, entries: this.entries, comments: this.comments, problems: this.problems, lineStarts: this.lineStarts };
  }
}

/** compose-go's isSpace: a blank that is not a line feed. */
function isBlank(c: number): boolean {
  return c === 9 || c === 11 || c === 12 || c === 13 || c === 32 || c === 0x85 || c === 0xa0;
}

/** Go's unicode.IsSpace (all of these are single UTF-16 units). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Go regexp `\s` (ASCII): what must follow `export`. */
function isRegexSpace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
}

const KEY_CODE_POINT = /^[\p{L}\p{N}_.\-[\]]$/u;

/** A character of a name: Go's unicode.IsLetter / IsNumber, `_`, `.`, `-`, `[`, `]` (ASCII decided without the regex). */
function isKeyCodePoint(cp: number): boolean {
  if (cp < 128) return isNamePart(cp) || cp === 46 || cp === 45 || cp === 91 || cp === 93;
  return KEY_CODE_POINT.test(String.fromCodePoint(cp));
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

const REFUSES = 'docker compose refuses this file:';

class ComposeScanner {
  private readonly n: number;
  /** The file's variables so far, for interpolation (the shell is taken as empty). */
  private readonly vars = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly doc: ComposeDocument,
  ) {
    this.n = text.length;
  }

  run(): void {
    const { text, n } = this;
    // compose-go drops a UTF-8 byte order mark.
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (pos < n) {
      while (pos < n && isSpace(text.charCodeAt(pos))) pos++;
      if (pos >= n) break;
      if (text.charCodeAt(pos) === HASH) {
        const end = this.lineEnd(pos);
        this.addComment(pos, end);
        pos = this.nextLine(pos);
        continue;
      }
      pos = this.statement(pos);
    }
  }

  /** Reads one statement from `start`; returns where the next one may begin. */
  private statement(start: number): number {
    const { text, n } = this;
    let p = start;
    let exportStart = -1;
    if (text.startsWith('export', p) && p + 6 < n && isRegexSpace(text.charCodeAt(p + 6))) {
      exportStart = p;
      p += 6;
      while (p < n && isBlank(text.charCodeAt(p))) p++;
    }
    const keyStart = p;
    let sepAt = -1;
    for (let i = p; i < n; ) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (cp === EQUALS || cp === COLON || cp === NEWLINE) {
        sepAt = i;
        break;
      }
      if (!isBlank(cp) && !isKeyCodePoint(cp)) {
        const shown = String.fromCodePoint(cp);
        this.problem('invalidKey', { start, end: this.lineEnd(start) }, start,
          `${REFUSES} \`${shown}\` cannot be part of a name (letters, digits, \`_\`, \`.\`, \`-\`, \`[\`, \`]\`).`);
        return this.nextLine(i);
      }
      i += width;
    }
    if (sepAt === -1) {
      // compose-go finds no end of the name: it reads the line as the value of an empty name.
      const keyEnd = this.trimEnd(keyStart, n);
      if (keyEnd > keyStart) {
        const name = text.slice(keyStart, keyEnd);
        this.problem('noSeparator', { start: keyStart, end: keyEnd }, keyStart,
          `docker compose does not pass ${name} through: a name alone on the last line needs a line break after it.`, true);
      }
      return n;
    }
    const keyEnd = this.trimEnd(keyStart, sepAt);
    const key = text.slice(keyStart, keyEnd);
    if (key.includes(' ')) {
      this.problem('invalidKey', { start: keyStart, end: keyEnd }, keyStart, `${REFUSES} a name cannot contain a space.`);
      return this.nextLine(sepAt);
    }
    if (text.charCodeAt(sepAt) === NEWLINE) {
      // A name alone: the shell's value passes through. `export` alone names nothing.
      if (key.length > 0) this.addPassThrough(exportStart, keyStart, keyEnd);
      return sepAt + 1;
    }
    let v = sepAt + 1;
    while (v < n && isBlank(text.charCodeAt(v))) v++;
    const q = text.charCodeAt(v);
    const head = { exportStart, keyStart, keyEnd, sepAt, key };
    if (q === SINGLE_QUOTE || q === DOUBLE_QUOTE) return this.quoted(head, v, q);
    return this.unquoted(head, v);
  }

  private quoted(head: Head, open: number, q: number): number {
    const { text, n } = this;
    let escaped = false;
    let close = -1;
    // Linear in all: after a scan that finds no close, every later quote of that kind is escaped, so none opens a value.
    for (let i = open + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === q && !escaped) {
        close = i;
        break;
      }
      escaped = !escaped && c === BACKSLASH;
    }
    if (close === -1) {
      this.problem('unterminatedQuote', { start: open, end: this.lineEnd(open) }, head.keyStart, `${REFUSES} the ${text[open]} quote is never closed.`);
      return this.nextLine(open);
    }
    let after = close + 1;
    while (after < n && isBlank(text.charCodeAt(after))) after++;
    let commentStart = -1;
    let commentEnd = -1;
    let next = after;
    if (after < n && text.charCodeAt(after) === HASH) {
      commentStart = after;
      commentEnd = this.lineEnd(after);
      next = this.nextLine(after);
    } else if (after < n && text.charCodeAt(after) !== NEWLINE) {
      // compose-go goes on reading right after the closing quote, as if a new line started there.
      this.problem('textAfterQuote', { start: after, end: this.lineEnd(after) }, head.keyStart,
        'docker compose reads the text after the closing quote as the next variable of the file, on the same line.');
    }
    const inner = unescapeQuoted(text, open + 1, close, q);
    const references = q === DOUBLE_QUOTE ? this.references(open + 1, close, true) : NONE;
    const value = q === DOUBLE_QUOTE ? this.interpolate(expandEscapes(inner)) : inner;
    this.addEntry(head, { start: open, end: close + 1 }, q === DOUBLE_QUOTE ? '"' : "'", value, references, commentStart, commentEnd);
    return next;
  }

  private unquoted(head: Head, start: number): number {
    const { text, n } = this;
    const newline = text.indexOf('\n', start);
    const lineStop = newline === -1 ? n : newline;
    // An inline comment starts at ` #` (a space, not any blank).
    let valueStop = lineStop;
    let commentStart = -1;
    let commentEnd = -1;
    for (let i = start; i + 1 < lineStop; i++) {
      if (text.charCodeAt(i) === SPACE && text.charCodeAt(i + 1) === HASH) {
        valueStop = i;
        commentStart = i + 1;
        commentEnd = this.lineEnd(commentStart);
        break;
      }
    }
    const rawEnd = this.trimEnd(start, valueStop);
    const references = this.references(start, rawEnd, false);
    const value = this.interpolate(text.slice(start, rawEnd));
    this.addEntry(head, { start, end: rawEnd }, undefined, value, references, commentStart, commentEnd);
    return lineStop + 1;
  }

  private addEntry(head: Head, rawSpan: Span, quote: QuoteChar | undefined, value: string, references: Reference[], commentStart: number, commentEnd: number): void {
    const start = head.exportStart >= 0 ? head.exportStart : head.keyStart;
    const separatorSpan = { start: head.sepAt, end: head.sepAt + 1 };
    const end = commentStart >= 0 ? commentEnd : Math.max(rawSpan.end, separatorSpan.end);
    if (head.key.length === 0) {
      this.problem('invalidKey', { start, end }, start, 'docker compose reads this value under an empty name: no variable gets it.');
      return;
    }
    const entry: Entry = {
      kind: 'entry',
      key: head.key,
      value,
      keySpan: { start: head.keyStart, end: head.keyEnd },
      exportSpan: head.exportStart >= 0 ? { start: head.exportStart, end: head.exportStart + 6 } : undefined,
      separator: this.text.charCodeAt(head.sepAt) === EQUALS ? '=' : ':',
      separatorSpan,
      rawSpan,
      quote,
      commentSpan: commentStart >= 0 ? { start: commentStart, end: commentEnd } : undefined,
      span: { start, end },
      references,
      line: this.doc.lineAt(head.keyStart),
    };
    this.doc.entries.push(entry);
    this.vars.set(head.key, value);
  }

  private addPassThrough(exportStart: number, keyStart: number, keyEnd: number): void {
    const empty = { start: keyEnd, end: keyEnd };
    this.doc.entries.push({
      kind: 'entry',
      key: this.text.slice(keyStart, keyEnd),
      value: '',
      keySpan: { start: keyStart, end: keyEnd },
      exportSpan: exportStart >= 0 ? { start: exportStart, end: exportStart + 6 } : undefined,
      separator: '=',
      separatorSpan: empty,
      rawSpan: { ...empty },
      span: { start: exportStart >= 0 ? exportStart : keyStart, end: keyEnd },
      references: NONE,
      line: this.doc.lineAt(keyStart),
      passThrough: true,
    });
    // With no shell value compose leaves the variable as the file had it: `vars` is unchanged.
  }

  private addComment(start: number, end: number): void {
    const doc = this.doc;
    const text = this.text;
    doc.comments.push({ kind: 'comment', span: { start, end }, text: text.slice(start + 1, end), line: doc.lineAt(start) });
  }

  /** The references in [start, end) of the raw text; reports the `${` forms compose rejects. */
  private references(start: number, end: number, doubleQuoted: boolean): Reference[] {
    const { text } = this;
    let out: Reference[] | undefined;
    let braces: BraceIndex | undefined;
    let invalidReported = false;
    const bounds: number[] = [];
    let bound = end;
    for (let i = start; i < bound || bounds.length > 0; i++) {
      if (i >= bound) {
        i = bound; // the `}` of the reference whose default was just scanned
        bound = bounds.pop()!;
        continue;
      }
      if (text.charCodeAt(i) !== DOLLAR) continue;
      // In double quotes an odd run of backslashes makes `\$` a literal `$`.
      if (doubleQuoted && backslashesBefore(text, i, start) % 2 === 1) continue;
      const m = matchDollar(text, i, bound, (braces ??= new BraceIndex(text, start, end)));
      if (m.kind === 'none') continue;
      if (m.kind === 'invalid') {
        // One report per value: compose stops at the first, and more would cost a line's scan each.
        if (invalidReported) {
          i = m.end - 1;
          continue;
        }
        invalidReported = true;
        this.problem('invalidInterpolation', { start: i, end: Math.min(this.lineEnd(i), bound) }, i,
          `${REFUSES} \`\${\` must be followed by a name and \`}\` (or an operator :-, -, :+, +, :?, ? and a closing \`}\`). Write \`$$\` for a literal \`$\`.`);
        i = m.end - 1;
        continue;
      }
      if (m.kind === 'escaped') {
        i = m.end - 1;
        continue;
      }
      out ??= [];
      const ref: Reference = {
        name: text.slice(m.nameStart, m.nameEnd),
        span: { start: i, end: m.end },
        nameSpan: { start: m.nameStart, end: m.nameEnd },
        braced: m.kind === 'braced',
        ...(m.operator ? { operator: m.operator, fallback: text.slice(m.fallbackStart, m.close), fallbackSpan: { start: m.fallbackStart, end: m.close } } : {}),
      };
      out.push(ref);
      if (m.operator) {
        bounds.push(bound);
        bound = m.close;
        i = m.fallbackStart - 1;
      } else {
        i = m.end - 1;
      }
    }
    return out ?? NONE;
  }

  private interpolate(value: string): string {
    return value.indexOf('$') === -1 ? value : substitute(value, (name) => this.vars.get(name));
  }

  /** Offset of the LSP line end (CR or LF) at or after p. */
  private lineEnd(p: number): number {
    const { text, n } = this;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === NEWLINE || c === CARRIAGE_RETURN) return p;
      p++;
    }
    return n;
  }

  /** Just after the line feed ending p's line (compose's lines end at LF only). */
  private nextLine(p: number): number {
    const lf = this.text.indexOf('\n', p);
    return lf === -1 ? this.n : lf + 1;
  }

  /** End of [start, end) once Go's unicode.IsSpace is trimmed from the right. */
  private trimEnd(start: number, end: number): number {
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private problem(kind: ProblemKind, span: Span, at: number, message: string, bareName = false): void {
    const problem: ParseProblem = { kind, span, message, line: this.doc.lineAt(at), ...(bareName ? { bareName } : {}) };
    this.doc.problems.push(problem);
  }
}

interface Head {
  exportStart: number;
  keyStart: number;
  keyEnd: number;
  sepAt: number;
  key: string;
}

const NONE: Reference[] = [];

function backslashesBefore(text: string, i: number, floor: number): number {
  let count = 0;
  while (i - 1 - count >= floor && text.charCodeAt(i - 1 - count) === BACKSLASH) count++;
  return count;
}

type Operator = NonNullable<Reference['operator']>;

interface DollarMatch {
  /** none: a literal `$`; escaped: `$$`; invalid: a `${` compose rejects. */
  kind: 'none' | 'escaped' | 'named' | 'braced' | 'invalid';
  /** Just after the match. */
  end: number;
  nameStart: number;
  nameEnd: number;
  operator?: Operator;
  fallbackStart: number;
  /** The closing `}` of a braced form with an operator. */
  close: number;
}

/**
 * What compose-go's interpolation pattern matches at the `$` at i (template.go:
 * `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))`, the
 * `.*` greedy within the line, then cut at the first balanced `}`).
 */
function matchDollar(s: string, i: number, end: number, braces: BraceIndex): DollarMatch {
  const none: DollarMatch = { kind: 'none', end: i + 1, nameStart: 0, nameEnd: 0, fallbackStart: 0, close: 0 };
  const c = i + 1 < end ? s.charCodeAt(i + 1) : -1;
  if (c === DOLLAR) return { ...none, kind: 'escaped', end: i + 2 };
  if (isNameStart(c)) {
    let j = i + 2;
    while (j < end && isNamePart(s.charCodeAt(j))) j++;
    return { ...none, kind: 'named', end: j, nameStart: i + 1, nameEnd: j };
  }
  if (c !== OPEN_BRACE) return none;
  const invalid: DollarMatch = { ...none, kind: 'invalid', end: i + 2 };
  const nameStart = i + 2;
  if (nameStart >= end || !isNameStart(s.charCodeAt(nameStart))) return invalid;
  let j = nameStart + 1;
  while (j < end && isNamePart(s.charCodeAt(j))) j++;
  const nameEnd = j;
  const d = j < end ? s.charCodeAt(j) : -1;
  if (d === CLOSE_BRACE) return { ...none, kind: 'braced', end: j + 1, nameStart, nameEnd };
  let operatorLength = 0;
  const isOp = (x: number) => x === 45 /* - */ || x === 43 /* + */ || x === 63; /* ? */
  if (d === COLON && j + 1 < end && isOp(s.charCodeAt(j + 1))) operatorLength = 2;
  else if (isOp(d)) operatorLength = 1;
  if (operatorLength === 0) return invalid;
  const operator = s.slice(j, j + operatorLength) as Operator;
  // The pattern's `.*` reaches the last `}` of the line; compose then cuts at the first balanced one.
  const lastBrace = braces.lastCloseOnLine(j, end);
  if (lastBrace < j + operatorLength) return invalid;
  let close = braces.closeOf(i + 1);
  if (close === -1 || close > lastBrace) close = lastBrace;
  return { kind: 'braced', end: close + 1, nameStart, nameEnd, operator, fallbackStart: j + operatorLength, close };
}

/**
 * Brace facts of s[from, to), computed once in one pass (a scan per `$` would cost the
 * square of a line of `${X:-`):
 * - closeOf(k): the `}` that template.go's getFirstBraceClosingIndex finds for the `{`
 *   at k (depth counted, the character after each `{` skipped). Every such scan visits
 *   the same characters once past its start (a skip only follows a visited `{`, and a
 *   scan starts at `$`), so one pass with a stack of open braces answers all of them;
 * - lastCloseOnLine(j, end): the last `}` in [j, end) before the line's end.
 */
class BraceIndex {
  private closing: Int32Array | undefined;
  private lastClose: Int32Array | undefined;
  private nextNewline: Int32Array | undefined;

  constructor(
    private readonly s: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  closeOf(k: number): number {
    if (this.closing === undefined) {
      const { s, from, to } = this;
      const closing = new Int32Array(to - from).fill(-1);
      const open: number[] = [];
      for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c === CLOSE_BRACE && open.length > 0) closing[open.pop()! - from] = i;
        else if (c === OPEN_BRACE) {
          open.push(i);
          i++;
        }
      }
      this.closing = closing;
    }
    return k < this.from || k >= this.to ? -1 : this.closing[k - this.from];
  }

  lastCloseOnLine(j: number, end: number): number {
    if (this.lastClose === undefined || this.nextNewline === undefined) {
      const { s, from, to } = this;
      const lastClose = new Int32Array(to - from);
      const nextNewline = new Int32Array(to - from);
      let last = -1;
      for (let i = from; i < to; i++) {
        if (s.charCodeAt(i) === CLOSE_BRACE) last = i;
        lastClose[i - from] = last;
      }
      let next = to;
      for (let i = to - 1; i >= from; i--) {
        if (s.charCodeAt(i) === NEWLINE) next = i;
        nextNewline[i - from] = next;
      }
      this.lastClose = lastClose;
      this.nextNewline = nextNewline;
    }
    if (j < this.from || j >= this.to) return -1;
    const stop = Math.min(this.nextNewline[j - this.from], end, this.to);
    if (stop <= j) return -1;
    const last = this.lastClose[stop - 1 - this.from];
    return last >= j ? last : -1;
  }
}

/** compose's interpolation of a value; an unset `:?`/`?` (where compose stops with an error) reads as empty. */
export function substitute(s: string, lookup: (name: string) => string | undefined, depth = 0): string {
  let out = '';
  let last = 0;
  let braces: BraceIndex | undefined;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== DOLLAR) continue;
    const m = matchDollar(s, i, s.length, (braces ??= new BraceIndex(s, 0, s.length)));
    if (m.kind === 'none') continue;
    out += s.slice(last, i);
    last = m.end;
    if (m.kind === 'escaped') out += '$';
    else if (m.kind === 'invalid') out += s.slice(i, m.end);
    else out += replacement(s, m, lookup, depth);
    i = m.end - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Defaults nested deeper than this are taken as written: bounded work and stack on hostile input. */
const MAX_NESTED_DEFAULTS = 32;

function replacement(s: string, m: DollarMatch, lookup: (name: string) => string | undefined, depth: number): string {
  const value = lookup(s.slice(m.nameStart, m.nameEnd));
  if (!m.operator) return value ?? '';
  const fallback = s.slice(m.fallbackStart, m.close);
  const other = () => (depth >= MAX_NESTED_DEFAULTS ? fallback : substitute(fallback, lookup, depth + 1));
  switch (m.operator) {
    case ':-':
      return value === undefined || value === '' ? other() : value;
    case '-':
      return value === undefined ? other() : value;
    case ':+':
      return value !== undefined && value !== '' ? other() : (value ?? '');
    case '+':
      return value !== undefined ? other() : '';
    default:
      // `:?` and `?`: compose stops with the error message when unset (or empty for `:?`).
      return value ?? '';
  }
}

/** The text between the quotes with compose's quote escapes applied: `\` + the quote is the quote; other `\x` stay. */
function unescapeQuoted(text: string, from: number, to: number, q: number): string {
  if (text.indexOf('\\', from) === -1 || text.indexOf('\\', from) >= to) return text.slice(from, to);
  let out = '';
  let escaped = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== q) {
      if (!escaped && c === BACKSLASH) {
        escaped = true;
        continue;
      }
      if (escaped) out += '\\';
      escaped = false;
      out += text[i];
      continue;
    }
    escaped = false;
    out += text[i];
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

/** dotenv/parser.go's expandEscapes: shell escapes in double quotes; `\$` stays for interpolation as `$$`. */
function expandEscapes(value: string): string {
  if (value.indexOf('\\') === -1) return value;
  return value.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (match) => {
    const c = match[1];
    if (c === '$') return '$$';
    if (c === '0') {
      // Go's octal escape: exactly three octal digits, at most 255; anything else stays as written.
      const digits = match.slice(2);
      if (/^[0-7]{3}$/.test(digits)) {
        const code = parseInt(digits, 8);
        if (code <= 255) return String.fromCharCode(code);
      }
      return match;
    }
    return SIMPLE_ESCAPES[c] ?? match; // `\c` is matched but no Go escape: kept
  });
}
