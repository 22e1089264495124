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

export function findReferences(text: string, start: number, end: number): Reference[] {
  let out: Reference[] | undefined;
  // A bounded scan: indexOf would run on to the end of the file for every value without `$`.
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 36 /* $ */) continue;
    out ??= [];
    i = scanAt(text, i, end, out) - 1;
  }
  return out ?? NONE;
}

/** Scans one reference at `$` position i; returns where to continue. */
function scanAt(text: string, i: number, end: number, out: Reference[]): number {
  if (i > 0 && text.charCodeAt(i - 1) === 92) return i + 1;
  const next = text.charCodeAt(i + 1);
  if (next === 123 /* { */ && i + 1 < end) {
    const close = matchingBrace(text, i + 1, end);
    if (close === -1) return i + 1;
    const innerStart = i + 2;
    if (close === innerStart) return close + 1;
    const opAt = findOperator(text, innerStart, close);
    const nameEnd = opAt === -1 ? close : opAt;
    const name = text.slice(innerStart, nameEnd);
    const span: Span = { start: i, end: close + 1 };
    const nameSpan: Span = { start: innerStart, end: nameEnd };
    if (opAt === -1) {
      out.push({ name, span, nameSpan, braced: true });
      return close + 1;
    }
    const operator = operatorAt(text, opAt);
    const fallbackSpan: Span = { start: opAt + operator.length, end: close };
    const fallback = text.slice(fallbackSpan.start, fallbackSpan.end);
    out.push({ name, span, nameSpan, operator, fallback, fallbackSpan, braced: true });
    for (const nested of findReferences(text, fallbackSpan.start, close)) out.push(nested);
    return close + 1;
  }
  let j = i + 1;
  if (j < end && isNameStart(text.charCodeAt(j))) {
    j++;
    while (j < end && isNamePart(text.charCodeAt(j))) j++;
    out.push({ name: text.slice(i + 1, j), span: { start: i, end: j }, nameSpan: { start: i + 1, end: j }, braced: false });
    return j;
  }
  return i + 1;
}

function matchingBrace(text: string, open: number, end: number): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return k;
  }
  return -1;
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
