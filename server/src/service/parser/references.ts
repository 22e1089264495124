/**
 * References inside a value, in dotenv-expand's syntax:
 * `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}` and
 * `$NAME`; a `$` preceded by a backslash is escaped. Defaults may hold references
 * themselves (`${A:-${B}}`): those are returned too.
 */
import type { Reference, Span } from './model';

const OPERATORS = [':+', '+', ':-', '-'] as const;
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
    const inner = text.slice(innerStart, close);
    if (inner.length === 0) return close + 1;
    const op = findOperator(inner);
    const nameEnd = op ? innerStart + op.index : close;
    const name = text.slice(innerStart, nameEnd);
    const span: Span = { start: i, end: close + 1 };
    const nameSpan: Span = { start: innerStart, end: nameEnd };
    if (op) {
      const fallbackSpan: Span = { start: nameEnd + op.operator.length, end: close };
      const fallback = text.slice(fallbackSpan.start, fallbackSpan.end);
      out.push({ name, span, nameSpan, operator: op.operator, fallback, fallbackSpan, braced: true });
    } else {
      out.push({ name, span, nameSpan, braced: true });
    }
    if (op) {
      for (const nested of findReferences(text, nameEnd + op.operator.length, close)) out.push(nested);
    }
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

/** The leftmost operator, trying `:+`, `+`, `:-`, `-` at each position (dotenv-expand's order). */
function findOperator(inner: string): { index: number; operator: (typeof OPERATORS)[number] } | undefined {
  for (let k = 0; k < inner.length; k++) {
    for (const operator of OPERATORS) {
      if (inner.startsWith(operator, k)) return { index: k, operator };
    }
  }
  return undefined;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
