/**
 * fixAll against dotenv-linter's fix goldens (../shared/conformance/dotenv-linter/fix-fixtures).
 * blank and correct must come out byte for byte as dotenv-linter's `fix` writes
 * them. complicated differs on purpose in one respect only, checked below:
 * dotenv-linter comments out the LATER occurrences of a repeated key ("# KEY=…")
 * while envls's duplicateKey removes the EARLIER ones, since dotenv keeps the
 * last value. Everything else (renames, spaces, quotes, blank lines, the
 * sorting of each group with its comments) must match line for line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll } from '../server/src/service/fixAll';
import { parseEnv } from '../server/src/service/parser/parse';
import { lineOfOffset } from '../server/src/service/parser/lines';
import { validate, type DiagnosticData } from '../server/src/service/validate';
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

/** The lines of `text` without those about `keys`: their entries and, with `commented`, "# KEY=…" lines. */
function linesWithout(text: string, keys: ReadonlySet<string>, commented: boolean): string[] {
  const doc = parseEnv(text);
  const drop = new Set<number>();
  for (const entry of doc.entries) {
    if (!keys.has(entry.key)) continue;
    const last = lineOfOffset(doc.lineStarts, entry.span.end - 1);
    for (let line = entry.line; line <= last; line++) drop.add(line);
  }
  return text.split('\n').filter((line, i) => {
    if (drop.has(i)) return false;
    const m = /^# ([^=\s]+)=/.exec(line);
    return !(commented && m && keys.has(m[1]));
  });
}

test('fixAll(complicated.env) matches the golden except for how repeated keys are removed', () => {
  const golden = read('complicated.env.golden');
  const result = fixAll(read('complicated.env'), STYLE).text;
  const goldenDoc = parseEnv(golden);
  const live = goldenDoc.entries.map((e) => e.key);
  // Keys dotenv-linter commented out, and keys it left twice (` VAR_1 = 1234` is `VAR_1 ` to it, `VAR_1` to dotenv).
  const repeated = new Set([
    ...[...golden.matchAll(/^# ([^=\s]+)=/gm)].map((m) => m[1]).filter((k) => live.includes(k)),
    ...live.filter((k, i) => live.indexOf(k) !== i),
  ]);
  assert.deepEqual([...repeated].sort(), ['AB_ENV_19', 'ANOTHER_ENV', 'A_ENV_12', 'ENV11', 'ENV12_', 'VAR_1', 'VAR_2', 'VAR_3', 'VAR_4']);
  assert.deepEqual(linesWithout(result, repeated, false), linesWithout(golden, repeated, true));
  // envls leaves each of them once, with the value dotenv would have used.
  const keys = parseEnv(result).entries.map((e) => e.key);
  for (const key of repeated) assert.equal(keys.filter((k) => k === key).length, 1, key);
  assert.equal(new Set(keys).size, keys.length, 'no key is left twice');
  assert.match(result, /^AB_ENV_19=alpha12$/m, 'the renamed ab_ENV_19 is the last AB_ENV_19, so it wins');
});

for (const name of ['complicated.env', 'correct.env', 'blank.env', 'bench-simple.env', 'bench-compare.env', 'bench-simple_fix.env']) {
  test(`fixAll(${name}) reaches a fixed point: no safe fix is left and a second run changes nothing`, () => {
    const once = fixAll(read(name), STYLE);
    const twice = fixAll(once.text, STYLE);
    assert.equal(twice.applied, 0);
    assert.equal(twice.text, once.text);
    for (const d of validate({ doc: parseEnv(once.text), settings: STYLE })) {
      const fixes = (d.data as DiagnosticData).fixes;
      assert.ok(!fixes.some((f) => f.safe), `left with a safe fix: line ${d.range.start.line + 1} ${d.code}`);
    }
  });
}

test('fixAll: fixes that overlap are applied over several rounds, and counted', () => {
  // Round 1: the delimiter, the spaces and `a` (upper-casing `b-x ` overlaps the first two);
  // round 2: upper-casing `b_x`; round 3: the sort of the group, which overlapped them all.
  const result = fixAll('b-x = 1\na=2\n', STYLE);
  assert.equal(result.text, 'A=2\nB_X=1\n');
  assert.equal(result.applied, 5);
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
