/**
 * The lossless model of a .env file. All ranges are UTF-16 offsets into the
 * original text (CRLF kept), half-open: [start, end).
 *
 * parseEnv implements these interfaces with compact classes (parse.ts): an entry
 * stores offsets only, and its spans, key, value, references and line are
 * computed on access (spans as fresh objects each time; the rest once). Every
 * property is read-only: nothing outside the parser changes a parsed document.
 */

export interface Span {
  start: number;
  end: number;
}

export type QuoteChar = '"' | "'" | '`';

/** A `${NAME}`, `${NAME:-default}`, `$NAME` … inside a value (dotenv-expand syntax). */
export interface Reference {
  /** The variable referred to. */
  readonly name: string;
  /** Whole reference, `$` included. */
  readonly span: Span;
  readonly nameSpan: Span;
  /** `:-`, `-`, `:+`, `+` when the braced form has one; compose also has `:?` and `?` (required). */
  readonly operator?: ':-' | '-' | ':+' | '+' | ':?' | '?';
  /** The text after the operator, raw. */
  readonly fallback?: string;
  readonly fallbackSpan?: Span;
  readonly braced: boolean;
}

export interface Entry {
  readonly kind: 'entry';
  readonly key: string;
  /** The value exactly as `dotenv.parse` returns it. */
  readonly value: string;
  readonly keySpan: Span;
  /** `export` keyword when present. */
  readonly exportSpan?: Span;
  readonly separator: '=' | ':';
  readonly separatorSpan: Span;
  /**
   * The value as written: quotes included for a quoted value; for an unquoted
   * value the text up to an inline comment, trailing blanks excluded. Empty span
   * (start === end) when there is no value.
   */
  readonly rawSpan: Span;
  readonly quote?: QuoteChar;
  /** Inline comment after the value, `#` included. */
  readonly commentSpan?: Span;
  /** From the first character of `export`/key to the end of value or comment. */
  readonly span: Span;
  /** References in the value (single-quoted values included), found on first access. */
  readonly references: Reference[];
  /** 0-based line of the key. */
  readonly line: number;
  /**
   * Compose dialect only: a bare `NAME` line, which passes the shell's value through
   * (unset when the shell has none). Its value is empty and its separator and raw
   * spans are empty, at the end of the key.
   */
  readonly passThrough?: boolean;
}

export interface Comment {
  readonly kind: 'comment';
  /** From `#` to the end of the line. */
  readonly span: Span;
  /** The comment text after `#`, untrimmed. */
  readonly text: string;
  readonly line: number;
}

export type ProblemKind =
  | 'noSeparator'
  | 'invalidKey'
  | 'unterminatedQuote'
  | 'textAfterQuote'
  | 'valueOnNextLine'
  /** Compose dialect: a `$` form compose's interpolation rejects (`${`, `${NAME BAD}`). */
  | 'invalidInterpolation';

/** Something dotenv passes over silently (or, in the compose dialect, that compose reads unexpectedly or refuses). */
export interface ParseProblem {
  readonly kind: ProblemKind;
  readonly span: Span;
  readonly message: string;
  readonly line: number;
  /** A `noSeparator` line holding a name alone: dotenv skips it, docker compose passes the shell's value through. */
  readonly bareName?: boolean;
}

/** Which program's reading a document follows: the dotenv package's (the default) or docker compose's. */
export type Dialect = 'dotenv' | 'compose';

export interface EnvDocument {
  readonly text: string;
  /** Absent for dotenv (parseEnv); `compose` for parseComposeEnv. */
  readonly dialect?: Dialect;
  readonly entries: Entry[];
  readonly comments: Comment[];
  readonly problems: ParseProblem[];
  /** Offsets at which each line starts (LSP line breaks: \r\n, \r, \n). */
  readonly lineStarts: number[];
}
