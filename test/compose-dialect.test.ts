/**
 * The compose dialect: parseComposeEnv against the Compose specification's own
 * examples and compose-go's tests (as data, with their source), the dialect choice,
 * and analysis in each dialect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComposeEnv } from '../server/src/service/parser/compose';
import { parseEnv } from '../server/src/service/parser/parse';
import { chooseDialect, readDialectSetting } from '../server/src/service/dialect';
import { analyze } from '../server/src/service/analyze';
import { getHover } from '../server/src/service/hover';
import { readSettings } from '../server/src/protocol/settings';
import type { EnvDocument } from '../server/src/service/parser/model';

/** What compose reads with no shell variables: each key's value, pass-through names left unset. */
function read(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of parseComposeEnv(text).entries) if (!entry.passThrough) out[entry.key] = entry.value;
  return out;
}

function refusals(doc: EnvDocument): string[] {
  return doc.problems.filter((p) => p.message.startsWith('docker compose refuses')).map((p) => p.kind);
}

const noBind = () => ({ available: new Map() });

// compose-spec/compose-spec 05-services.md, "Env_file format" (commit 170098ba): each `line -> value` example.
const SPEC_EXAMPLES: [string, string][] = [
  ['VAR=VAL', 'VAL'],
  ['VAR="VAL"', 'VAL'],
  ["VAR='VAL'", 'VAL'],
  ['VAR=VAL # comment', 'VAL'],
  ['VAR=VAL# not a comment', 'VAL# not a comment'],
  ['VAR="VAL # not a comment"', 'VAL # not a comment'],
  ['VAR="VAL" # comment', 'VAL'],
  ["VAR='$OTHER'", '$OTHER'],
  ["VAR='${OTHER}'", '${OTHER}'],
  ["VAR='Let\\'s go!'", "Let's go!"],
  ['VAR="{\\"hello\\": \\"json\\"}"', '{"hello": "json"}'],
  // The spec shows the tab as spaces; the value holds a tab character.
  ['VAR="some\\tvalue"', 'some\tvalue'],
  ["VAR='some\\tvalue'", 'some\\tvalue'],
  ['VAR=some\\tvalue', 'some\\tvalue'],
];

test('the Compose specification\'s env_file examples read as the specification says', () => {
  for (const [line, value] of SPEC_EXAMPLES) {
    const doc = parseComposeEnv(line);
    assert.deepEqual(doc.problems, [], line);
    assert.deepEqual(read(line), { VAR: value }, line);
  }
  // "`VAL` may be omitted, in such cases the variable value is an empty string. `=VAL` may be omitted, in such cases the variable is unset."
  assert.deepEqual(read('VAR=\n'), { VAR: '' });
  const bare = parseComposeEnv('VAR\n');
  assert.equal(bare.entries.length, 1);
  assert.equal(bare.entries[0].passThrough, true);
  assert.deepEqual(read('VAR\n'), {});
  // The spec's sample file.
  assert.deepEqual(read('# Set Rails/Rack environment\nRACK_ENV=development\nVAR="quoted"\n'), { RACK_ENV: 'development', VAR: 'quoted' });
});

// compose-spec/compose-go dotenv/godotenv_test.go (commit e70e961c): every parseAndCompare(line, key, value).
const COMPOSE_GO_CASES: [string, string, string][] = [
  ['FOO=bar', 'FOO', 'bar'],
  ['FOO =bar', 'FOO', 'bar'],
  ['FOO= bar', 'FOO', 'bar'],
  ['FOO="bar"', 'FOO', 'bar'],
  ["FOO='bar'", 'FOO', 'bar'],
  ['FOO="escaped\\"bar"', 'FOO', 'escaped"bar'],
  ['FOO="\\"quoted\\""', 'FOO', '"quoted"'],
  ['FOO="\'d\'"', 'FOO', "'d'"],
  ['OPTION_A: 1', 'OPTION_A', '1'],
  ['OPTION_A: Foo=bar', 'OPTION_A', 'Foo=bar'],
  ['OPTION_A=1:B', 'OPTION_A', '1:B'],
  ['export OPTION_A=2', 'OPTION_A', '2'],
  ["export OPTION_B='\\n'", 'OPTION_B', '\\n'],
  ['export exportFoo=2', 'exportFoo', '2'],
  ['exportFOO=2', 'exportFOO', '2'],
  ['export_FOO =2', 'export_FOO', '2'],
  ['export.FOO= 2', 'export.FOO', '2'],
  ['export\tOPTION_A=2', 'OPTION_A', '2'],
  ['  export OPTION_A=2', 'OPTION_A', '2'],
  ['\texport OPTION_A=2', 'OPTION_A', '2'],
  ['export OPTION_A="export A"', 'OPTION_A', 'export A'],
  ['FOO="bar\\nbaz"', 'FOO', 'bar\nbaz'],
  ['FOO=a\\tb', 'FOO', 'a\\tb'],
  ['FOO="a\\tb"', 'FOO', 'a\tb'],
  ['KEY="Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z"', 'KEY', 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ'],
  ['FOO.BAR=foobar', 'FOO.BAR', 'foobar'],
  ['FOO=foobar=', 'FOO', 'foobar='],
  ['FOO=bar ', 'FOO', 'bar'],
  ['FOO=bar # this is foo', 'FOO', 'bar'],
  ['FOO=bar #this is foo', 'FOO', 'bar'],
  ['FOO=bar #', 'FOO', 'bar'],
  ['FOO=123#not-an-inline-comment', 'FOO', '123#not-an-inline-comment'],
  ['FOO="bar#baz"', 'FOO', 'bar#baz'],
  ['FOO="bar#baz"#', 'FOO', 'bar#baz'],
  ['FOO="bar#baz" # comment', 'FOO', 'bar#baz'],
  ["FOO='bar#baz' # comment", 'FOO', 'bar#baz'],
  ['FOO="bar#baz#bang" # comment', 'FOO', 'bar#baz#bang'],
  ['FOO="ba#r"', 'FOO', 'ba#r'],
  ["FOO='ba#r'", 'FOO', 'ba#r'],
  ['FOO="bar\\n\\ b\\az"', 'FOO', 'bar\n\\ b\x07z'],
  ['FOO="bar\\\\\\n\\ b\\az"', 'FOO', 'bar\\\n\\ b\x07z'],
  ['FOO="bar\\\\r\\ b\\az"', 'FOO', 'bar\\r\\ b\x07z'],
  ['FOO="bar\\nbaz\\\\"', 'FOO', 'bar\nbaz\\'],
  [' KEY =value', 'KEY', 'value'],
  ['   KEY=value', 'KEY', 'value'],
  ['\tKEY=value', 'KEY', 'value'],
  ['KEY="\\0123"', 'KEY', 'S'],
  ['KEY="\\x07"', 'KEY', '\\x07'],
  ['KEY="\\u12e4"', 'KEY', '\\u12e4'],
  ['KEY="\\U00101234"', 'KEY', '\\U00101234'],
];

test('compose-go\'s own parse cases read as its tests assert', () => {
  for (const [line, key, value] of COMPOSE_GO_CASES) {
    const doc = parseComposeEnv(line);
    assert.deepEqual(doc.problems, [], line);
    assert.equal(doc.entries.length, 1, line);
    assert.equal(doc.entries[0].key, key, line);
    assert.equal(doc.entries[0].value, value, line);
  }
});

// compose-go dotenv/fixtures/*.env with the values godotenv_test.go expects.
test('compose-go\'s fixture files read as its tests expect', () => {
  const plain = 'OPTION_A=1\nOPTION_B=2\nOPTION_C= 3\nOPTION_D =4\nOPTION_E = 5\n456 = ABC\nOPTION_F = \nOPTION_G=\nOPTION_H = my string # Inline comment\n';
  assert.deepEqual(read(plain), { OPTION_A: '1', OPTION_B: '2', OPTION_C: '3', OPTION_D: '4', OPTION_E: '5', 456: 'ABC', OPTION_F: '', OPTION_G: '', OPTION_H: 'my string' });
  const quoted = "OPTION_A='1'\nOPTION_B='2'\nOPTION_C=''\nOPTION_D='\\n'\nOPTION_E=\"1\"\nOPTION_F=\"2\"\nOPTION_G=\"\"\nOPTION_H=\"\\n\"\nOPTION_I = \"echo 'asd'\" # Inline comment\nOPTION_J = 'first line\nsecond line\nthird line\nand so on'\nOPTION_K='Let\\'s go!'\nOPTION_Z = \"last value\"\n";
  assert.deepEqual(read(quoted), {
    OPTION_A: '1', OPTION_B: '2', OPTION_C: '', OPTION_D: '\\n', OPTION_E: '1', OPTION_F: '2', OPTION_G: '', OPTION_H: '\n',
    OPTION_I: "echo 'asd'", OPTION_J: 'first line\nsecond line\nthird line\nand so on', OPTION_K: "Let's go!", OPTION_Z: 'last value',
  });
  const unquoted = 'OPTION_A = "some quoted phrase"\nOPTION_B=first one with an unquoted phrase\nOPTION_C = then another one with an unquoted phrase\nOPTION_D = then another one with an unquoted phrase special è char\nOPTION_E = "then another one quoted phrase"\n';
  assert.deepEqual(read(unquoted), {
    OPTION_A: 'some quoted phrase', OPTION_B: 'first one with an unquoted phrase', OPTION_C: 'then another one with an unquoted phrase',
    OPTION_D: 'then another one with an unquoted phrase special è char', OPTION_E: 'then another one quoted phrase',
  });
  assert.deepEqual(read("export OPTION_A='postgres://localhost:5432/database?sslmode=disable'\n\n"), { OPTION_A: 'postgres://localhost:5432/database?sslmode=disable' });
  assert.deepEqual(read('VAR.WITH.DOTS=dots\nVAR_WITH_UNDERSCORES=underscores\nVAR-WITH-DASHES=dashes\n'), { 'VAR.WITH.DOTS': 'dots', VAR_WITH_UNDERSCORES: 'underscores', 'VAR-WITH-DASHES': 'dashes' });
  const substitutions = 'OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n';
  assert.deepEqual(read(substitutions), { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' });
  // inherited-multi-var.env: the bare name passes the shell's value through.
  const inherited = parseComposeEnv('foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nbar=baz\n');
  assert.deepEqual(inherited.entries.map((e) => [e.key, e.passThrough === true]), [['foo', false], ['VAR_TO_BE_LOADED_FROM_OS_ENV', true], ['bar', false]]);
  // parser_test.go's TestParseBytes: names may hold brackets and letters of any script.
  assert.deepEqual(read('\na=b\na[1]=c\na.propertyKey=d\nárvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép\n'), { a: 'b', 'a[1]': 'c', 'a.propertyKey': 'd', 'árvíztűrő-TÜKÖRFÚRÓGÉP': 'ÁRVÍZTŰRŐ-tükörfúrógép' });
});

test('compose-go\'s interpolation cases (TestExpanding, the var-expansion tests)', () => {
  assert.deepEqual(read('FOO=test\nBAR=$FOO'), { FOO: 'test', BAR: 'test' });
  assert.deepEqual(read('FOO=test\nBAR=${FOO}bar'), { FOO: 'test', BAR: 'testbar' });
  assert.deepEqual(read('BAR=$FOO'), { BAR: '' });
  assert.deepEqual(read('FOO=test\nBAR="quote $FOO"'), { FOO: 'test', BAR: 'quote test' });
  assert.deepEqual(read("BAR='quote $FOO'"), { BAR: 'quote $FOO' });
  assert.deepEqual(read('FOO="foo\\$BAR"'), { FOO: 'foo$BAR' });
  assert.deepEqual(read('FOO="foo\\${BAR}"'), { FOO: 'foo${BAR}' });
  assert.deepEqual(read('FOO=test\nBAR="foo\\${FOO} ${FOO}"'), { FOO: 'test', BAR: 'foo${FOO} test' });
  assert.deepEqual(read('TEST_URLS="stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443"'), { TEST_URLS: 'stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443' });
  const vars = 'EMPTY_VAR=\nTEST_VAR=Test Value\n';
  const result = (line: string) => read(vars + line).RESULT;
  assert.equal(result('RESULT=${UNSET_VAR:-Default Value}'), 'Default Value');
  assert.equal(result('RESULT=${EMPTY_VAR:-Default Value}'), 'Default Value');
  assert.equal(result('RESULT=${TEST_VAR:-Default Value}'), 'Test Value');
  assert.equal(result('RESULT=${UNSET_VAR-Default Value}'), 'Default Value');
  assert.equal(result('RESULT=${EMPTY_VAR-Default Value}'), '');
  assert.equal(result('RESULT=${TEST_VAR-Default Value}'), 'Test Value');
  assert.equal(result('RESULT=${TEST_VAR:?Default Value}'), 'Test Value');
  assert.equal(result('RESULT=${TEST_VAR:+alt}'), 'alt');
  assert.equal(result('RESULT=${EMPTY_VAR:+alt}'), '');
  assert.equal(result('RESULT=${EMPTY_VAR+alt}'), 'alt');
  assert.equal(result('RESULT=${UNSET_VAR+alt}'), '');
  // Nested defaults and `$$` (12-interpolation.md).
  assert.equal(result('RESULT=${UNSET_VAR:-${TEST_VAR}}'), 'Test Value');
  assert.equal(result('RESULT=$$TEST_VAR'), '$TEST_VAR');
});

test('what makes compose refuse a file is reported, and the rest of the file still reads', () => {
  // godotenv_test.go: TestUnterminatedQuotes, "lol$wut", "key cannot contain a space"; parser_test.go TestParseVariable.
  for (const text of ['KEY="', 'KEY="value', 'KEY="value\\"', "KEY=\"value'", "KEY='", "KEY='value", "KEY='value\\'", "KEY='value\""]) {
    assert.deepEqual(refusals(parseComposeEnv(text)), ['unterminatedQuote'], text);
  }
  assert.deepEqual(refusals(parseComposeEnv('lol$wut')), ['invalidKey']);
  assert.deepEqual(refusals(parseComposeEnv('%!(EXTRA string)=foo')), ['invalidKey']);
  const invalid1 = parseComposeEnv('# some comments\nfoo="\n  a\n  multine\n  value\n"\nINVALID LINE\nzot=qix\n');
  assert.deepEqual(refusals(invalid1), ['invalidKey']);
  assert.deepEqual(invalid1.problems.map((p) => p.line), [6]);
  assert.deepEqual(read('# some comments\nfoo="\n  a\n  multine\n  value\n"\nINVALID LINE\nzot=qix\n'), { foo: '\n  a\n  multine\n  value\n', zot: 'qix' });
  // `FOO # comment` is a bad name for compose, not a pass-through.
  assert.deepEqual(refusals(parseComposeEnv('FOO # comment\n')), ['invalidKey']);
  // Interpolation compose rejects (template.go's "invalid" group).
  const bad = parseComposeEnv('A=${\nB="${1X}"\nC=${OK BAD}\nD=${OK:-fine}\n');
  assert.deepEqual(refusals(bad), ['invalidInterpolation', 'invalidInterpolation', 'invalidInterpolation']);
  assert.deepEqual(bad.problems.map((p) => p.line), [0, 1, 2]);
});

test('what dotenv reads differently from compose, line by line', () => {
  const text = 'PASS\nHASH=a#b\nTABBED=a\t# b\nQUOTED="x" NEXT=y\nREF=${PASS:-d}\nESC="a\\tb"\n';
  const compose = read(text);
  const dotenv = Object.fromEntries(parseEnv(text).entries.map((e) => [e.key, e.value]));
  assert.deepEqual(compose, { HASH: 'a#b', TABBED: 'a\t# b', QUOTED: 'x', NEXT: 'y', REF: 'd', ESC: 'a\tb' });
  assert.deepEqual(dotenv, { HASH: 'a', TABBED: 'a', QUOTED: '"x" NEXT=y', REF: '${PASS:-d}', ESC: 'a\\tb' });
  // Text after a closing quote is a new statement for compose, and said so.
  assert.deepEqual(parseComposeEnv(text).problems.map((p) => p.kind), ['textAfterQuote']);
});

test('compose entries keep exact spans, comments and references', () => {
  const text = 'export A=1 # one\r\nB="x ${A:-d} $$ \\$A $A"\nC\n# note\n';
  const doc = parseComposeEnv(text);
  const [a, b, c] = doc.entries;
  const slice = (s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);
  assert.equal(slice(a.exportSpan), 'export');
  assert.equal(slice(a.keySpan), 'A');
  assert.equal(slice(a.rawSpan), '1');
  assert.equal(slice(a.commentSpan), '# one');
  assert.equal(slice(a.span), 'export A=1 # one');
  assert.equal(slice(b.rawSpan), '"x ${A:-d} $$ \\$A $A"');
  assert.equal(b.value, 'x 1 $ $A 1');
  assert.deepEqual(b.references.map((r) => [slice(r.span), r.name, r.operator, r.fallback]), [['${A:-d}', 'A', ':-', 'd'], ['$A', 'A', undefined, undefined]]);
  assert.equal(c.passThrough, true);
  assert.equal(slice(c.span), 'C');
  assert.deepEqual([a.line, b.line, c.line], [0, 1, 2]);
  assert.deepEqual(doc.comments.map((k) => k.text), [' note']);
  assert.equal(doc.dialect, 'compose');
});

test('a name alone on the last line without a line break is not passed through, and said so', () => {
  const doc = parseComposeEnv('A=1\nLAST');
  assert.deepEqual(doc.entries.map((e) => e.key), ['A']);
  assert.deepEqual(doc.problems.map((p) => [p.kind, p.bareName]), [['noSeparator', true]]);
});

test('the dialect: the setting first, then the project model, then dotenv', () => {
  const composed = { envFileOf: [{ composeFile: '/p/compose.yaml', service: 'web', raw: false }], interpolationFor: [] };
  const interpolated = { envFileOf: [], interpolationFor: ['/p/compose.yaml'] };
  const none = { envFileOf: [], interpolationFor: [] };
  assert.deepEqual(chooseDialect({}), { dialect: 'dotenv', reason: 'default' });
  assert.deepEqual(chooseDialect({ composeReading: none }), { dialect: 'dotenv', reason: 'default' });
  assert.deepEqual(chooseDialect({ composeReading: composed }), { dialect: 'compose', reason: 'compose' });
  assert.deepEqual(chooseDialect({ composeReading: interpolated, setting: 'auto' }), { dialect: 'compose', reason: 'compose' });
  assert.deepEqual(chooseDialect({ composeReading: composed, setting: 'dotenv' }), { dialect: 'dotenv', reason: 'setting' });
  assert.deepEqual(chooseDialect({ setting: 'compose' }), { dialect: 'compose', reason: 'setting' });
  const globs = readDialectSetting({ 'docker/**': 'compose', '.env.ci': 'dotenv', bad: 'yaml' });
  assert.deepEqual(globs, { 'docker/**': 'compose', '.env.ci': 'dotenv' });
  assert.equal(chooseDialect({ setting: globs, relativePath: 'docker/.env' }).dialect, 'compose');
  assert.equal(chooseDialect({ setting: globs, relativePath: 'app/.env.ci', composeReading: composed }).dialect, 'dotenv');
  assert.deepEqual(chooseDialect({ setting: globs, relativePath: '.env', composeReading: composed }), { dialect: 'compose', reason: 'compose' });
  assert.equal(readDialectSetting(42), 'auto');
  assert.equal(readSettings({ dialect: 'compose' }).dialect, 'compose');
  assert.equal(readSettings({}).dialect, 'auto');
});

const DOCKER_ENV = readFileSync(join(__dirname, 'fixtures/dialect/docker/.env'), 'utf8');

test('a self-hosted app\'s docker/.env of 75 pass-through names: no error in compose, warnings only in dotenv', () => {
  const compose = analyze(DOCKER_ENV, noBind, {}, undefined, 'compose');
  assert.equal(compose.doc.entries.filter((e) => e.passThrough).length, 75);
  assert.deepEqual(compose.diagnostics.filter((d) => d.severity === 1), []);
  assert.deepEqual(compose.diagnostics, []);
  const dotenv = analyze(DOCKER_ENV, noBind, {}, undefined, 'dotenv');
  const bare = dotenv.diagnostics.filter((d) => d.code === 'syntaxError');
  assert.equal(bare.length, 75);
  assert.ok(bare.every((d) => d.severity === 2), 'warnings');
  assert.match(bare[0].message as string, /docker compose would pass the shell's value through/);
  assert.deepEqual(dotenv.diagnostics.filter((d) => d.severity === 1), []);
  // The default is dotenv; the project model's word that compose reads the file picks compose.
  assert.equal(analyze(DOCKER_ENV, noBind, {}).diagnostics.length, dotenv.diagnostics.length);
  assert.equal(chooseDialect({ readByCompose: true }).dialect, 'compose');
});

test('a line that is not a bare name stays an error under dotenv', () => {
  const { diagnostics } = analyze('APP_PORT 8080\n', noBind, {});
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['syntaxError', 1]]);
  const refused = analyze('A="open\n', noBind, {}, undefined, 'compose');
  assert.deepEqual(refused.diagnostics.map((d) => [d.code, d.severity]), [['syntaxError', 1]]);
  assert.match(refused.diagnostics[0].message as string, /docker compose refuses this file/);
});

test('hover reads the value as the file\'s dialect does', () => {
  const text = 'PASS\nHOST=db # the host\nURL="http://${HOST}:80"\n';
  const hoverAt = (dialect: 'dotenv' | 'compose', line: number) => {
    const analysis = analyze(text, noBind, {}, undefined, dialect);
    const hover = getHover(analysis.doc, analysis.schemaSet, { line, character: 1 });
    return hover ? (hover.contents as { kind: string; value: string }).value : '';
  };
  assert.match(hoverAt('compose', 0), /docker compose reads: the shell's value of PASS, passed through/);
  assert.match(hoverAt('compose', 1), /docker compose reads: `` db ``/);
  assert.match(hoverAt('compose', 2), /docker compose reads: `` http:\/\/db:80 `` \(when the shell sets none of its variables\)/);
  assert.match(hoverAt('dotenv', 2), /dotenv reads: `` http:\/\/\$\{HOST\}:80 ``/);
});

test('hostile compose input: one refusal per value, deep defaults and unterminated quotes read without blowing up', () => {
  const open = parseComposeEnv(`A=${'${X:-'.repeat(20000)}\n`);
  assert.deepEqual(open.problems.map((p) => p.kind), ['invalidInterpolation']);
  const nested = parseComposeEnv(`A=${'${X:-'.repeat(5000)}v${'}'.repeat(5000)}\n`);
  assert.deepEqual(nested.problems, []);
  assert.equal(nested.entries[0].references.length, 5000);
  // Defaults nested past the bound are taken as written: the value is still a string.
  assert.equal(typeof nested.entries[0].value, 'string');
  assert.equal(parseComposeEnv(`A=${'${X:-'.repeat(3)}v${'}'.repeat(3)}\n`).entries[0].value, 'v');
  // A later unescaped quote closes an open one (compose reads across lines): only escaped quotes follow this one.
  const quotes = parseComposeEnv('A="x\n' + 'B=\\"\n'.repeat(2000));
  assert.deepEqual(quotes.problems.map((p) => p.kind), ['unterminatedQuote']);
  assert.equal(quotes.entries.length, 2000);
  assert.deepEqual(parseComposeEnv('A="x\nA="y\n').entries.map((e) => [e.key, e.value]), [['A', 'x\nA='], ['y', '']]);
});
