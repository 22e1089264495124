import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, diagnose } from './support/testSchema';

test('syntaxError: what dotenv ignores or misreads', () => {
  const text = 'GOOD=1\nno separator here\nBAD KEY=1\nQ="unterminated\nT="x" trailing\n';
  assert.deepEqual(codes(diagnose(text), 'syntaxError'), [[1, 'syntaxError'], [2, 'syntaxError'], [3, 'syntaxError'], [4, 'syntaxError']]);
});

test('duplicateKey: every earlier occurrence, saying dotenv keeps the last', () => {
  const found = diagnose('A=1\nB=2\nA=3\nA=4\n').filter((d) => d.code === 'duplicateKey');
  assert.deepEqual(found.map((d) => d.range.start.line), [0, 2]);
  assert.match(String(found[0].message), /set again on line 4; dotenv keeps the last value/);
});

test('undefinedReference: ${NAME} nothing defines, unless it has a default', () => {
  const text = 'A=1\nB=${A}\nC=${MISSING}\nD=${MISSING:-x}\nE=$ALSO_MISSING\nF=\\$ESCAPED\n';
  assert.deepEqual(codes(diagnose(text), 'undefinedReference'), [[2, 'undefinedReference'], [4, 'undefinedReference']]);
});

test('suppression comments: next line, ranges, all codes', () => {
  const text = [
    '# envls-disable-next-line duplicateKey',
    'A=1',
    'A=2',
    '# envls-disable undefinedReference',
    'B=${X}',
    '# envls-enable undefinedReference',
    'C=${Y}',
    '# envls-disable-next-line',
    'D=${Z}',
  ].join('\n');
  assert.deepEqual(codes(diagnose(text)), [[6, 'undefinedReference']]);
});

test('severities: envls.lint.<code> overrides, off removes', () => {
  const text = 'A=1\nA=2\n';
  assert.equal(diagnose(text, [], { severities: { duplicateKey: 'error' } })[0].severity, 1);
  assert.deepEqual(diagnose(text, [], { severities: { duplicateKey: 'off' } }), []);
});

test('every diagnostic has source envls and a code', () => {
  for (const d of diagnose('A=1\nA=2\nbad line\nC=${Q}\n')) {
    assert.equal(d.source, 'envls');
    assert.equal(typeof d.code, 'string');
  }
});

test('syntaxError: a name and its `=` or value split over lines, which dotenv silently joins', () => {
  assert.deepEqual(codes(diagnose('KEY\n=value\n'), 'syntaxError'), [[0, 'syntaxError']]);
  assert.deepEqual(codes(diagnose('KEY:\nvalue\n'), 'syntaxError'), [[0, 'syntaxError']]);
  assert.deepEqual(codes(diagnose('KEY=\n"quoted"\n'), 'syntaxError'), [[0, 'syntaxError']]);
  assert.deepEqual(codes(diagnose('KEY: value\nEMPTY:\n\nB=1\n'), 'syntaxError'), []);
});
