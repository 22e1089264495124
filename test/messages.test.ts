/**
 * Issue 9, "a calmer UI": diagnostic messages are plain text for the Problems panel, about
 * 160 characters at most, name a few allowed values, booleans by their canonical spelling,
 * and never show a secret (not even part of one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageSamples } from './support/messageSamples';
import { ALL_RULES as RULES } from '../server/src/service/rules/registry';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate } from '../server/src/service/validate';

const samples = messageSamples();

test('every rule\'s messages, over the corpus, the conformance files and long names and values: plain text, at most 160 characters', () => {
  const seen = new Set(samples.map((s) => s.code));
  for (const rule of RULES) assert.ok(seen.has(rule.code), `no sample of ${rule.code}: the test would not check it`);
  for (const { code, message, origin } of samples) {
    assert.ok(message.length <= 160, `${code} (${origin}): ${message.length} characters: ${message}`);
    assert.ok(!message.includes('`'), `${code} (${origin}) has markdown: ${message}`);
    assert.ok(!/\*\*/.test(message), `${code} (${origin}) has markdown: ${message}`);
  }
});

test('booleans by their canonical spelling, a few allowed values', () => {
  for (const { code, message } of samples) {
    assert.doesNotMatch(message, /\bTRUE\b|\bFalse\b|\byes\b.*\boff\b/, `${code}: ${message}`);
    const listed = /one of ([^;]*);/.exec(message)?.[1];
    if (listed) assert.ok(listed.split(/, | or /).length <= 6, `${code}: ${message}`);
  }
  const schemas = [builtinSchemas().get('neosync/api')!];
  const [bool] = validate({ doc: parseEnv('DB_SSL_DISABLE=yes\n'), schemas, certainty: 'explicit' }).filter((d) => d.code === 'invalidValue');
  assert.equal(String(bool.message), 'DB_SSL_DISABLE must be true or false; "yes" is not a boolean this product reads.');
});

test('a sensitive value is never quoted in a message, not even clipped', () => {
  const schemas = [builtinSchemas().get('flagsmith/api')!];
  const secret = 'not-a-url-but-a-long-secret-value-0123456789';
  const diagnostics = validate({ doc: parseEnv(`DATABASE_URL=${secret}\n`), schemas, certainty: 'explicit' });
  const invalid = diagnostics.find((d) => d.code === 'invalidValue');
  assert.ok(invalid, 'reported');
  const message = String(invalid.message);
  assert.ok(!message.includes(secret.slice(0, 8)), message);
  assert.match(message, /the value is not/);
});
