/** The public contract: diagnostic codes, settings and contributions stay in step with the rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../server/src/service/rules/registry';
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

test('contributions point at files that exist; activation is on the languages only', () => {
  for (const grammar of pkg.contributes.grammars) assert.ok(existsSync(join(REPO_DIR, grammar.path)), grammar.path);
  for (const validation of pkg.contributes.jsonValidation) assert.ok(existsSync(join(REPO_DIR, validation.url)), validation.url);
  for (const language of pkg.contributes.languages) if (language.configuration) assert.ok(existsSync(join(REPO_DIR, language.configuration)));
  assert.deepEqual(pkg.activationEvents, ['onLanguage:dotenv', 'onLanguage:env-spec']);
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('envls.schemaFiles'));
});
