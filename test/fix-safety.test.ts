/**
 * Which fixes are safe (fix-all may apply them), decided where each rule builds its fix:
 * a fix is safe only when dotenv reads the same keys and values afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dotenv from 'dotenv';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate, type DiagnosticData } from '../server/src/service/validate';
import { fixAll } from '../server/src/service/fixAll';
import { correctedValue } from '../server/src/service/rules/schema/invalidValue';
import { CODES_BY_CODE } from '../server/src/service/rules/registry';

const STYLE = { styleRules: true };

/** Whether the first fix of the `code` diagnostic is marked safe. */
function safeFix(text: string, code: string): boolean | undefined {
  const d = validate({ doc: parseEnv(text), settings: STYLE }).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(text)}`);
  return (d.data as DiagnosticData).fixes[0]?.safe;
}

test('renames, added keys and changed values are never fix-all', () => {
  for (const code of ['lowercaseKey', 'incorrectDelimiter', 'keyWithoutValue', 'substitutionKey', 'legacyName', 'aliasConflict', 'quoteCharacter']) {
    assert.equal(CODES_BY_CODE.get(code)!.fixAll, false, code);
  }
});

test('quoteCharacter: only a matched pair of quotes is safe to remove (a stray quote is part of the value)', () => {
  assert.equal(safeFix('A="abc"\n', 'quoteCharacter'), true);
  assert.equal(safeFix('A=a"\n', 'quoteCharacter'), false);
  assert.equal(safeFix('A="abc\n', 'quoteCharacter'), false);
});

test('leadingCharacter: removing blanks is safe, removing `*` or `.` (a new or renamed key) is not', () => {
  assert.equal(safeFix(' AB=1\n', 'leadingCharacter'), true);
  assert.equal(safeFix('*AB=1\n', 'leadingCharacter'), false);
  assert.equal(safeFix('.F=1\n', 'leadingCharacter'), false);
});

test('endingBlankLine: `KEY:` at the very end is nothing to dotenv, `KEY:` + line break is KEY=""', () => {
  assert.deepEqual(dotenv.parse('A=1\nKEY:'), { A: '1' });
  assert.equal(safeFix('A=1\nKEY:', 'endingBlankLine'), false);
  assert.equal(safeFix('A=1', 'endingBlankLine'), true);
});

test('duplicateKey: removing the dead line is unsafe when its neighbour would read the next line', () => {
  // Without the B=1 line, `X=` is followed by `"q"` and dotenv reads X=q.
  const text = 'X=\nB=1\n"q"\nB=2\n';
  assert.notDeepEqual(dotenv.parse('X=\n"q"\nB=2\n'), dotenv.parse(text));
  assert.equal(safeFix(text, 'duplicateKey'), false);
  assert.equal(safeFix('B=1\nB=2\n', 'duplicateKey'), true);
});

test('unorderedKey: a group with a line dotenv ignores is not sorted by fix-all', () => {
  assert.equal(safeFix('B=1\nA=2\n', 'unorderedKey'), true);
  assert.equal(safeFix('B=1\nA\n', 'unorderedKey'), false);
});

test('invalidValue: corrections chain until the value passes, and are safe only then', () => {
  const spec = { name: 'FLUX_API_BASE', description: 'd', type: 'url' as const, constraints: { suffix: '/api', noTrailingSlash: true } };
  assert.deepEqual(correctedValue(spec, 'https://x/'), { value: 'https://x/api', valid: true });
  const withPattern = { name: 'U', description: 'd', type: 'url' as const, constraints: { noTrailingSlash: true, pattern: '^https://' } };
  assert.deepEqual(correctedValue(withPattern, 'http://x/'), { value: 'http://x', valid: false });
  assert.equal(correctedValue(spec, 'https://x/api'), undefined);
});

test('fix-all keeps the values of a style-heavy file exactly', () => {
  const text = ' B = 2 \nA=hello world\n\n\nC="c"\nC=3\n';
  const fixed = fixAll(text, STYLE).text;
  assert.equal(fixed, 'A="hello world"\nB=2\n\nC=3\n');
  assert.deepEqual(dotenv.parse(fixed), dotenv.parse(text));
});
