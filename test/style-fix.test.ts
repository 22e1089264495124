/**
 * fixAll against dotenv-linter's fix goldens (../shared/conformance/dotenv-linter/fix-fixtures).
 * blank and correct must come out byte for byte as dotenv-linter's `fix` writes
 * them. complicated differs on purpose: dotenv-linter's fix changes what dotenv
 * reads (it renames keys, comments out the LATER occurrences of a repeated key,
 * sets keys dotenv skipped), and envls's fix-all never does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { chooseFixes, fixAll } from '../server/src/service/fixAll';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate } from '../server/src/service/validate';
import { sharedDir } from './support/dotenvCompare';

const dir = join(sharedDir, 'conformance', 'dotenv-linter', 'fix-fixtures');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const STYLE = { styleRules: true };

for (const name of ['blank', 'correct']) {
  test(`fixAll(${name}.env) is dotenv-linter's golden, byte for byte`, () => {
    assert.equal(fixAll(read(`${name}.env`), STYLE).text, read(`${name}.env.golden`));
  });
}

test('correct.env: the only change is the extra blank line at the end', () => {
  const input = read('correct.env');
  const result = fixAll(input, STYLE);
  assert.equal(result.applied, 1);
  assert.equal(result.text, input.replace(/\n\n$/, '\n'));
});

test("fixAll(complicated.env) keeps what dotenv reads, where dotenv-linter's own fix does not", () => {
  const input = read('complicated.env');
  const golden = read('complicated.env.golden');
  // dotenv-linter renames keys (`ab_ENV_19`, `ENV 17`, `.F`), removes later duplicates, and sets keys dotenv skipped.
  assert.notDeepEqual(dotenv.parse(golden), dotenv.parse(input));
  const result = fixAll(input, STYLE).text;
  assert.deepEqual(dotenv.parse(result), dotenv.parse(input));
  for (const kept of ['ab_ENV_19=alpha12', 'ENV 17=beta', '.F=777', 'key=VALUE', '*AB_ENV_18=beta', 'SOME_ENV_WITHOUT_EQ']) {
    assert.ok(result.split('\n').includes(kept), `${kept} is left as it is`);
  }
  // What dotenv-linter fixes without changing meaning, envls fixes too: blanks around `=` and at the line's ends.
  assert.match(result, /^A_ENV_11=B$/m);
  assert.match(result, /^AB_ENV_16=777$/m);
  assert.doesNotMatch(result, /\n\n\n/);
});

for (const name of ['complicated.env', 'correct.env', 'blank.env', 'bench-simple.env', 'bench-compare.env', 'bench-simple_fix.env']) {
  test(`fixAll(${name}) reaches a fixed point: no safe fix is left and a second run changes nothing`, () => {
    const once = fixAll(read(name), STYLE);
    const twice = fixAll(once.text, STYLE);
    assert.equal(twice.applied, 0);
    assert.equal(twice.text, once.text);
    const doc = parseEnv(once.text);
    assert.deepEqual(chooseFixes(doc, validate({ doc, settings: STYLE })), [], 'nothing is left for fix-all');
  });
}

test('fixAll: the sort of a group takes the line fixes inside it along, in one application', () => {
  // The spaces around `=` go inside the moved line; the renames (`b-x`, lower case) are not fix-all.
  const result = fixAll('b-x = 1\na=2 \n', STYLE);
  assert.equal(result.text, 'a=2\nb-x=1\n');
  assert.equal(fixAll(result.text, STYLE).applied, 0);
});

test('fixAll: a removed duplicate takes its own line fixes and a lone blank line along', () => {
  assert.equal(fixAll('X=0\n\nA = 1 \n\nB=2\n\nA=3\n', STYLE).text, 'X=0\n\nB=2\n\nA=3\n');
});

test('fixAll keeps CRLF line breaks', () => {
  assert.equal(fixAll('B=1\r\nA=2', STYLE).text, 'A=2\r\nB=1\r\n');
});

test('fixAll without styleRules applies only the core fixes', () => {
  assert.deepEqual(fixAll('b=1\nb=2 \n', {}), { text: 'b=2 \n', applied: 1 });
});

test('fixAll honours per-code severities: a rule turned off is not fixed', () => {
  const result = fixAll('B=1\nA=2\n', { styleRules: true, severities: { unorderedKey: 'off' } });
  assert.deepEqual(result, { text: 'B=1\nA=2\n', applied: 0 });
});

test('fixAll on a text without findings returns it unchanged', () => {
  assert.deepEqual(fixAll('A=1\nB=2\n', STYLE), { text: 'A=1\nB=2\n', applied: 0 });
  assert.deepEqual(fixAll('', STYLE), { text: '', applied: 0 });
});
