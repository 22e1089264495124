/**
 * References inside a value, in dotenv-expand's syntax:
 * `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}` and
 * `$NAME`; a `$` preceded by a backslash is escaped. Defaults may hold references
 * themselves (`${A:-${B}}`): those are returned too.
 */
import type { Reference, Span } from './model';

type Operator = NonNullable<Reference['operator']>;
/** Shared by every value without references; never mutated. */
const NONE: Reference[] = [];

/**
 * Linear in end - start, and iterative: braces are matched once for the whole
 * span, and a default is scanned in the same pass as the value holding it (a
 * stack of the ends of the defaults being scanned), so that neither a line of
 * unclosed `${` nor thousands of nested defaults cost more than one read of each
 * character, or any stack depth.
 */
export function findReferences(text: string, start: number, end: number): Reference[] {
  let out: Reference[] | undefined;
  let closing: Int32Array | undefined;
  /** Ends of the defaults being scanned, innermost last; `end` is the bound in force. */
  const ends: number[] = [];
  let bound = end;
  // A bounded scan: indexOf would run on to the end of the file for every value without `$`.
  for (let i = start; i < bound || ends.length > 0; i++) {
    if (i >= bound) {
      // The default just scanned ends at its reference's `}`: go on after it, within the enclosing bound.
      i = bound;
      bound = ends.pop()!;
      continue;
    }
    if (text.charCodeAt(i) !== 36 /* $ */) continue;
    out ??= [];
    if (i > 0 && text.charCodeAt(i - 1) === 92 /* \ */) continue;
    if (i + 1 < bound && text.charCodeAt(i + 1) === 123 /* { */) {
      closing ??= matchBraces(text, start, end);
      const close = closing[i + 1 - start];
      if (close === -1) continue;
      const innerStart = i + 2;
      if (close === innerStart) {
        i = close;
        continue;
      }
      const opAt = findOperator(text, innerStart, close);
      const nameEnd = opAt === -1 ? close : opAt;
      const name = text.slice(innerStart, nameEnd);
      const span: Span = { start: i, end: close + 1 };
      const nameSpan: Span = { start: innerStart, end: nameEnd };
      if (opAt === -1) {
        out.push({ name, span, nameSpan, braced: true });
        i = close;
        continue;
      }
      const operator = operatorAt(text, opAt);
      const fallbackSpan: Span = { start: opAt + operator.length, end: close };
      const fallback = text.slice(fallbackSpan.start, fallbackSpan.end);
      out.push({ name, span, nameSpan, operator, fallback, fallbackSpan, braced: true });
      // The default's own references come next, found within [fallbackSpan.start, close).
      ends.push(bound);
      bound = close;
      i = fallbackSpan.start - 1;
      continue;
    }
    let j = i + 1;
    if (j < bound && isNameStart(text.charCodeAt(j))) {
      j++;
      while (j < bound && isNamePart(text.charCodeAt(j))) j++;
      out.push({ name: text.slice(i + 1, j), span: { start: i, end: j }, nameSpan: { start: i + 1, end: j }, braced: false });
      i = j - 1;
    }
  }
  return out ?? NONE;
}

/**
 * For each offset in [start, end) holding `{`, the offset of its matching `}`
 * (depth counted from that brace, as a scan from it would), or -1 when it is
 * not closed before end. One pass with a stack.
 */
function matchBraces(text: string, start: number, end: number): Int32Array {
  const closing = new Int32Array(end - start).fill(-1);
  const open: number[] = [];
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 123) open.push(k);
    else if (c === 125 && open.length > 0) closing[open.pop()! - start] = k;
  }
  return closing;
}

/**
 * Offset of the leftmost operator in [from, to), trying `:+`, `+`, `:-`, `-` at
 * each position (dotenv-expand's order; at one position at most one can match,
 * as each starts with a different character or pair), or -1.
 */
function findOperator(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 43 /* + */ || c === 45 /* - */) return k;
    if (c === 58 /* : */ && k + 1 < to) {
      const d = text.charCodeAt(k + 1);
      if (d === 43 || d === 45) return k;
    }
  }
  return -1;
}

/** The operator findOperator found at k. */
function operatorAt(text: string, k: number): Operator {
  const c = text.charCodeAt(k);
  if (c === 43) return '+';
  if (c === 45) return '-';
  return text.charCodeAt(k + 1) === 43 ? ':+' : ':-';
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
