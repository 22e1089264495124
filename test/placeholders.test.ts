// One placeholder decision (service/placeholders.ts) for its two callers: completion's "never insert
// an example's placeholder" (projectCompletion.ts, through isPlaceholder) and insecureValue's
// "a secret left at a placeholder; a detector's hit on one is no live credential" (weakValues.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlaceholder, placeholderOf, PLACEHOLDER_SHAPES, PLACEHOLDER_WORDS } from '../server/src/service/placeholders';
import { isPlaceholderOrDemo, weaknessOf } from '../server/src/service/secretHygiene/weakValues';
import { ProjectModel } from '../server/src/service/project/model';
import { projectContextFor } from '../server/src/service/project/context';
import { exampleListing } from '../server/src/service/projectCompletion';
import { SchemaSet } from '../server/src/service/schema/schemaSet';

const SECRET = 'API_SECRET';

/** What completion would insert for `NAME` from an example holding `NAME=value` (undefined: nothing). */
function inserted(name: string, value: string): string | undefined {
  const model = new ProjectModel([{ path: 'package.json', text: '{}' }, { path: '.env.example', text: `${name}=${value}\n` }, { path: '.env', text: '' }]);
  return exampleListing(projectContextFor(model, '.env'), new SchemaSet([])).get(name);
}

/** Whether insecureValue calls `value` a placeholder as a secret's value. */
const secretPlaceholder = (value: string) => weaknessOf(SECRET, value)?.kind === 'placeholder' && isPlaceholderOrDemo(SECRET, value);

test('completion and insecureValue agree on every shared placeholder word; secret-only words stay insertable elsewhere', () => {
  for (const { value, scope } of PLACEHOLDER_WORDS) {
    for (const spelled of [value, value.toUpperCase()]) {
      assert.ok(isPlaceholderOrDemo(SECRET, spelled), `${spelled}: insecureValue`);
      // Numbers are settings to weaknessOf (PORT=123456); the detectors' check still knows them.
      if (!/^\d+$/.test(spelled)) assert.ok(secretPlaceholder(spelled), `${spelled}: a secret's placeholder`);
      assert.equal(isPlaceholder(spelled), scope === 'any', `${spelled}: completion (${scope})`);
      assert.equal(inserted('APP_SETTING', spelled), scope === 'any' ? undefined : spelled, `${spelled}: inserted`);
    }
  }
});

test('completion and insecureValue agree on every shared placeholder shape', () => {
  for (const { pattern, scope, example } of PLACEHOLDER_SHAPES) {
    assert.match(example, pattern);
    assert.ok(secretPlaceholder(example), `${example}: a secret's placeholder`);
    assert.equal(isPlaceholder(example), scope === 'any', `${example}: completion (${scope})`);
    assert.equal(inserted('APP_SETTING', example), scope === 'any' ? undefined : example, `${example}: inserted`);
  }
});

test('words ignore case and separators; shapes and words are bounded; the name counts only for a secret', () => {
  for (const value of ['Change Me', 'CHANGE.ME', 'to-do', 'Not_Set', ' changeme ']) assert.ok(isPlaceholder(value), value);
  assert.equal(placeholderOf('changeit')?.source, 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html');
  assert.equal(placeholderOf(`<${'a'.repeat(300)}>`), undefined, 'longer than anyone types a placeholder');
  assert.ok(placeholderOf('api_secret', SECRET));
  assert.equal(placeholderOf('api_secret'), undefined);
  for (const value of ['todo-app', 'placeholder.png', 'my-app', 'test', 'admin', 'django.core.cache.backends.dummy.DummyCache']) assert.ok(!isPlaceholder(value), value);
});
