/**
 * Cloaking (service/cloak.ts): the value ranges an editor hides, by mode; and the schema catalog
 * (service/schemaCatalog.ts) that "Select schema…" lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnv } from '../server/src/service/parser/parse';
import { cloakRanges, readCloakMode } from '../server/src/service/cloak';
import { SchemaSet } from '../server/src/service/schema/schemaSet';
import { schemaCatalog } from '../server/src/service/schemaCatalog';
import { builtinSchemaFiles, builtinSchemas } from '../server/src/service/schema/builtin';
import { makeSchema } from './support/testSchema';

const set = new SchemaSet([
  makeSchema('test/app', [
    { name: 'SIGNING', type: 'secret', sensitive: true },
    { name: 'LOG_LEVEL' },
    { name: 'SESSION_TTL', type: 'integer' },
  ]),
]);
const none = new SchemaSet([]);

/** The text each range covers (ranges may span lines). */
function cloaked(text: string, schemas = set, mode: 'sensitive' | 'all' | 'off' = 'sensitive'): string[] {
  const doc = parseEnv(text);
  return cloakRanges(doc, schemas, mode).map((r) => text.slice(doc.lineStarts[r.start.line] + r.start.character, doc.lineStarts[r.end.line] + r.end.character));
}

test('sensitive mode: values secret by schema, by a secret-looking name, or embedding a credential', () => {
  const text = [
    'SIGNING=abc123',
    'LOG_LEVEL=debug',
    'SESSION_TTL=3600',
    'GITHUB_TOKEN=ghp_x',
    'DATABASE_URL=postgres://app:hunter2@db:5432/app',
    'PUBLIC_URL=https://example.com/path@x',
    'DB_URL=${VAULT_DB_PASSWORD:-hunter2}',
  ].join('\n');
  assert.deepEqual(cloaked(text), ['abc123', 'ghp_x', 'postgres://app:hunter2@db:5432/app', '${VAULT_DB_PASSWORD:-hunter2}']);
});

test('the value as written is covered: quotes, and every line of a multi-line value; comments and keys are not', () => {
  const text = 'API_SECRET="line one\nline two"  # rotated monthly\nexport DB_PASSWORD=\'p w\' # shared\nKEY=v # c\n';
  assert.deepEqual(cloaked(text, none), ['"line one\nline two"', "'p w'", 'v']);
});

test('every line setting a sensitive name is cloaked, the duplicate dotenv ignores included', () => {
  assert.deepEqual(cloaked('SIGNING=old\nSIGNING=new\n'), ['old', 'new']);
});

test('empty values give no range; `all` covers every value; `off` none', () => {
  const text = 'SIGNING=\nLOG_LEVEL=debug\nSIGNING=""\n';
  assert.deepEqual(cloaked(text), ['""']);
  assert.deepEqual(cloaked(text, set, 'all'), ['debug', '""']);
  assert.deepEqual(cloaked(text, set, 'off'), []);
});

test('ranges are LSP positions (UTF-16 characters, CRLF lines)', () => {
  const doc = parseEnv('A=1\r\nMY_SECRET=é😀x\r\n');
  assert.deepEqual(cloakRanges(doc, none, 'sensitive'), [{ start: { line: 1, character: 10 }, end: { line: 1, character: 14 } }]);
});

test('an unknown mode reads as the default, so a typo never shows secrets', () => {
  assert.equal(readCloakMode('all'), 'all');
  assert.equal(readCloakMode('off'), 'off');
  assert.equal(readCloakMode('Off'), 'sensitive');
  assert.equal(readCloakMode(undefined), 'sensitive');
});

test('schema catalog: every builtin schema, then the fragments marked, each with its documentation page', () => {
  const catalog = schemaCatalog(builtinSchemas(), builtinSchemaFiles());
  const ids = catalog.map((s) => s.id);
  for (const id of builtinSchemas().keys()) assert.ok(ids.includes(id), id);
  const fragments = catalog.filter((s) => s.fragment).map((s) => s.id);
  assert.deepEqual(fragments, ['authjs', 'node-tls', 'otel']);
  assert.equal(new Set(ids).size, ids.length, 'each id once');
  assert.deepEqual(ids.slice(0, -3), [...ids.slice(0, -3)].sort(), 'sorted by id');
  const api = catalog.find((s) => s.id === 'neosync/api')!;
  assert.equal(api.title, 'Neosync backend API');
  assert.equal(api.fragment, false);
  assert.match(api.documentation ?? '', /^https:\/\/docs\.neosync\.dev\//);
  assert.equal(catalog.find((s) => s.id === 'authjs')!.documentation, 'https://authjs.dev/guides/environment-variables');
});
