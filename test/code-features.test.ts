// The code bridge's features on the pure service, from hand-built CodeFileReads and ReadSites (the
// code index's output shape): completion, hover, definition in code files; unsetVariable; in env
// files references, rename, unusedVariable and "read in N places".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticTag, type CompletionItem, type MarkupContent, type TextDocumentEdit } from 'vscode-languageserver-types';
import { ProjectModel } from '../server/src/service/project/model';
import { projectContextFor } from '../server/src/service/project/context';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate } from '../server/src/service/validate';
import { getHover } from '../server/src/service/hover';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { codeContextFor } from '../server/src/service/code/context';
import { codeUsageOf } from '../server/src/service/code/usage';
import { codeCompletion, resolveCodeCompletion } from '../server/src/service/code/codeCompletion';
import { codeHover } from '../server/src/service/code/codeHover';
import { codeDefinition } from '../server/src/service/code/codeDefinition';
import { unsetDiagnostics } from '../server/src/service/code/unsetDiagnostics';
import { referencesWithCode, renameWithCode } from '../server/src/service/code/envNavigation';
import { isRefusal } from '../server/src/service/navigation';
import type { CodeFileReads, EnvRead } from '../server/src/service/code/types';
import { makeSchema } from './support/testSchema';
import { DEFAULT_CODE_LANGUAGES, readSettings } from '../server/src/protocol/settings';

const read = (name: string, line: number, character: number, extra: Partial<EnvRead> = {}): EnvRead => ({
  name,
  range: { start: { line, character }, end: { line, character: character + name.length } },
  hasFallback: false,
  kind: 'read',
  ...extra,
});

const FILES = {
  'package.json': '{"dependencies":{"dotenv":"16"}}',
  '.env': '# the database\nDATABASE_URL=postgres://app:hunter2@db/app\nAPI_TOKEN=tok-123456\nPORT=3000\n',
  '.env.example': '# Port the server listens on\nPORT=\nDATABASE_URL=\nFEATURE_X=\n',
};
const neosync = makeSchema('test/neosync', [
  { name: 'DB_HOST', description: 'The database host Neosync connects to.', default: 'localhost' },
  { name: 'DB_NAME', description: 'The database name.' },
]);

// src/index.ts: line 0 `const url = process.env.DATABASE_URL;`, line 1 `process.env.PORT ?? 3000`, line 2 `process.env.MISSING`
const INDEX: CodeFileReads = {
  path: 'src/index.ts',
  language: 'typescript',
  reads: [read('DATABASE_URL', 0, 24), read('PORT', 1, 12, { hasFallback: true }), read('MISSING', 2, 12), read('DB_NAME', 3, 12), read('FEATURE_X', 4, 12)],
};
const WORKER: CodeFileReads = { path: 'worker.py', language: 'python', reads: [read('DATABASE_URL', 2, 11)] };

function setup(files: Record<string, string> = FILES, code: CodeFileReads[] = [INDEX, WORKER], complete = true) {
  const model = new ProjectModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  const usage = codeUsageOf(code, complete);
  const ctx = codeContextFor(model, 'src/index.ts', schemaSetFor([neosync]), usage);
  return { model, usage, ctx };
}
const uriOf = (path: string) => `file:///ws/${path}`;
const markdown = (value: unknown) => (value as MarkupContent).value;

test('completion at a read site: the env files\' names, the example\'s, then the schema\'s, each saying where it comes from', () => {
  const { ctx } = setup();
  const site = { prefix: 'DA', replace: { start: { line: 5, character: 12 }, end: { line: 5, character: 14 } } };
  const list = codeCompletion(ctx, site, { uri: 'file:///ws/src/index.ts' });
  const byLabel = new Map(list.items.map((i) => [i.label, i]));
  assert.deepEqual(list.items.map((i) => i.label).sort(), ['API_TOKEN', 'DATABASE_URL', 'DB_HOST', 'DB_NAME', 'FEATURE_X', 'PORT']);
  assert.equal(byLabel.get('DATABASE_URL')!.detail, 'from .env');
  assert.equal(byLabel.get('FEATURE_X')!.detail, 'listed in .env.example');
  assert.equal(byLabel.get('DB_HOST')!.detail, 'Test test/neosync · string');
  assert.ok(byLabel.get('PORT')!.sortText! < byLabel.get('FEATURE_X')!.sortText! && byLabel.get('FEATURE_X')!.sortText! < byLabel.get('DB_HOST')!.sortText!);
  assert.deepEqual(byLabel.get('PORT')!.textEdit, { range: site.replace, newText: 'PORT' });
  assert.equal(byLabel.get('PORT')!.documentation, undefined, 'documentation comes on resolve');
  const resolved = resolveCodeCompletion({ ...byLabel.get('PORT')! } as CompletionItem, ctx);
  assert.match(markdown(resolved.documentation), /Port the server listens on/);
  assert.match(markdown(resolved.documentation), /default: `` 3000 `` from \.env/);
  for (const item of list.items) assert.ok(!JSON.stringify(item).includes('hunter2') && !JSON.stringify(item).includes('tok-123456'));
  const secret = resolveCodeCompletion({ label: 'API_TOKEN' }, ctx);
  assert.ok(!markdown(secret.documentation).includes('tok-123456'), 'a secret value is masked');
});

test('completion: a bare site (process.env.X) offers only identifier names; itemDefaults carry the shared range', () => {
  const { ctx } = setup({ ...FILES, '.env': 'my-key=1\nGOOD=2\n' });
  const site = { prefix: '', replace: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } } };
  const bare = codeCompletion(ctx, site).items.map((i) => i.label);
  assert.ok(bare.includes('GOOD') && !bare.includes('my-key'));
  const quoted = codeCompletion(ctx, { ...site, quote: "'" }).items.map((i) => i.label);
  assert.ok(quoted.includes('my-key'));
  const packed = codeCompletion(ctx, site, { itemDefaults: ['editRange', 'data'], uri: 'u' });
  assert.deepEqual(packed.itemDefaults, { editRange: site.replace, data: { context: 'code', uri: 'u' } });
  assert.equal(packed.items[0].textEdit, undefined);
});

test('hover on a read: documentation, the value per mode masked when sensitive, its file; "not set in any env file"', () => {
  const { ctx } = setup();
  const url = markdown(codeHover(ctx, INDEX.reads, { line: 0, character: 30 })!.contents);
  assert.match(url, /\*\*DATABASE_URL\*\*/);
  assert.match(url, /postgres:\/\/app:••••@db\/app/);
  assert.ok(!url.includes('hunter2'));
  assert.match(url, /from \.\.?\/?\.env|from \.env/);
  const missing = markdown(codeHover(ctx, INDEX.reads, { line: 2, character: 12 })!.contents);
  assert.match(missing, /Not set in any env file/);
  const listed = markdown(codeHover(ctx, INDEX.reads, { line: 4, character: 14 })!.contents);
  assert.match(listed, /Not set in any env file \(listed in \.env\.example\)/);
  const schema = markdown(codeHover(ctx, INDEX.reads, { line: 3, character: 13 })!.contents);
  assert.match(schema, /The database name/);
  assert.equal(codeHover(ctx, INDEX.reads, { line: 0, character: 3 }), null, 'not on a read');
});

test('definition from a read: the winning env line first; the example line when that is all there is; [] when nothing defines it', () => {
  // Next.js loads .env.local before .env: its line wins.
  const files = { ...FILES, 'package.json': '{"dependencies":{"next":"15"}}', '.env.local': 'PORT=4000\n' };
  const { ctx } = setup(files);
  const port = codeDefinition(ctx, INDEX.reads, { line: 1, character: 13 }, uriOf)!;
  assert.deepEqual(port.map((l) => [l.uri, l.range.start.line]), [[uriOf('.env.local'), 0], [uriOf('.env'), 3]]);
  const feature = codeDefinition(ctx, INDEX.reads, { line: 4, character: 12 }, uriOf)!;
  assert.deepEqual(feature, [{ uri: uriOf('.env.example'), range: { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } } }]);
  assert.deepEqual(codeDefinition(ctx, INDEX.reads, { line: 2, character: 12 }, uriOf), []);
  assert.equal(codeDefinition(ctx, INDEX.reads, { line: 9, character: 0 }, uriOf), null);
});

test('unsetVariable: a read without fallback that nothing of the app defines; fallbacks, schema defaults, compose sets and system names are not', () => {
  const compose: CodeFileReads = { path: 'docker-compose.yml', language: 'dockercompose', reads: [read('FROM_COMPOSE', 3, 6, { kind: 'set' })] };
  const reads = [
    read('MISSING', 0, 0),
    read('MISSING_WITH_DEFAULT', 1, 0, { hasFallback: true }),
    read('DB_HOST', 2, 0),
    read('DB_NAME', 3, 0),
    read('FROM_COMPOSE', 4, 0),
    read('HOME', 5, 0),
    read('FEATURE_X', 6, 0),
  ];
  const { ctx } = setup(FILES, [INDEX, compose]);
  const text = 'x\n'.repeat(8);
  const found = unsetDiagnostics(ctx, reads, text);
  assert.deepEqual(found.map((d) => [d.range.start.line, d.code, d.severity, d.source]), [[0, 'unsetVariable', 3, 'envls'], [3, 'unsetVariable', 3, 'envls']]);
  assert.match(String(found[0].message), /MISSING is read without a fallback/);
  assert.ok(found[0].codeDescription?.href.endsWith('docs/rules/unsetVariable.md'));
  // A disable comment on the line above, a severity setting, an incomplete index, an app without env files.
  assert.equal(unsetDiagnostics(ctx, reads, '# envls-disable-next-line unsetVariable\nx\nx\nx\n').filter((d) => d.range.start.line === 0).length, 1, 'line 0 has no line above');
  assert.deepEqual(unsetDiagnostics(ctx, reads, 'x\nx\n// envls-disable-next-line unsetVariable\nx\n').map((d) => d.range.start.line), [0]);
  assert.equal(unsetDiagnostics(ctx, reads, text, { severities: { unsetVariable: 'off' } }).length, 0);
  assert.equal(unsetDiagnostics(ctx, reads, text, { severities: { unsetVariable: 'warning' } })[0].severity, 2);
  assert.equal(unsetDiagnostics(setup(FILES, [INDEX], false).ctx, reads, text).length, 0, 'not while the index is incomplete');
  assert.equal(unsetDiagnostics(setup({ 'package.json': '{}' }).ctx, reads, text).length, 0, 'not in an app without env files');
});

function envCheck(files: Record<string, string>, path: string, code: CodeFileReads[], complete = true, schemas = [neosync]) {
  const model = new ProjectModel(Object.entries(files).map(([p, text]) => ({ path: p, text })));
  const project = { ...projectContextFor(model, path)!, code: codeUsageOf(code, complete) };
  return { project, diagnostics: validate({ doc: parseEnv(files[path]), schemas, certainty: 'explicit', project }) };
}

test('unusedVariable: a key no code reads, hinted and tagged unnecessary; not for schema variables, referenced keys, an incomplete index or an app without code', () => {
  const files = { ...FILES, '.env': 'DATABASE_URL=x\nOLD_FLAG=1\nDB_HOST=db\nBASE=a\nDERIVED=${BASE}/b\n' };
  const unused = (d: ReturnType<typeof envCheck>['diagnostics']) => d.filter((x) => x.code === 'unusedVariable');
  const found = unused(envCheck(files, '.env', [INDEX, WORKER]).diagnostics);
  assert.deepEqual(found.map((d) => [d.range.start.line, d.severity, d.tags]), [[1, 4, [DiagnosticTag.Unnecessary]], [4, 4, [DiagnosticTag.Unnecessary]]]);
  assert.match(String(found[0].message), /No code of this app reads OLD_FLAG/);
  assert.equal(unused(envCheck(files, '.env', [INDEX], false).diagnostics).length, 0, 'incomplete index');
  assert.equal(unused(envCheck(files, '.env', []).diagnostics).length, 0, 'no code files');
  const compose: CodeFileReads = { path: 'docker-compose.yml', language: 'dockercompose', reads: [read('OLD_FLAG', 1, 1, { kind: 'set' })] };
  assert.ok(unused(envCheck(files, '.env', [compose]).diagnostics).some((d) => d.range.start.line === 1), 'a compose environment key sets, it does not read');
  assert.equal(unused(envCheck(files, '.env.example', [INDEX]).diagnostics).length, 0, 'the example lists only variables the code reads');
});

test('hover on an env key says how many places of the code read it', () => {
  const { project } = envCheck(FILES, '.env', [INDEX, WORKER]);
  const doc = parseEnv(FILES['.env']);
  const hover = (line: number) => markdown(getHover(doc, schemaSetFor([]), { line, character: 1 }, project)!.contents);
  assert.match(hover(1), /Read in 2 places by the app's code: src\/index\.ts:1, worker\.py:3/);
  assert.match(hover(2), /Read by no code of the app/);
});

test('references from an env key include the code reads; rename edits every env file and every read, exactly', () => {
  const { usage } = setup();
  const env = { uri: uriOf('.env'), version: 3, doc: parseEnv(FILES['.env']) };
  const example = { uri: uriOf('.env.example'), version: null, doc: parseEnv(FILES['.env.example']) };
  const code = { usage, locate: (path: string) => ({ uri: uriOf(path), version: path === 'worker.py' ? 7 : null }) };
  const refs = referencesWithCode([env, example], { line: 1, character: 2 }, true, code)!;
  assert.deepEqual(refs.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [
    [uriOf('.env'), 1, 0], [uriOf('.env.example'), 2, 0], [uriOf('src/index.ts'), 0, 24], [uriOf('worker.py'), 2, 11],
  ]);
  const edit = renameWithCode([env, example], { line: 1, character: 2 }, 'DB_URL', { documentChanges: true }, code);
  assert.ok(!isRefusal(edit));
  const changes = (edit as { documentChanges: TextDocumentEdit[] }).documentChanges;
  assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, (e as { newText: string }).newText])]), [
    [uriOf('.env'), 3, [[1, 0, 12, 'DB_URL']]],
    [uriOf('.env.example'), null, [[2, 0, 12, 'DB_URL']]],
    [uriOf('src/index.ts'), null, [[0, 24, 36, 'DB_URL']]],
    [uriOf('worker.py'), 7, [[2, 11, 23, 'DB_URL']]],
  ]);
  const plain = renameWithCode([env], { line: 1, character: 2 }, 'DB_URL', { documentChanges: false }, code) as { changes: Record<string, unknown[]> };
  assert.deepEqual(Object.keys(plain.changes), [uriOf('.env'), uriOf('src/index.ts'), uriOf('worker.py')]);
  const badName = renameWithCode([env], { line: 1, character: 2 }, 'db-url', { documentChanges: true }, code);
  assert.ok(isRefusal(badName) && /cannot be read back by the code/.test(badName.refusal));
  const clash = renameWithCode([env], { line: 1, character: 2 }, 'MISSING', { documentChanges: true }, code);
  assert.ok(isRefusal(clash) && /already read by the code \(src\/index\.ts, line 3\)/.test(clash.refusal));
});

test('without a schema or an example line, the comments above the key in the env file document it', () => {
  const { ctx } = setup({ 'package.json': '{}', '.env': '# Where the orders service is\nORDERS_URL=http://orders\n' });
  const doc = markdown(resolveCodeCompletion({ label: 'ORDERS_URL' }, ctx).documentation);
  assert.match(doc, /From \.\.\/\.env: Where the orders service is|From \.env: Where the orders service is/);
});

test('settings: envls.code.enable defaults on, envls.code.languages to every code language; unknown ids dropped, bad shapes tolerated', () => {
  assert.deepEqual(readSettings({}).code, { enable: true, languages: [...DEFAULT_CODE_LANGUAGES] });
  assert.deepEqual(readSettings({ code: { enable: false, languages: ['python', 'cobol', 7] } }).code, { enable: false, languages: ['python'] });
  assert.deepEqual(readSettings({ code: 'yes' }).code, { enable: true, languages: [...DEFAULT_CODE_LANGUAGES] });
});
