/**
 * Issue 8, defects 4 and 11 (references): scanning a value for references is
 * linear in its length, and deep nesting never overflows the stack. Work is
 * measured by counting character reads (a String object whose charCodeAt
 * counts), never by time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findReferences } from '../server/src/service/parser/references';

/** The text as a String object that counts charCodeAt calls: findReferences reads characters only through it. */
function counting(text: string): { text: string; reads: () => number } {
  let reads = 0;
  const boxed = new String(text) as unknown as { charCodeAt(i: number): number };
  boxed.charCodeAt = (i: number) => {
    reads++;
    return text.charCodeAt(i);
  };
  return { text: boxed as unknown as string, reads: () => reads };
}

test('unclosed ${ repeated on one line is scanned in linear time', () => {
  for (const unit of ['${', '${A:-', '${{', '$${']) {
    const value = unit.repeat(4000);
    const { text, reads } = counting(value);
    assert.deepEqual(findReferences(text, 0, value.length), []);
    assert.ok(reads() <= 8 * value.length, `${unit}: ${reads()} reads for ${value.length} characters`);
  }
});

test('nested defaults are scanned in linear time and found in order', () => {
  const depth = 3000;
  const value = `${'${B:-'.repeat(depth)}x${'}'.repeat(depth)}`;
  const { text, reads } = counting(value);
  const refs = findReferences(text, 0, value.length);
  assert.equal(refs.length, depth);
  assert.deepEqual(refs[0].span, { start: 0, end: value.length });
  assert.deepEqual(refs[depth - 1].span, { start: 5 * (depth - 1), end: 5 * depth + 2 });
  assert.equal(refs[depth - 1].fallback, 'x');
  assert.ok(reads() <= 8 * value.length, `${reads()} reads for ${value.length} characters`);
});

test('100,000 nested ${B:-…} give every reference, no RangeError', () => {
  const depth = 100_000;
  const value = `${'${B:-'.repeat(depth)}x${'}'.repeat(depth)}`;
  const refs = findReferences(value, 0, value.length);
  assert.equal(refs.length, depth);
  assert.ok(refs.every((r) => r.name === 'B' && r.operator === ':-'));
});

test('the scan is unchanged on mixed cases (same references as the definition)', () => {
  const cases: [string, [string, string | undefined][]][] = [
    ['${A:-${B}}$C', [['A', '${B}'], ['B', undefined], ['C', undefined]]],
    ['${A${B}}', [['A${B}', undefined]]],
    ['\\${A} ${B-${C:+$D}} ${', [['B', '${C:+$D}'], ['C', '$D'], ['D', undefined]]],
    ['${A:-{}${B}', [['B', undefined]]],
    ['${A:-${B:-x}', [['B', 'x']]],
    ['${}${A:-}', [['A', '']]],
  ];
  for (const [value, expected] of cases) {
    assert.deepEqual(findReferences(value, 0, value.length).map((r) => [r.name, r.fallback]), expected, value);
  }
  // Bounded by the value's span inside a larger text.
  const text = 'X=${A:-${B}} tail }';
  assert.deepEqual(findReferences(text, 2, 7).map((r) => r.name), []);
  assert.deepEqual(findReferences(text, 2, 12).map((r) => r.name), ['A', 'B']);
});
