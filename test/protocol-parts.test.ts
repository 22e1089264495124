/** Unit tests of protocol-layer parts that need no connection: glob bounds, range clamping, snapshots, invalidSchema. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { globProblem, SchemaGlobs } from '../server/src/node/schemaGlobs';
import { updateClamped } from '../server/src/protocol/documents';
import { localPathOf } from '../server/src/protocol/uris';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/lspClient';
import { builtinSchemaFiles } from '../server/src/service/schema/builtin';
import { composeSchemas } from '../server/src/service/schema/compose';
import { invalidSchemaDiagnostics } from '../server/src/service/schema/invalidSchema';
import { schemaKnows, schemasFromIndex, splitSchemas, variableCountOf, type BuiltinIndex, type SchemaBody } from '../server/src/service/schema/builtinIndex';

test('schema globs: ordinary globs pass, costly ones are refused with a reason', () => {
  for (const glob of ['backend/.env*', '**/.env.*', '{apps,services}/*/.env', '.env', 'a/**/b/**/*.env']) assert.equal(globProblem(glob), undefined, glob);
  assert.match(globProblem('x'.repeat(1001)) ?? '', /longer than/);
  assert.match(globProblem(`${'*a'.repeat(8)}b`) ?? '', /one path segment/);
  assert.match(globProblem(Array.from({ length: 14 }, () => '*.x').join('/')) ?? '', /more than 12 wildcards/);
  const globs = new SchemaGlobs({ 'neosync/api': ['backend/.env*', '*a*a*a*a*a*b'], flux: '+(a|aa)' });
  assert.deepEqual(globs.refused.map((r) => r.id), ['neosync/api']);
  assert.deepEqual(globs.match('/ws/backend/.env.local', '/ws').ids, ['neosync/api']);
  // Extglobs are off: `+(a|aa)` is not a backtracking group.
  assert.deepEqual(globs.match('/ws/aaaa', '/ws').ids, []);
});

test('range clamping: a change past the last line lands at the end, as in VS Code', () => {
  const doc = TextDocument.create('file:///x.env', 'dotenv', 1, 'A=1\n');
  updateClamped(doc, [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'B=2\n' }], 2);
  updateClamped(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '' }], 3);
  assert.equal(doc.getText(), 'A=1\nB=2\n');
  assert.equal(doc.lineCount, 3);
  assert.deepEqual(doc.positionAt(6), { line: 1, character: 2 });
  // A reversed range is applied as its normal form; several changes apply in turn.
  updateClamped(doc, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 0 } }, text: 'C=3' }, { range: { start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, text: '0' }], 4);
  assert.equal(doc.getText(), 'A=10\nC=3\n');
  assert.equal(doc.version, 4);
});

test('only a local file: URI has a path; others never throw', () => {
  assert.equal(localPathOf('file:///tmp/a/.env'), '/tmp/a/.env');
  for (const uri of ['vscode-vfs://github/o/r/.env', 'untitled:Untitled-1', 'file:///tmp/a%2Fb/.env', 'file://%2Ftmp/.env', 'file:']) {
    assert.doesNotThrow(() => localPathOf(uri));
  }
  assert.equal(localPathOf('vscode-vfs://github/o/r/.env'), undefined);
  assert.equal(localPathOf('file:///tmp/a%2Fb/.env'), undefined);
});

test('builtin schema index and bodies: what the bundles load equals what composition gives, each body read on first use', () => {
  const { schemas, problems } = composeSchemas(builtinSchemaFiles());
  assert.deepEqual(problems, []);
  const { index, bodies } = splitSchemas(schemas, builtinSchemaFiles().map((f) => f.json));
  const read: string[] = [];
  const loaded = schemasFromIndex(JSON.parse(JSON.stringify(index)) as BuiltinIndex, (file) => {
    read.push(file);
    return JSON.parse(JSON.stringify(bodies.get(file))) as SchemaBody;
  });
  assert.deepEqual([...loaded.keys()], [...schemas.keys()]);
  const api = loaded.get('neosync/api')!;
  assert.equal(api.title, schemas.get('neosync/api')!.title);
  assert.ok(schemaKnows(api, 'DB_HOST') && !schemaKnows(api, 'NO_SUCH_NAME'));
  assert.equal(variableCountOf(api), schemas.get('neosync/api')!.variables.length);
  assert.deepEqual(read, [], 'summaries, names and counts need no body');
  assert.deepEqual(loaded, schemas);
  assert.equal(read.length, schemas.size, 'each body read once');
  for (const schema of loaded.values()) {
    for (const [alias, spec] of schema.byAlias) assert.ok(schema.variables.includes(spec), `${schema.id}: ${alias} points into variables`);
    for (const spec of schema.byName.values()) assert.ok(schema.variables.includes(spec));
  }
  assert.ok(index.fragments.some((f) => f.id === 'authjs'), 'fragment headers for pickers');
});

test('dist/schemas (written by the build) holds the composition of every file in schemas/', () => {
  const dist = join(REPO_ROOT, 'dist', 'schemas');
  const { schemas } = composeSchemas(builtinSchemaFiles());
  const index = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')) as BuiltinIndex;
  const built = schemasFromIndex(index, (file) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as SchemaBody);
  assert.deepEqual(built, schemas);
  assert.deepEqual(JSON.parse(readFileSync(join(dist, 'sources.json'), 'utf8')), JSON.parse(JSON.stringify(builtinSchemaFiles())));
});

test('invalidSchema diagnostics: one builder, positions on the schema file', () => {
  const text = '{\n  "id": 1\n}\n';
  const [d] = invalidSchemaDiagnostics(text, [{ start: 10, end: 11, message: 'id: must be string.' }]);
  assert.deepEqual(d, { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, severity: 1, source: 'envls', code: 'invalidSchema', message: 'id: must be string.' });
  assert.deepEqual(invalidSchemaDiagnostics('', [{ start: 0, end: 0, message: 'Cannot read' }])[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});
