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
  /** `:-`, `-`, `:+`, `+` when the braced form has one. */
  readonly operator?: ':-' | '-' | ':+' | '+';
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
  | 'valueOnNextLine';

/** Something dotenv passes over silently. */
export interface ParseProblem {
  readonly kind: ProblemKind;
  readonly span: Span;
  readonly message: string;
  readonly line: number;
}

export interface EnvDocument {
  readonly text: string;
  readonly entries: Entry[];
  readonly comments: Comment[];
  readonly problems: ParseProblem[];
  /** Offsets at which each line starts (LSP line breaks: \r\n, \r, \n). */
  readonly lineStarts: number[];
}
