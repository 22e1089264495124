/**
 * The lossless model of a .env file. All ranges are UTF-16 offsets into the
 * original text (CRLF kept), half-open: [start, end).
 */

export interface Span {
  start: number;
  end: number;
}

export type QuoteChar = '"' | "'" | '`';

/** A `${NAME}`, `${NAME:-default}`, `$NAME` … inside a value (dotenv-expand syntax). */
export interface Reference {
  /** The variable referred to. */
  name: string;
  /** Whole reference, `$` included. */
  span: Span;
  nameSpan: Span;
  /** `:-`, `-`, `:+`, `+` when the braced form has one. */
  operator?: ':-' | '-' | ':+' | '+';
  /** The text after the operator, raw. */
  fallback?: string;
  fallbackSpan?: Span;
  braced: boolean;
}

export interface Entry {
  kind: 'entry';
  key: string;
  /** The value exactly as `dotenv.parse` returns it. */
  value: string;
  keySpan: Span;
  /** `export` keyword when present. */
  exportSpan?: Span;
  separator: '=' | ':';
  separatorSpan: Span;
  /**
   * The value as written: quotes included for a quoted value; for an unquoted
   * value the text up to an inline comment, trailing blanks excluded. Empty span
   * (start === end) when there is no value.
   */
  rawSpan: Span;
  quote?: QuoteChar;
  /** Inline comment after the value, `#` included. */
  commentSpan?: Span;
  /** From the first character of `export`/key to the end of value or comment. */
  span: Span;
  /** References in the value; empty for single-quoted values (never expanded). */
  references: Reference[];
  /** 0-based line of the key. */
  line: number;
}

export interface Comment {
  kind: 'comment';
  /** From `#` to the end of the line. */
  span: Span;
  /** The comment text after `#`, untrimmed. */
  text: string;
  line: number;
}

export type ProblemKind =
  | 'noSeparator'
  | 'invalidKey'
  | 'unterminatedQuote'
  | 'textAfterQuote'
  | 'valueOnNextLine';

/** Something dotenv passes over silently. */
export interface ParseProblem {
  kind: ProblemKind;
  span: Span;
  message: string;
  line: number;
}

export interface EnvDocument {
  text: string;
  entries: Entry[];
  comments: Comment[];
  problems: ParseProblem[];
  /** Offsets at which each line starts (LSP line breaks: \r\n, \r, \n). */
  lineStarts: number[];
}
