/**
 * expandEntries against dotenv-expand's own test suite (copied read-only into
 * ../shared/conformance/dotenv-expand): every case about the file's own values.
 * Cases about command substitution or decryption are skipped with the reason:
 * envls never runs commands nor decrypts (see server/src/service/expand.ts).
 * dotenv-expand itself is not called here: its `expand()` would run `$(…)`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from '../server/src/service/parser/parse';
import { expandEntries, expandWithStatus, resolveReference, type KeyValue } from '../server/src/service/expand';
import { sharedDir } from './support/dotenvCompare';

const base = join(sharedDir, 'conformance', 'dotenv-expand');
const read = (path: string) => readFileSync(join(base, path), 'utf8');

interface MainCase {
  test: string;
  input_parsed?: Record<string, string>;
  input_fixture?: string;
  preset_process_env?: Record<string, string>;
  dotenv_config_processEnv_isolated?: boolean;
  expected?: { parsed?: Record<string, string>; 'process.env'?: Record<string, string>; myObject?: Record<string, string> };
  note?: string;
}

const cases: MainCase[] = JSON.parse(read('expected/main.js.cases.json'));
const envTest = JSON.parse(read('expected/env.test.expected.json'));
const fixtureEntries = (path: string): KeyValue[] => parseEnv(read(path)).entries;

/**
 * dotenv-expand after dotenv.config: `processEnv` is the preset; unless isolated,
 * config first copies the file's raw values into it (without overriding the preset).
 * Returns the parsed result and processEnv afterwards (expand() writes every result into it).
 */
function run(entries: KeyValue[], preset: Record<string, string>, isolated: boolean) {
  const processEnv: Record<string, string> = { ...preset };
  if (!isolated) {
    for (const { key, value } of entries) if (!Object.prototype.hasOwnProperty.call(processEnv, key)) processEnv[key] = value;
  }
  const parsed = expandEntries(entries, processEnv);
  return { parsed, processEnvAfter: { ...processEnv, ...parsed } };
}

function assertSubset(actual: Record<string, string>, expected: Record<string, string>, label: string): void {
  for (const [key, value] of Object.entries(expected)) assert.equal(actual[key], value, `${label}: ${key}`);
}

/** Why a case cannot be checked here, or undefined when it can. */
function skipReason(c: MainCase): string | undefined {
  if (/command substitution/i.test(c.test)) return 'command substitution: envls never runs commands';
  if (/encrypt|decrypt/i.test(c.test)) return 'decryption of encrypted values: not reproduced by envls';
  if (!c.expected) return `no pinned expectation (${c.note ?? 'the upstream test asserts nothing comparable'}); covered by env.test.expected.json where it applies`;
  return undefined;
}

cases.forEach((c, i) => {
  const reason = skipReason(c);
  test(`main.js #${i}: ${c.test}`, { skip: reason }, () => {
    const entries = c.input_parsed
      ? Object.entries(c.input_parsed).map(([key, value]) => ({ key, value }))
      : fixtureEntries(c.input_fixture as string);
    const { parsed, processEnvAfter } = run(entries, c.preset_process_env ?? {}, c.dotenv_config_processEnv_isolated ?? true);
    const expected = c.expected!;
    assert.ok(expected.parsed || expected['process.env'], 'case has something to check');
    if (expected.parsed) assertSubset(parsed, expected.parsed, 'parsed');
    if (expected['process.env']) assertSubset(processEnvAfter, expected['process.env'], 'process.env');
    if (expected.myObject) assertSubset(processEnvAfter, expected.myObject, 'myObject');
  });
});

test('env.test.expected.json: isolated processEnv', () => {
  const { parsed } = run(fixtureEntries('fixtures/.env.test'), {}, true);
  assertSubset(parsed, envTest.expected_by_mode.isolated_processEnv, 'isolated');
});

test('env.test.expected.json: raw values loaded into processEnv first (forward references resolve)', () => {
  const { processEnvAfter } = run(fixtureEntries('fixtures/.env.test'), {}, false);
  assertSubset(processEnvAfter, envTest.expected_by_mode.loaded_into_process_env, 'loaded');
});

// The presets' modes are those of the upstream tests that set them (see main.js.cases.json).
const presets: [section: string, preset: Record<string, string>, isolated: boolean][] = [
  ['expected_with_preset_MACHINE=machine', { MACHINE: 'machine' }, true],
  ['expected_with_preset_PASSWORD=pas$word', { PASSWORD: 'pas$word' }, false],
  ['expected_with_preset_USE_IF_SET=""', { USE_IF_SET: '' }, false],
];
for (const [section, preset, isolated] of presets) {
  test(`env.test.expected.json: ${section}`, () => {
    assert.ok(envTest[section], `section ${section} exists`);
    const { processEnvAfter } = run(fixtureEntries('fixtures/.env.test'), preset, isolated);
    assertSubset(processEnvAfter, envTest[section], section);
  });
}

test('quirks kept from dotenv-expand: rescanning, first-occurrence replacement, $-patterns, null split', () => {
  const expand = (pairs: [string, string][], env: Record<string, string> = {}) =>
    expandEntries(pairs.map(([key, value]) => ({ key, value })), env);
  // An escaped value becomes `$X` once done, and is expanded again where it is referenced…
  assert.deepStrictEqual(expand([['E', '\\$B'], ['B', 'b'], ['R', 'x${E}']]), { E: '$B', B: 'b', R: 'xb' });
  // …unless the whole value then equals the referenced value: expansion stops there.
  assert.equal(expand([['E', '\\$B'], ['B', 'b'], ['R', '${E}']]).R, '$B');
  // The first occurrence of the reference's text is replaced, even the escaped one.
  assert.equal(expand([['A', 'a'], ['X', '\\${A}${A}']]).X, '\\aa');
  // The replacement is a replace() pattern: `$$` collapses, `$&` is the reference itself.
  assert.equal(expand([['B', '[${A}]']], { A: '<$$>' }).B, '[<$>]');
  assert.equal(expand([['B', '[${A}]']], { A: "<$'|$`>" }).B, '[<]|[>]');
  assert.equal(expand([['B', '[${A}]']], { A: '$0$1$<x>$' }).B, '[$0$1$<x>$]');
  // `$y` in a file value is a reference too: `x$$y` loses `$y`.
  assert.equal(expand([['A', 'x$$y'], ['B', '-${A}']]).B, '-x$');
  // Without an operator the expression is split on "null".
  assert.equal(expand([['A_', 'a'], ['B', '${A_null_x}']]).B, 'a');
  // Integer-like keys are processed first (object order), before the keys they might reference.
  assert.deepStrictEqual(expand([['B', 'b'], ['1', '$B']]), { 1: '', B: 'b' });
  // processEnv's non-empty value is kept, unexpanded but unescaped.
  assert.equal(expand([['A', 'file']], { A: 'p\\$${X}' }).A, 'p$${X}');
});

test('expansion that never ends in dotenv-expand stops here and is reported', () => {
  // dotenv-expand loops forever on both: `$A` keeps being replaced by `$A`, `$&` reinserts the reference.
  const looping = expandWithStatus([{ key: 'A', value: '\\$A' }, { key: 'B', value: 'x$A' }, { key: 'C', value: 'ok' }]);
  assert.deepStrictEqual(looping.values, { A: '$A', B: 'x$A', C: 'ok' });
  assert.deepStrictEqual(looping.unfinished, ['B']);
  assert.deepStrictEqual(expandWithStatus([{ key: 'B', value: '[${A}]' }], { A: '<$&>' }).unfinished, ['B']);
  // Doubling at every key: 2^40 characters in dotenv-expand.
  const chain: KeyValue[] = [{ key: 'A0', value: 'xxxxxxxx' }];
  for (let i = 1; i < 40; i++) chain.push({ key: `A${i}`, value: `$A${i - 1}$A${i - 1}` });
  const grown = expandWithStatus(chain);
  assert.ok(grown.values.A39.length <= 1 << 18, 'growth is capped');
  assert.ok(grown.unfinished.includes('A39') && !grown.unfinished.includes('A10'));
});

test('resolveReference: the value a reference expands to at that entry', () => {
  const { entries } = parseEnv('HOST=example.com\nURL=https://${HOST}/${PATH_PART}\nHOST=later.org\nESC=\\$HOST\nX=$ESC\n');
  const url = entries.findIndex((e) => e.key === 'URL');
  // HOST's first position but last value: dotenv keeps `later.org`, processed before URL.
  assert.deepStrictEqual(resolveReference('HOST', entries, url), { value: 'later.org', source: 'file' });
  assert.equal(resolveReference('PATH_PART', entries, url), undefined);
  assert.deepStrictEqual(resolveReference('PATH_PART', entries, url, { PATH_PART: 'v1' }), { value: 'v1', source: 'processEnv' });
  assert.deepStrictEqual(resolveReference('HOST', entries, url, { HOST: 'env.net' }), { value: 'env.net', source: 'processEnv' });
  // An earlier key's value is its expanded, unescaped one.
  assert.deepStrictEqual(resolveReference('ESC', entries, entries.length - 1), { value: '$HOST', source: 'file' });
  // The first HOST entry is overwritten by the second: its value is never expanded.
  assert.equal(resolveReference('HOST', entries, 0), undefined);
  assert.equal(expandEntries(entries).URL, 'https://later.org/');
});
