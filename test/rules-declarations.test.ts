/**
 * The rules as declared: documentation links on every diagnostic, rule isolation,
 * fix-all consulting the declarations, the shared index and suggestion cache, and
 * rule-level defects of issue 8 (messages bounded and free of values; bare `export`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseEnv } from '../server/src/service/parser/parse';
import { codeDiagnostic, validate, validateDocument, MAX_MESSAGE_LENGTH, type DiagnosticData } from '../server/src/service/validate';
import { chooseFixes, fixAll } from '../server/src/service/fixAll';
import { ALL_RULES, RULES_BY_CODE } from '../server/src/service/rules/registry';
import { ruleDocsUrl } from '../server/src/service/rules/docs';
import type { Rule } from '../server/src/service/rules/rule';
import { projectOfDocs } from './support/projectDocs';
import { testParsers } from './support/codeParsers';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { MAX_CACHED_SUGGESTIONS, suggestionsFor } from '../server/src/service/rules/schema/unknownVariable';
import { makeSchema } from './support/testSchema';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { REPO_DIR } from './support/corpus';

const STYLE = { styleRules: true };
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const fixesOf = (d: Diagnostic) => (d.data as DiagnosticData | undefined)?.fixes ?? [];

const schema = makeSchema('test/api', [
  { name: 'LOG_LEVEL', type: 'enum', values: ['debug', 'info'] },
  { name: 'API_TOKEN', type: 'secret', constraints: { minLength: 40 } },
  { name: 'DATABASE_URL', type: 'url', schemes: ['mysql'] },
  { name: 'PORT', type: 'port' },
  { name: 'REQUIRED_ONE', type: 'string', required: { kind: 'always' } },
]);

test('every diagnostic links to its documentation page (codeDescription.href), and the page exists', () => {
  const text = 'LOG_LEVEL=verbose\nLOG_LEVEL=debug\nPORT=x\nPORTT=1\nURL=${NOPE}\nfoo bar\nb=1\na = 2 \n\n\n';
  const diagnostics = validate({ doc: parseEnv(text), schemas: [schema], settings: { ...STYLE, unknownVariables: true } });
  assert.ok(new Set(diagnostics.map((d) => d.code)).size >= 8, 'many codes are exercised');
  for (const d of diagnostics) {
    assert.equal(d.codeDescription?.href, ruleDocsUrl(String(d.code)), String(d.code));
    assert.ok(existsSync(join(REPO_DIR, 'docs', 'rules', `${d.code}.md`)), `docs/rules/${d.code}.md`);
  }
});

test('codes without a rule (invalidSchema) get their declared severity and documentation link too', () => {
  const range = { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } };
  const d = codeDiagnostic('invalidSchema', range, 'Expected a property name.');
  assert.deepEqual(d, { range, severity: 1, source: 'envls', code: 'invalidSchema', codeDescription: { href: ruleDocsUrl('invalidSchema') }, message: 'Expected a property name.' });
});

test('a rule that throws: one internalError naming it, no value in it, the failure with its stack, the other rules still report', () => {
  const explodes: Rule = {
    ...RULES_BY_CODE.get('duplicateKey')!,
    code: 'explodingRule',
    check: function explodingCheck(ctx) {
      throw new Error(`cannot handle ${ctx.doc.entries[0].value}`);
    },
  };
  const text = 'SECRET_TOKEN=hunter3-value\nA=1\nA=2\n';
  const { diagnostics, ruleFailures } = validateDocument({ doc: parseEnv(text) }, [explodes, RULES_BY_CODE.get('duplicateKey')!]);
  const internal = diagnostics.filter((d) => d.code === 'internalError');
  assert.equal(internal.length, 1);
  assert.match(messageOf(internal[0]), /explodingRule/);
  assert.ok(!messageOf(internal[0]).includes('hunter3'), 'no value in the message');
  assert.equal(internal[0].codeDescription?.href, ruleDocsUrl('internalError'));
  assert.deepEqual(diagnostics.filter((d) => d.code === 'duplicateKey').map((d) => d.range.start.line), [1], 'the other rule still reports');
  assert.equal(ruleFailures.length, 1);
  assert.equal(ruleFailures[0].code, 'explodingRule');
  assert.match(ruleFailures[0].stack, /explodingCheck/, 'the stack is there');
  assert.ok(!ruleFailures[0].stack.includes('hunter3'), 'the stack has the value cut out');
  // validate() (what fix-all and tests use) reports the same diagnostic.
  assert.equal(validate({ doc: parseEnv(text) }, [explodes]).filter((d) => d.code === 'internalError').length, 1);
});

test('fix-all applies only the safe fixes of codes whose declaration allows fix-all', () => {
  const doc = parseEnv('A=1\n');
  const safeFix = { title: 't', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'B' }], safe: true, preferred: true };
  const diagnostic = (code: string): Diagnostic => ({ range: safeFix.edits[0].range, message: 'm', source: 'envls', code, data: { fixes: [safeFix] } });
  assert.equal(RULES_BY_CODE.get('missingRequired')!.fixAll, false);
  assert.deepEqual(chooseFixes(doc, [diagnostic('missingRequired')]), [], 'declared fixAll: false');
  assert.equal(chooseFixes(doc, [diagnostic('duplicateKey')]).length, 1, 'declared fixAll: true');
  assert.deepEqual(chooseFixes(doc, [diagnostic('noSuchCode')]), [], 'unknown codes: never');
});

test('rules that never allow fix-all offer no safe fix (the flag and the fixes agree)', () => {
  const text = 'LOG_LEVEL=verbose\nAPI_TOKEN=short\nLOG_LEVL=debug\nX=${NOPE}\nbad line\n';
  for (const d of validate({ doc: parseEnv(text), schemas: [schema], settings: { ...STYLE, unknownVariables: true } })) {
    if (RULES_BY_CODE.get(String(d.code))?.fixAll === false) assert.ok(fixesOf(d).every((f) => !f.safe), String(d.code));
  }
});

test('"did you mean" runs once per key per schema set: the next analysis takes the cached answer', () => {
  const schemas = [makeSchema('test/cache', [{ name: 'DATABASE_HOST' }, { name: 'DATABASE_PORT' }])];
  const doc = () => parseEnv('DATABASE_HOTS=x\nDATABASE_PROT=1\nOTHER_NAME=2\n');
  const first = validate({ doc: doc(), schemas });
  const cache = suggestionsFor(schemaSetFor(schemas));
  const computed = cache.computed;
  assert.equal(computed, 3);
  const second = validate({ doc: doc(), schemas });
  assert.equal(cache.computed, computed, 'no key asked the suggester again');
  assert.deepEqual(second.map(messageOf), first.map(messageOf));
  assert.match(messageOf(first[0]), /Did you mean DATABASE_HOST/);
});

test('the suggestion cache is bounded', () => {
  const schemas = [makeSchema('test/bounded', [{ name: 'DATABASE_HOST' }])];
  const keys = Array.from({ length: MAX_CACHED_SUGGESTIONS + 500 }, (_, i) => `UNKNOWN_${i}=1`);
  validate({ doc: parseEnv(keys.join('\n')), schemas });
  assert.ok(suggestionsFor(schemaSetFor(schemas)).size <= MAX_CACHED_SUGGESTIONS);
});

test('every rule sees one shared index: entries by key (last wins) and each entry\'s schema match', () => {
  let seen: unknown[] = [];
  const probe = (code: string): Rule => ({ ...RULES_BY_CODE.get('duplicateKey')!, code, check: (ctx) => void seen.push(ctx.index) });
  const doc = parseEnv('PORT=1\nX=2\nPORT=3\n');
  validateDocument({ doc, schemas: [schema] }, [probe('a'), probe('b')]);
  assert.equal(seen.length, 2);
  assert.equal(seen[0], seen[1], 'the same index object for every rule');
  const index = seen[0] as import('../server/src/service/rules/rule').DocumentIndex;
  assert.equal(index.byKey.get('PORT'), doc.entries[2]);
  assert.deepEqual(index.matches.map((m) => m?.spec.name), ['PORT', undefined, 'PORT']);
  seen = [];
});

test('issue 8 (1): 5,000 unsorted keys with style rules: bounded messages, the sort carried once, fix-all sorts', () => {
  const count = 5000;
  const keys = Array.from({ length: count }, (_, i) => `KEY_${String(count - i).padStart(5, '0')}`);
  const text = keys.map((k) => `${k}=v`).join('\n') + '\n';
  const diagnostics = validate({ doc: parseEnv(text), settings: STYLE }).filter((d) => d.code === 'unorderedKey');
  assert.equal(diagnostics.length, count - 1);
  assert.ok(diagnostics.every((d) => messageOf(d).length <= MAX_MESSAGE_LENGTH));
  assert.equal(diagnostics.filter((d) => fixesOf(d).length > 0).length, 1, 'one diagnostic carries the sort');
  assert.ok(JSON.stringify(diagnostics).length < 1000 * count + 2 * text.length, 'the published diagnostics grow linearly');
  const result = fixAll(text, STYLE);
  assert.equal(result.text, [...keys].sort().map((k) => `${k}=v`).join('\n') + '\n');
});

test('messages are bounded whatever a key\'s length', () => {
  const long = 'K'.repeat(20_000);
  const diagnostics = validate({ doc: parseEnv(`${long}=1\n${long}=2\nB=1\nA=1\n${long.toLowerCase()}=3\n`), settings: STYLE });
  assert.ok(diagnostics.length > 0);
  assert.ok(diagnostics.every((d) => messageOf(d).length <= MAX_MESSAGE_LENGTH));
});

test('issue 8 (10): `export ` alone (trailing space) with style rules: a forward range, no empty key, fix-all adds no variable', () => {
  for (const text of ['export \nA=1\n', 'export\nA=1\n', 'A=1\nexport \n']) {
    const diagnostics = validate({ doc: parseEnv(text), settings: STYLE });
    for (const d of diagnostics) {
      const { start, end } = d.range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.code} range is not reversed in ${JSON.stringify(text)}`);
      assert.ok(!/key {2}/.test(messageOf(d)), `${d.code}: ${messageOf(d)}`);
    }
    const keyWithoutValue = diagnostics.find((d) => d.code === 'keyWithoutValue');
    assert.ok(keyWithoutValue, 'the line is still reported');
    assert.match(messageOf(keyWithoutValue), /export but no key/);
    assert.deepEqual(fixesOf(keyWithoutValue), []);
    assert.ok(!diagnostics.some((d) => d.code === 'lowercaseKey'), '`export` is a keyword, not a key to upper-case');
    const fixed = fixAll(text, STYLE).text;
    assert.deepEqual(dotenv.parse(fixed), dotenv.parse(text), `fix-all keeps what dotenv reads: ${JSON.stringify(fixed)}`);
    assert.ok(!/EXPORT/.test(fixed));
  }
});

test('issue 8 (6): no rule\'s message quotes a value of the file, whatever the rule', () => {
  const values = ['hunter3', 'hunter4-quoted', 'hunter5 spaced', 'pw0rd-in-url', 'hunter2-default', 'hunter6dup', 'hunter7x', 'hunter8bad'];
  const text = [
    'API_SECRET="hunter3"',
    "DB_PASSWORD='hunter4-quoted'",
    'export  GITHUB_TOKEN = hunter5 spaced ',
    'DATABASE_URL=postgres://app:pw0rd-in-url@db/app',
    'VAULT_URL=${VAULT_DB_PASSWORD:-hunter2-default',
    'AUTH_KEY=hunter6dup',
    'AUTH_KEY=hunter6dup',
    'api_token="hunter7x"',
    'API_TOKEN=hunter8bad',
    'REDIS_URL=$REDIS_PASSWORD}',
    '',
    '',
  ].join('\n');
  const diagnostics = validate({ doc: parseEnv(text), schemas: [schema], settings: { ...STYLE, unknownVariables: true } });
  const codes = new Set(diagnostics.map((d) => String(d.code)));
  for (const code of ['quoteCharacter', 'substitutionKey', 'valueWithoutQuotes', 'invalidValue', 'insecureValue', 'duplicateKey', 'spaceCharacter']) {
    assert.ok(codes.has(code), `${code} runs on this file`);
  }
  for (const d of diagnostics) {
    for (const value of values) {
      assert.ok(!messageOf(d).includes(value), `${d.code} message quotes ${value}: ${messageOf(d)}`);
      for (const fix of fixesOf(d)) assert.ok(!fix.title.includes(value), `${d.code} fix title quotes ${value}`);
    }
  }
});

test('invalidValue names a value only when nothing marks it sensitive', () => {
  const [plain] = validate({ doc: parseEnv('LOG_LEVEL=verbose\n'), schemas: [schema] }).filter((d) => d.code === 'invalidValue');
  assert.match(messageOf(plain), /verbose/, 'a log level is no secret: the message says what is wrong with it');
});


test('the documented example of each rule gets that diagnostic (schema rules with the builtin schema it names)', async () => {
  const builtin = builtinSchemas();
  const parsers = await testParsers();
  for (const rule of ALL_RULES) {
    const id = /# envls-schema:\s*(\S+)/.exec(rule.docs.example)?.[1];
    const known = id === undefined ? undefined : builtin.get(id);
    const found = validate({
      doc: parseEnv(rule.docs.example),
      schemas: known ? [known] : [],
      certainty: known ? 'explicit' : 'none',
      unknownSchemaIds: id && !known ? [{ id }] : [],
      settings: STYLE,
      project: projectOfDocs(rule.docs, parsers),
    }).map((d) => d.code);
    assert.ok(found.includes(rule.code), `${rule.code}'s example: ${JSON.stringify(rule.docs.example)} gets ${found.join(', ')}`);
  }
});
