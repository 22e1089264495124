/** The public contract: diagnostic codes, settings and contributions stay in step with the rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, ALL_RULES } from '../server/src/service/rules/registry';
import { ruleDocsUrl, RULE_DOCS_BASE } from '../server/src/service/rules/docs';
import { lintProperties, readmeWithTable, rulePages } from '../scripts/rulesContract';
import { REPO_DIR } from './support/corpus';

const pkg = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8'));
const readme = readFileSync(join(REPO_DIR, 'README.md'), 'utf8');

test('every rule code is camelCase, unique, and has a description', () => {
  const codes = ALL_RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const rule of ALL_RULES) {
    assert.match(rule.code, /^[a-z][a-zA-Z]+$/);
    assert.ok(rule.description.length > 10, rule.code);
  }
});

test('the codes the issues name are all there', () => {
  const codes = new Set(ALL_RULES.map((r) => r.code));
  for (const code of ['missingRequired', 'aliasConflict', 'legacyName', 'deprecatedVariable', 'invalidValue', 'unknownVariable', 'insecureValue', 'undefinedReference', 'syntaxError', 'duplicateKey',
    'lowercaseKey', 'leadingCharacter', 'incorrectDelimiter', 'keyWithoutValue', 'spaceCharacter', 'quoteCharacter', 'valueWithoutQuotes', 'substitutionKey', 'trailingWhitespace', 'extraBlankLine', 'endingBlankLine', 'unorderedKey']) {
    assert.ok(codes.has(code), code);
  }
});

test('envls.lint offers a severity for every code, and the README documents every code', () => {
  const lint = pkg.contributes.configuration.properties['envls.lint'].properties;
  for (const rule of ALL_RULES) {
    assert.ok(lint[rule.code], `envls.lint.${rule.code} in package.json`);
    assert.ok(readme.includes(`\`${rule.code}\``), `README mentions ${rule.code}`);
  }
});

const OUT_OF_STEP = 'out of step with the rule declarations: run `node scripts/gen-rules.mjs`';

test('package.json envls.lint is generated from the declarations', () => {
  assert.deepEqual(pkg.contributes.configuration.properties['envls.lint'].properties, lintProperties(), `package.json envls.lint is ${OUT_OF_STEP}`);
});

test("the README's code table is generated from the declarations", () => {
  assert.equal(readme, readmeWithTable(readme), `README.md's code table is ${OUT_OF_STEP}`);
  for (const decl of ALL_CODES) assert.ok(readme.includes(`[\`${decl.code}\`](docs/rules/${decl.code}.md)`), decl.code);
});

test('docs/rules has exactly one generated page per code, rules and other codes alike', () => {
  const dir = join(REPO_DIR, 'docs', 'rules');
  const pages = rulePages();
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.md')).sort(), [...pages.keys()].sort(), `docs/rules is ${OUT_OF_STEP}`);
  for (const [name, text] of pages) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `docs/rules/${name} is ${OUT_OF_STEP}`);
  for (const code of ['internalError', 'invalidSchema']) assert.ok(pages.has(`${code}.md`), code);
});

test('each page says what the code means, shows an example, how to fix it and how to silence it', () => {
  for (const decl of ALL_CODES) {
    const page = rulePages().get(`${decl.code}.md`)!;
    for (const heading of ['## Example', '## How to fix it', '## How to silence it']) assert.ok(page.includes(heading), `${decl.code}: ${heading}`);
    assert.ok(page.includes(decl.description));
    assert.match(page, /\| fix-all \| (yes|no)/);
    if (decl.configurable !== false) assert.ok(page.includes(`# envls-disable-next-line ${decl.code}`) && page.includes(`"envls.lint": { "${decl.code}": "off" }`), decl.code);
    assert.ok(decl.docs.example.length > 0 && decl.docs.fix.length > 10, decl.code);
  }
});

test('every code\'s documentation URL names its page in this repository', () => {
  for (const decl of ALL_CODES) {
    const url = ruleDocsUrl(decl.code);
    assert.ok(url.startsWith(RULE_DOCS_BASE) && url.startsWith('https://'), url);
    const path = url.split('/blob/main/')[1];
    assert.equal(path, `docs/rules/${decl.code}.md`);
    assert.ok(existsSync(join(REPO_DIR, path)), path);
  }
});

test('style rules declare their dotenv-linter check; fix-all is declared for every code', () => {
  for (const decl of ALL_CODES) {
    assert.equal(typeof decl.fixAll, 'boolean', decl.code);
    if (decl.group === 'style') assert.match(decl.linterCheck ?? '', /^[A-Z][A-Za-z]+$/, decl.code);
  }
});

test('contributions point at files that exist; activation is on the languages and on workspaces with env files', () => {
  for (const grammar of pkg.contributes.grammars) assert.ok(existsSync(join(REPO_DIR, grammar.path)), grammar.path);
  for (const validation of pkg.contributes.jsonValidation) assert.ok(existsSync(join(REPO_DIR, validation.url)), validation.url);
  for (const language of pkg.contributes.languages) if (language.configuration) assert.ok(existsSync(join(REPO_DIR, language.configuration)));
  // Code and .env together: a workspace with env files activates envls, so that a code file opened first gets its completion.
  assert.deepEqual(pkg.activationEvents, ['onLanguage:dotenv', 'onLanguage:env-spec', 'workspaceContains:**/.env', 'workspaceContains:**/.env.*']);
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('envls.schemaFiles'));
});
