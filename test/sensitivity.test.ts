/**
 * Secrets are never shown (issue 8, defect 6): sensitive by schema, by a
 * secret-looking name, or by a value that embeds a credential (a URL password,
 * a secret's default in a reference). One decision in sensitivity.ts, used by
 * hover, completion and the outline; checked at every position of a fixture
 * full of secrets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnv } from '../server/src/service/parser/parse';
import { getHover } from '../server/src/service/hover';
import { getCompletions, resolveCompletion } from '../server/src/service/completion';
import { getDocumentSymbols } from '../server/src/service/symbols';
import { SchemaSet } from '../server/src/service/schema/schemaSet';
import { embedsCredential, redactUrlPasswords, sensitivityOf, shownValue } from '../server/src/service/sensitivity';
import type { EnvDocument } from '../server/src/service/parser/model';
import { positionAt } from '../server/src/service/positions';
import { makeSchema } from './support/testSchema';

const none = new SchemaSet([]);

function hoverText(text: string, offset: number, schemas = none): string {
  const doc = parseEnv(text);
  const hover = getHover(doc, schemas, positionAt(doc, offset));
  return hover ? (hover.contents as { value: string }).value : '';
}

test('sensitivityOf: by schema, by name, by a credential in the value', () => {
  const schemas = new SchemaSet([makeSchema('t/s', [{ name: 'PLAIN_NAME', sensitive: true }, { name: 'SIGNING', type: 'secret' }])]);
  assert.equal(sensitivityOf('PLAIN_NAME', 'x', schemas), 'schema');
  assert.equal(sensitivityOf('SIGNING', 'x', schemas), 'schema');
  assert.equal(sensitivityOf('GITHUB_TOKEN', 'x', none), 'name');
  assert.equal(sensitivityOf('DATABASE_URL', 'postgres://app:pw@db/app', none), 'value');
  assert.equal(sensitivityOf('REDIS_URL', 'redis://:pw@host:6379', none), 'value');
  assert.equal(sensitivityOf('X', '${VAULT_DB_PASSWORD:-hunter2}', none), 'value');
  assert.equal(sensitivityOf('SITE', 'https://example.com:8443/a', none), undefined);
  assert.equal(sensitivityOf('DATABASE_URL', 'postgres://app@db/app', none), undefined, 'a user without a password');
  assert.equal(sensitivityOf('X', '${HOST:-localhost}', none), undefined);
});

test('a URL is shown with its password replaced, never the password', () => {
  assert.equal(redactUrlPasswords('postgres://app:pw@db/app'), 'postgres://app:••••@db/app');
  assert.equal(redactUrlPasswords('redis://:pw@host:6379/0'), 'redis://:••••@host:6379/0');
  assert.equal(redactUrlPasswords('amqp://u:p@ss/w@rd@mq:5672'), 'amqp://u:••••@mq:5672', 'unencoded / and @ in the password');
  assert.equal(redactUrlPasswords('a=mysql://r:x1@h,b=mongodb+srv://m:x2@c/d'), 'a=mysql://r:••••@h,b=mongodb+srv://m:••••@c/d');
  assert.equal(redactUrlPasswords('https://example.com:8443/a'), 'https://example.com:8443/a');
  assert.ok(embedsCredential('sentry+https://k:s@o.ingest/1'));
  assert.equal(shownValue('X', '${VAULT_DB_PASSWORD:-hunter2}', none), '${VAULT_DB_PASSWORD:-••••}');
  assert.equal(shownValue('X', '${A:-${VAULT_TOKEN:-t0k}}', none), '${A:-${VAULT_TOKEN:-••••}}');
});

test('regression: hovering ${VAULT_DB_PASSWORD:-hunter2} does not show the default', () => {
  const text = 'X=${VAULT_DB_PASSWORD:-hunter2}\n';
  for (const offset of [text.indexOf('VAULT') + 1, text.indexOf('hunter2') + 2, 0]) {
    const value = hoverText(text, offset);
    assert.ok(value.length > 0, `a hover at ${offset}`);
    assert.ok(!value.includes('hunter2'), `hover at ${offset} shows the default: ${value}`);
  }
  // Nor when the default is itself a credential, or the entry holding the reference is a secret.
  assert.ok(!hoverText('X=${DB:-mysql://root:rootpw1@h/db}\n', 5).includes('rootpw1'));
  assert.ok(!hoverText('API_SECRET=${SEED:-seedvalue9}\n', 14).includes('seedvalue9'));
});

test('regression: without a schema, URL passwords stay out of hover, outline and ${ completion', () => {
  const text = 'DATABASE_URL=postgres://app:pg-pass-1@db/app\nREDIS_URL=redis://:redis-pass-2@host:6379\nLINK=${\n';
  const doc = parseEnv(text);
  const secrets = ['pg-pass-1', 'redis-pass-2'];
  const results = [
    getHover(doc, none, { line: 0, character: 2 }),
    getHover(doc, none, { line: 1, character: 2 }),
    getDocumentSymbols(doc, none),
    getCompletions(doc, none, { line: 2, character: 7 }),
  ];
  const json = JSON.stringify(results);
  for (const secret of secrets) assert.ok(!json.includes(secret), `${secret} shown: ${json}`);
  // What is shown is still useful: the URL without its password.
  assert.match(JSON.stringify(results[0]), /postgres:\/\/app:••••@db\/app/);
  const detail = (results[3] as { items: { label: string; detail?: string }[] }).items.find((i) => i.label === 'REDIS_URL')!.detail;
  assert.equal(detail, 'redis://:••••@host:6379');
});

test('reference hover: the value the reference expands to there, masked when sensitive', () => {
  const text = 'HOST=db.internal\nURL=http://${HOST}/x\nDB_PASSWORD=pw-xyz-7\nDSN_PART=${DB_PASSWORD}\n';
  assert.match(hoverText(text, text.indexOf('HOST}') + 1), /Expands here to: `` db\.internal ``/);
  const secret = hoverText(text, text.indexOf('DB_PASSWORD}') + 1);
  assert.match(secret, /Expands here to: `` •••••••• \(hidden: sensitive\) ``/);
  assert.ok(!secret.includes('pw-xyz-7'));
  // Inside a secret's value, what a reference stands for is part of the secret.
  const inSecret = hoverText('SEED=seed-value-12\nAPP_SECRET=${SEED}\n', 'SEED=seed-value-12\nAPP_SECRET=${S'.length);
  assert.match(inSecret, /Defined on line 1/);
  assert.ok(!inSecret.includes('seed-value-12'), inSecret);
  // dotenv-expand's order: a later definition is not what an earlier reference sees.
  assert.doesNotMatch(hoverText('A=${B}\nB=late\n', 4), /Expands here to/);
});

/** A fixture full of secrets, every kind: schema, name, URL credentials, defaults in references. */
const SECRETS = ['schema-pass-1', 'schema-default-2', 'schema-example-3', 'name-token-4', 'url-pass-5', 'url-pass-6', 'hunter2x', 'dflt-7', 'nested-8', 'url-default-9', 'example-url-10', 'alias-secret-11'];
const fixture = [
  '# envls-schema: t/secrets',
  'DB_PASS=schema-pass-1',
  'LEGACY_SIGNING=alias-secret-11',
  'MY_API_TOKEN=name-token-4',
  'export DATABASE_URL="postgres://app:url-pass-5@db:5432/app"',
  "REDIS_URL: redis://:url-pass-6@cache:6379",
  'X=${VAULT_DB_PASSWORD:-hunter2x}',
  'API_SECRET=${SEED:-dflt-7}',
  'Y=${A:-${VAULT_TOKEN:-nested-8}}',
  'Z=${UNSET:-mysql://root:url-default-9@h/db}',
  'OPTS="password=${DB_PASS} url=${DATABASE_URL}"',
  'MULTI="line one',
  'line ${MY_API_TOKEN} two"',
  'LOG_LEVEL=',
  'SIGNING=',
  'CONN=',
  '',
  'DB_',
  '',
].join('\n');
const secretSchema = new SchemaSet([
  makeSchema('t/secrets', [
    { name: 'DB_PASS', sensitive: true, default: 'schema-default-2', examples: ['schema-example-3'] },
    { name: 'SIGNING', type: 'secret', aliases: ['LEGACY_SIGNING'] },
    { name: 'LOG_LEVEL', type: 'enum', values: ['debug', 'info'], examples: ['info'] },
    { name: 'CONN', type: 'url', examples: ['postgres://u:example-url-10@h/db', 'postgres://localhost/db'] },
  ]),
]);

function assertNoSecret(what: string, result: unknown, secrets: string[]): void {
  const json = JSON.stringify(result) ?? '';
  for (const secret of secrets) assert.ok(!json.includes(secret), `${what} shows ${secret}: ${json}`);
}

function everyPosition(doc: EnvDocument, visit: (position: { line: number; character: number }) => void): void {
  for (let offset = 0; offset <= doc.text.length; offset++) visit(positionAt(doc, offset));
}

test('no secret in hover, completion (both list shapes, resolved too) or outline, at any position', () => {
  // Without the schema, LEGACY_SIGNING is a name like any other: its value may be shown.
  for (const [schemas, secrets] of [[secretSchema, SECRETS], [none, SECRETS.filter((s) => s !== 'alias-secret-11')]] as const) {
    const check = (what: string, result: unknown) => assertNoSecret(what, result, [...secrets]);
    const doc = parseEnv(fixture);
    let hovers = 0;
    let items = 0;
    everyPosition(doc, (position) => {
      const hover = getHover(doc, schemas, position);
      if (hover) hovers++;
      check(`hover at ${JSON.stringify(position)}`, hover);
      for (const itemDefaults of [[], ['editRange', 'insertTextFormat', 'data', 'commitCharacters']]) {
        const list = getCompletions(doc, schemas, position, { uri: 'file:///x/.env', itemDefaults });
        items += list.items.length;
        check(`completion at ${JSON.stringify(position)}`, list);
        check(`resolved completion at ${JSON.stringify(position)}`, list.items.map((i) => resolveCompletion({ ...i, data: i.data ?? list.itemDefaults?.data }, schemas)));
      }
    });
    check('document symbols', getDocumentSymbols(doc, schemas));
    // The test drove real answers: hovers on every key and reference, lists of names, values and references.
    assert.ok(hovers > 100 && items > 500, `${hovers} hovers, ${items} items`);
  }
});
