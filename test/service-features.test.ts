import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnv } from '../server/src/service/parser/parse';
import { getCompletions, resolveCompletion } from '../server/src/service/completion';
import { getHover } from '../server/src/service/hover';
import { SchemaSet, schemaSetFor } from '../server/src/service/schema/schemaSet';
import { resolveBinding } from '../server/src/service/binding';
import { makeSchema } from './support/testSchema';

const schema = makeSchema('test/app', [
  { name: 'DB_HOST', required: { kind: 'always' }, description: 'The database host' },
  { name: 'DB_PORT', type: 'port', default: '5432' },
  { name: 'LOG_LEVEL', type: 'enum', values: ['DEBUG', 'INFO'] },
  { name: 'FLAG', type: 'boolean', boolean: 'go' },
  { name: 'AUTH_SECRET', type: 'secret', sensitive: true, aliases: ['NEXTAUTH_SECRET'], constraints: { minLength: 32 } },
  { name: 'OLD', deprecated: { replacement: 'DB_HOST', renameSafe: true, message: 'Renamed.' } },
]);
const set = new SchemaSet([schema]);
const withLookAlike = new SchemaSet([makeSchema('test/looks', [{ name: 'API_BASE' }], [{ name: 'API_BASE', meant: 'SERVICE_URL', message: 'API_BASE is the control plane, SERVICE_URL your project.' }])]);

function labels(text: string, line: number, character: number, schemas = set): string[] {
  return getCompletions(parseEnv(text), schemas, { line, character }).items.map((i) => i.label);
}

test('name completion: schema variables, required first, already-set names left out', () => {
  const items = getCompletions(parseEnv('DB_PORT=1\nD'), set, { line: 1, character: 1 }).items;
  const names = items.map((i) => i.label);
  assert.ok(!names.includes('DB_PORT'), 'set elsewhere');
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].label, 'DB_HOST');
  const host = items.find((i) => i.label === 'DB_HOST')!;
  assert.equal((host.textEdit as any).newText, 'DB_HOST=$0');
  assert.match((resolveCompletion(host, set).documentation as any).value, /The database host/);
  const withDefault = getCompletions(parseEnv(''), set, { line: 0, character: 0 }).items.find((i) => i.label === 'DB_PORT')!;
  assert.equal((withDefault.textEdit as any).newText, 'DB_PORT=${1:5432}');
  // The key being edited on its own line is still offered.
  assert.ok(labels('DB_PORT=1', 0, 3).includes('DB_PORT'));
});

test('value completion: enum values, boolean spellings, a generated secret', () => {
  assert.deepEqual(labels('LOG_LEVEL=', 0, 10), ['DEBUG', 'INFO']);
  assert.ok(labels('FLAG=', 0, 5).includes('true'));
  // Django's spellings: the canonical pair first, then the rest.
  const django = makeSchema('test/django', [{ name: 'DEBUG_ON', type: 'boolean', boolean: 'django' }]);
  const items = getCompletions(parseEnv('DEBUG_ON='), schemaSetFor([django]), { line: 0, character: 9 }).items;
  const ordered = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map((i) => i.label);
  assert.deepEqual(ordered.slice(0, 2), ['true', 'false']);
  assert.ok(ordered.includes('yes') && ordered.indexOf('yes') > 1);
  const secret = getCompletions(parseEnv('AUTH_SECRET='), set, { line: 0, character: 12 }).items[0];
  assert.equal(secret.label, 'Generate a strong random value');
  assert.ok((secret.textEdit as any).newText.length >= 32);
});

test('reference completion works without a schema, and masks sensitive values', () => {
  const empty = new SchemaSet([]);
  const items = getCompletions(parseEnv('HOST=db\nAUTH_SECRET=s3cret\nURL=${'), empty, { line: 2, character: 6 }).items;
  assert.deepEqual(items.map((i) => i.label), ['HOST', 'AUTH_SECRET']);
  assert.equal(items[0].detail, 'db');
  assert.doesNotMatch(String(items[1].detail), /s3cret/);
  assert.deepEqual(labels('A=1\nB=$', 1, 3, empty), ['A']);
});

test('hover on a key: description, facts, legacy name; never a sensitive value', () => {
  const text = 'DB_PORT=5432\nNEXTAUTH_SECRET=hunter2hunter2hunter2\nOLD=x\n';
  const doc = parseEnv(text);
  const port = getHover(doc, set, { line: 0, character: 2 })!;
  assert.match((port.contents as any).value, /^\*\*DB_PORT\*\* · Test test\/app · port · optional · default `5432`\n[\s\S]*dotenv reads: `` 5432 ``/);
  const legacy = (getHover(doc, set, { line: 1, character: 3 })!.contents as any).value;
  assert.match(legacy, /`NEXTAUTH_SECRET` is a legacy name of `AUTH_SECRET`/);
  assert.doesNotMatch(legacy, /hunter2/);
  assert.match((getHover(doc, set, { line: 2, character: 1 })!.contents as any).value, /Deprecated/);
  assert.equal(getHover(doc, set, { line: 5, character: 0 }), null);
});

test('binding precedence: comment, then external ids, then detection', () => {
  const available = new Map([[schema.id, schema]]);
  const detect = () => [{ id: 'test/app', confidence: 'weak' as const, reason: 'names' }];
  const commented = resolveBinding({ doc: parseEnv('# envls-schema: test/app, nope/x\nA=1\n'), available, externalIds: ['other'], detect });
  assert.equal(commented.source, 'comment');
  assert.deepEqual(commented.schemas.map((s) => s.id), ['test/app']);
  assert.deepEqual(commented.unknownIds.map((u) => u.id), ['nope/x']);
  assert.deepEqual(commented.unknownIds[0].span, { start: 26, end: 32 });
  const external = resolveBinding({ doc: parseEnv('A=1\n'), available, externalIds: ['test/app'], detect });
  assert.equal(external.source, 'setting');
  const detected = resolveBinding({ doc: parseEnv('A=1\n'), available, detect });
  assert.equal(detected.source, 'detected');
  assert.equal(detected.certainty, 'weak');
  assert.equal(resolveBinding({ doc: parseEnv('A=1\n'), available }).source, 'none');
});

test('hover shows the product\'s look-alike note on a known name', () => {
  const value = (getHover(parseEnv('API_BASE=x\n'), withLookAlike, { line: 0, character: 1 })!.contents as any).value;
  assert.match(value, /Looks alike\*\* \(often confused with `SERVICE_URL`\): API_BASE is the control plane/);
});
