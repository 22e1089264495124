/**
 * `.env.schema` (varlock's @env-spec) read into envls's schema model: every decorator and data type
 * envls supports, and each one it cannot use or read reported with its place.
 * Decorators and types: https://varlock.dev/reference/item-decorators/,
 * https://varlock.dev/reference/root-decorators/, https://varlock.dev/reference/data-types/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ENV_SPEC_PROBLEMS, readEnvSpec, type EnvSpecProblem } from '../server/src/service/schema/envSpec';
import { DATA_TYPES, DECORATORS } from '../server/src/service/schema/envSpecVocabulary';
import { checkValue } from '../server/src/service/schema/checkValue';

const read = (text: string) => readEnvSpec(text, 'app/.env.schema');
const spec = (text: string, name: string) => read(text).schema.byName.get(name);
/** Problems as `severity@text-at-range: message`. */
const problems = (text: string) => read(text).problems.map((p: EnvSpecProblem) => `${p.severity}@${text.slice(p.start, p.end)}: ${p.message}`);
const fits = (text: string, name: string, value: string) => checkValue(spec(text, name)!, value) === undefined;

test('the schema is the project declaration: origin and id project:<path>', () => {
  const { schema } = read('A=1\n');
  assert.equal(schema.origin, 'project:app/.env.schema');
  assert.equal(schema.id, 'project:app/.env.schema');
  assert.deepEqual(schema.variables.map((v) => v.name), ['A']);
});

test('@required, @optional and @defaultRequired (infer, true, false); a value in the schema is the default, never missing', () => {
  const text = '# @defaultRequired=true @defaultSensitive=false\n# ---\nA=\n# @optional\nB=\nC=value\n# @required=false\nD=\n';
  assert.equal(spec(text, 'A')?.required?.kind, 'always');
  assert.equal(spec(text, 'B')?.required, undefined);
  assert.equal(spec(text, 'C')?.required, undefined, 'its value is the default');
  assert.equal(spec(text, 'C')?.default, 'value');
  assert.equal(spec(text, 'D')?.required, undefined);
  // infer (varlock's default): empty items are optional; @required makes them required.
  const infer = '# @required\nA=\nB=\n';
  assert.equal(spec(infer, 'A')?.required?.kind, 'always');
  assert.equal(spec(infer, 'B')?.required, undefined);
  assert.equal(spec('# @defaultRequired=false\n# ---\n# @required\nA=\nB=\n', 'B')?.required, undefined);
  // A condition is not evaluated: not required, said as information.
  assert.equal(spec('# @required=forEnv(prod)\nA=\n', 'A')?.required, undefined);
  assert.match(problems('# @required=forEnv(prod)\nA=\n')[0], /^information@@required=forEnv\(prod\): .*does not evaluate/);
});

test('a function call value is never run: no static default, only its name', () => {
  const text = '# @required\nA=exec(`cat secret.txt`)\nB=${A}-x\nC=undefined\n';
  assert.equal(spec(text, 'A')?.default, undefined);
  assert.equal(spec(text, 'A')?.required, undefined, 'varlock resolves it: not missing');
  assert.match(spec(text, 'A')?.defaultDescription ?? '', /exec\(\)/);
  assert.doesNotMatch(spec(text, 'A')?.defaultDescription ?? '', /secret\.txt/);
  assert.equal(spec(text, 'B')?.default, undefined);
  assert.equal(spec(text, 'C')?.default, undefined);
  assert.equal(spec('A="quoted value"\n', 'A')?.default, 'quoted value');
});

test('@sensitive, @public, @defaultSensitive (true by default, false, inferFromPrefix) and @proxy(...)', () => {
  assert.equal(spec('A=\n', 'A')?.sensitive, true, "varlock's default: every item is sensitive");
  const text = '# @defaultSensitive=inferFromPrefix(PUBLIC_)\n# ---\nPUBLIC_A=\nB=\n# @public\nC=\n# @sensitive\nPUBLIC_D=\n# @sensitive=false\nE=\n';
  assert.equal(spec(text, 'PUBLIC_A')?.sensitive, undefined);
  assert.equal(spec(text, 'B')?.sensitive, true);
  assert.equal(spec(text, 'C')?.sensitive, undefined);
  assert.equal(spec(text, 'PUBLIC_D')?.sensitive, true);
  assert.equal(spec(text, 'E')?.sensitive, undefined);
  assert.equal(spec('# @defaultSensitive=false\n# ---\n# @sensitive={enabled=false}\nA=\n# @sensitive={preventLeaks=false}\nB=\n', 'B')?.sensitive, true);
  assert.equal(spec('# @defaultSensitive=false\n# ---\n# @proxy(domain="api.stripe.com")\nA=\n', 'A')?.sensitive, true);
});

test('description from the comments above; @example, @docs, @docsUrl, @deprecated', () => {
  const text = '# @defaultSensitive=false\n# ---\n# Stripe secret api key\n# used by billing\n# @example="sk_test_123"\n# @docs("Keys", https://docs.stripe.com/keys)\nA=\n# @docsUrl=https://x.example/b\n# @deprecated="Use A"\nB=\n';
  assert.equal(spec(text, 'A')?.description, 'Stripe secret api key\nused by billing');
  assert.deepEqual(spec(text, 'A')?.examples, ['sk_test_123']);
  assert.equal(spec(text, 'A')?.source, 'https://docs.stripe.com/keys');
  assert.equal(spec(text, 'B')?.source, 'https://x.example/b');
  assert.deepEqual(spec(text, 'B')?.deprecated, { renameSafe: false, message: 'Use A' });
  assert.match(problems(text).join('\n'), /information@@docsUrl=https:\/\/x\.example\/b: @docsUrl is deprecated/);
});

test('@type=string with its options', () => {
  const text = '# @type=string(minLength=3, maxLength=5, startsWith=ab, endsWith="z", matches="^a")\n# @public\nA=\n# @public @type=string(isLength=2)\nB=\n';
  assert.deepEqual(spec(text, 'A')?.constraints, { minLength: 3, maxLength: 5, prefix: 'ab', suffix: 'z', pattern: '^a' });
  assert.ok(fits(text, 'A', 'abz'));
  assert.ok(!fits(text, 'A', 'abcdefz'));
  assert.ok(!fits(text, 'A', 'xbz'));
  assert.deepEqual(spec(text, 'B')?.constraints, { minLength: 2, maxLength: 2 });
  assert.equal(spec('# @type=string(matches=/^sk_[a-z]+$/)\nA=\n', 'A')?.constraints?.pattern, '^sk_[a-z]+$');
  assert.match(problems('# @type=string(matches=/^a/i)\nA=\n')[0], /^information@.*flags/);
  assert.match(problems('# @type=string(toUpperCase=true)\nA=\n')[0], /^information@true: string\(toUpperCase=…\): envls does not check/);
});

test('@type=number, port, boolean, url, enum, email, ip, semver, isoDate, uuid, md5, simple-object', () => {
  const t = (type: string) => `# @type=${type}\nA=\n`;
  assert.equal(spec(t('number(min=1, max=10)'), 'A')?.type, 'number');
  assert.ok(!fits(t('number(min=1, max=10)'), 'A', '11'));
  assert.equal(spec(t('number(isInt=true)'), 'A')?.type, 'integer');
  assert.equal(spec(t('number(precision=0)'), 'A')?.type, 'integer');
  assert.ok(fits(t('port'), 'A', '0'), "varlock's port range starts at 0");
  assert.ok(!fits(t('port(min=1024)'), 'A', '80'));
  for (const v of ['t', 'true', 'yes', 'on', '1', 'f', 'false', 'no', 'off', '0']) assert.ok(fits(t('boolean'), 'A', v), v);
  assert.ok(!fits(t('boolean'), 'A', 'maybe'));
  assert.ok(!fits(t('url'), 'A', 'example.com'));
  assert.ok(fits(t('url(prependHttps=true)'), 'A', 'example.com'));
  assert.ok(!fits(t('url(noTrailingSlash=true)'), 'A', 'https://a.example/x/'));
  assert.deepEqual(spec(t('enum(dev, "pre prod", 3)'), 'A')?.values, ['dev', 'pre prod', '3']);
  assert.ok(!fits(t('enum(dev, prod)'), 'A', 'test'));
  assert.ok(fits(t('email'), 'A', 'a@b.example'));
  assert.ok(!fits(t('email'), 'A', 'not-an-email'));
  assert.ok(fits(t('ip'), 'A', '10.0.0.1') && fits(t('ip'), 'A', '::1'));
  assert.ok(!fits(t('ip(version=4)'), 'A', '::1'));
  assert.ok(!fits(t('ip'), 'A', '999.1.1.1'));
  assert.ok(fits(t('semver'), 'A', '1.2.3-beta.1') && !fits(t('semver'), 'A', '1.2'));
  assert.ok(fits(t('isoDate'), 'A', '2024-03-20T15:30:00Z') && !fits(t('isoDate'), 'A', 'March 3rd'));
  assert.ok(fits(t('uuid'), 'A', '123e4567-e89b-12d3-a456-426614174000') && !fits(t('uuid'), 'A', '123'));
  assert.ok(fits(t('md5'), 'A', 'd41d8cd98f00b204e9800998ecf8427e') && !fits(t('md5'), 'A', 'xyz'));
  assert.equal(spec(t('simple-object'), 'A')?.type, 'json');
  // Wider than envls checks: no check at all, never a false error.
  for (const wide of ['duration', 'array(email, separator=";")', 'record(url)']) {
    assert.ok(fits(t(wide), 'A', '2days'), wide);
  }
});

test('every data type of the vocabulary is read without a warning; every decorator too', () => {
  for (const type of DATA_TYPES) {
    const text = `# @type=${type.name === 'enum' ? 'enum(a, b)' : type.name}\nA=\n`;
    assert.deepEqual(problems(text).filter((p) => !p.startsWith('information')), [], type.name);
  }
  for (const d of DECORATORS) {
    const written = d.name === 'defaultRequired' || d.name === 'defaultSensitive' ? `@${d.name}=false` : d.name === 'docs' ? '@docs(https://a.example)' : d.name === 'docsUrl' ? '@docsUrl=https://a.example' : d.name === 'example' ? '@example=x' : d.name === 'type' ? '@type=url' : `@${d.name}`;
    const text = d.scope === 'root' ? `# ${written}\n# ---\nA=\n` : `# ${written}\nA=\n`;
    const found = problems(text);
    assert.deepEqual(found.filter((p) => !p.startsWith('information')), [], d.name);
    // What envls cannot use is said, not dropped.
    if (d.use === 'unused') assert.equal(found.filter((p) => p.startsWith('information')).length, 1, `${d.name}: ${found.join(' | ')}`);
  }
});

test('unknown decorators and types, bad options, misplaced and orphan decorators', () => {
  assert.deepEqual(problems('# @requried\nA=\n'), ['warning@@requried: Unknown decorator @requried: varlock has no such item decorator (https://varlock.dev/env-spec/reference/). Did you mean @required?']);
  assert.deepEqual(read('# @requried\nA=\n').problems[0].suggestion, { span: { start: 3, end: 11 }, name: 'required' });
  assert.deepEqual(read('# @type=bolean\nA=\n').problems[0].suggestion, { span: { start: 8, end: 14 }, name: 'boolean' });
  assert.equal(read('# @frobnicate\nA=\n').problems[0].suggestion, undefined);
  assert.match(problems('# @plugin(@varlock/1password-plugin)\n# @initOp(allowAppAuth=true)\n# ---\n# @type=opServiceAccountToken\nA=\n').join('\n'), /information@@initOp.*plugin[\s\S]*information@@type=opServiceAccountToken: .*plugin/);
  assert.match(problems('# @type=integer\nA=\n')[0], /^warning@@type=integer: Unknown data type integer/);
  assert.match(problems('# @type=string(minLenght=3)\nA=\n')[0], /^warning@3: The data type string has no option minLenght .*Did you mean minLength\?$/);
  assert.match(problems('# @type=number(min=abc)\nA=\n')[0], /^warning@abc: number\(min=…\) takes a number/);
  assert.match(problems('# @type=enum()\nA=\n')[0], /^warning@@type=enum\(\): .*needs its members/);
  assert.match(problems('# @type=string(matches="^(?=a)")\nA=\n').join('\n'), /^warning@.*cannot run this `matches` pattern/);
  assert.match(problems('# @defaultRequired=true\nA=\n')[0], /^warning@@defaultRequired=true: @defaultRequired is a root decorator/);
  assert.match(problems('# @required\n# ---\nA=\n')[0], /^warning@@required: @required is an item decorator/);
  assert.match(problems('A=\n\n# @required\n\nB=\n')[0], /^warning@@required: @required is attached to no item/);
});

test('a malformed decorator is an error on its line; the rest of the file is still read', () => {
  const text = '# @defaultSensitive=false\n# ---\nPUBLIC_VAR=public-value\n\n# @sensitive,\nSENSITIVE_VAR=secret\n# @int=\nX=1\n# @required\nREQUIRED_MISSING=\n';
  const found = read(text);
  assert.deepEqual(found.problems.filter((p) => p.severity === 'error').map((p) => text.slice(p.start, p.end)), [',', '\n']);
  assert.equal(found.problems.filter((p) => p.severity === 'error').length, 2);
  assert.match(found.problems[0].message, /^Malformed decorator/);
  assert.deepEqual(found.schema.variables.map((v) => v.name), ['PUBLIC_VAR', 'SENSITIVE_VAR', 'X', 'REQUIRED_MISSING']);
  assert.equal(found.schema.byName.get('REQUIRED_MISSING')?.required?.kind, 'always');
  // Whole-file failures and huge files give an empty schema, never a throw.
  assert.doesNotThrow(() => read('\u0000'.repeat(10)));
  assert.equal(read('A=1\n'.repeat(200_000)).schema.variables.length, 0);
  // Bounded: deeply nested calls (a stack overflow inside the parser), a file full of errors, endless problems.
  assert.match(read(`A=${'f('.repeat(20_000)}${')'.repeat(20_000)}\n`).problems[0].message, /cannot read this file/);
  assert.match(read('# @x=\nA=1\n'.repeat(500)).problems.at(-1)!.message, /cannot read this file/);
  const flood = read(`# ${'@a '.repeat(1000)}\nK=1\n`);
  assert.equal(flood.problems.length, MAX_ENV_SPEC_PROBLEMS + 1);
  assert.equal(flood.problems.at(-1)!.message, '800 more problems in this file are not shown.');
});

test('@disable: the file applies nothing', () => {
  assert.deepEqual(read('# @disable\n# ---\n# @required\nA=\n').schema.variables, []);
});

test("varlock's own .env.schema files (test/fixtures/envspec/SOURCES.md) read without warnings or errors", () => {
  for (const name of ['load-output', 'vscode-plugin', 'website']) {
    const text = readFileSync(join(__dirname, 'fixtures/envspec', name, '.env.schema'), 'utf8');
    const found = read(text);
    assert.deepEqual(found.problems.filter((p) => p.severity !== 'information').map((p) => p.message), [], name);
    assert.ok(found.schema.variables.length > 0, name);
  }
  const loadOutput = read(readFileSync(join(__dirname, 'fixtures/envspec/load-output/.env.schema'), 'utf8')).schema;
  assert.deepEqual(loadOutput.variables.filter((v) => v.required).map((v) => v.name), ['STRIPE_SECRET_KEY']);
  assert.deepEqual(loadOutput.variables.filter((v) => v.sensitive).map((v) => v.name), ['DATABASE_URL', 'SESSION_SECRET', 'STRIPE_SECRET_KEY']);
  assert.equal(loadOutput.byName.get('PORT')?.type, 'number');
  assert.equal(loadOutput.byName.get('SESSION_SECRET')?.default, undefined, 'cache(randomHex(32)) is never run');
});

test('the same text gives the same schema object (every env file of the app binds it at each keystroke)', () => {
  assert.equal(read('A=1\n').schema, read('A=1\n').schema);
});

test('docs/schemas.md lists every decorator and data type envls knows, with its varlock link', () => {
  const docs = readFileSync(join(__dirname, '..', 'docs/schemas.md'), 'utf8');
  for (const d of DECORATORS) assert.ok(docs.includes(`[\`@${d.name}\`](${d.url})`), d.name);
  for (const t of DATA_TYPES) assert.ok(docs.includes(`[\`${t.name}\`](${t.url})`), t.name);
});
