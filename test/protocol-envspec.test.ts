/**
 * `.env.schema` (varlock's @env-spec) through the real server: the app's env files get
 * missingRequired, type errors, completion and hover from it, with secrets hidden; the
 * `.env.schema` itself gets decorator completion, hover with varlock's links, and a diagnostic
 * for an unknown decorator; editing it re-checks the open `.env`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { tempWorkspaces } from './support/tempWorkspace';
import { startServer, type Client } from './support/lspClient';

const { workspace, uriIn } = tempWorkspaces('envls-envspec');

async function withServer(root: string, run: (client: Client) => Promise<void>): Promise<void> {
  const client = await startServer({ rootPath: root, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

async function open(client: Client, root: string, path: string, languageId?: string): Promise<Diagnostic[]> {
  return (await client.open(join(root, path), readFileSync(join(root, path), 'utf8'), languageId)).diagnostics;
}

const messages = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.message);

async function hoverText(client: Client, uri: string, line: number, character: number): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return hover ? (hover.contents as MarkupContent).value : '';
}

async function completionLabels(client: Client, uri: string, line: number, character: number, triggerCharacter?: string): Promise<string[]> {
  const list = await client.request<CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
    ...(triggerCharacter ? { context: { triggerKind: 2, triggerCharacter } } : {}),
  });
  return (list?.items ?? []).map((item) => item.label);
}

// An app in the shape of varlock's docs example (https://varlock.dev/reference/item-decorators/).
const SCHEMA = [
  '# @defaultSensitive=false @defaultRequired=infer',
  '# @generateTypes(lang="ts", path="env.d.ts")',
  '# ---',
  '',
  '# Stripe secret api key',
  '# @required @sensitive @type=string(startsWith="sk_")',
  '# @docs(https://docs.stripe.com/keys)',
  'STRIPE_SECRET_KEY=',
  '',
  '# @type=port',
  'PORT=3000',
  '',
  '# @type=enum(development, staging, production)',
  'APP_ENV=development',
  '',
].join('\n');

const PACKAGE = '{ "name": "shop", "dependencies": { "varlock": "0.1.0" } }\n';

test('a .env beside a .env.schema: missingRequired, a type error, and the binding says where the schema comes from', async () => {
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': SCHEMA, '.env': 'PORT=80a\nAPP_ENV=prod\n' });
  await withServer(root, async (client) => {
    const binding = client.notification<{ uri: string; schemas: { id: string }[]; source: string; reason: string; sources: { id: string; kind: string; why: string; origin: string }[] }>('envls/binding', (p) => p.uri === uriIn(root, '.env'));
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'missingRequired'), ["STRIPE_SECRET_KEY is missing: required by the project's .env.schema."]);
    assert.deepEqual(messages(diagnostics, 'invalidValue'), [
      'PORT must be a port number; "80a" is not.',
      'APP_ENV must be one of development, staging or production; "prod" is not.',
    ]);
    const notice = await binding;
    assert.deepEqual(notice.schemas.map((s) => s.id), ['project:.env.schema']);
    assert.equal(notice.source, 'project');
    assert.equal(notice.reason, 'declared in .env.schema');
    assert.deepEqual(notice.sources.map((s) => [s.id, s.kind, s.why, s.origin]), [['project:.env.schema', 'project', 'declared in .env.schema', 'project:.env.schema']]);
  });
});

test('completion and hover in the .env come from the .env.schema; a sensitive value is never shown', async () => {
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': SCHEMA, '.env': 'STRIPE_SECRET_KEY=sk_live_verysecretvalue123\nAPP_ENV=\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await open(client, root, '.env');
    const values = await completionLabels(client, uri, 1, 'APP_ENV='.length);
    assert.deepEqual(values.slice(0, 3), ['development', 'staging', 'production']);
    const hover = await hoverText(client, uri, 0, 2);
    assert.match(hover, /Stripe secret api key/);
    assert.match(hover, /docs\.stripe\.com\/keys/);
    assert.doesNotMatch(hover, /verysecretvalue/);
    const names = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.ok(names.items.some((item) => item.label === 'PORT'), 'PORT offered');
    assert.doesNotMatch(JSON.stringify(names), /verysecretvalue/);
  });
});

test('the .env.schema file: an unknown decorator is reported, decorators and types complete, hover links varlock\'s docs', async () => {
  const text = `${SCHEMA}# @requried\nDEBUG=\n# @\nX=\n# @type=\nY=\n`;
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': text });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env.schema');
    const diagnostics = await open(client, root, '.env.schema', 'env-spec');
    const lines = text.split('\n');
    const unknownLine = lines.indexOf('# @requried');
    const malformed = 'Malformed decorator: varlock cannot read this comment (a value with spaces needs quotes, `@name=` needs a value). envls skips the line.';
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'invalidSchema' && d.severity !== 3).map((d) => [d.range.start.line, d.range.start.character, d.severity, d.message]).sort((a, b) => (a[0] as number) - (b[0] as number)),
      [
        [unknownLine, 2, 2, 'Unknown decorator @requried: varlock has no such item decorator (https://varlock.dev/env-spec/reference/). Did you mean @required?'],
        // The lines being typed (`# @`, `# @type=`) are errors until they are complete, as for varlock.
        [lines.indexOf('# @'), 3, 1, malformed],
        [lines.indexOf('# @type='), 8, 1, malformed],
      ],
    );
    // The quick fix renames it, from what the diagnostic carries.
    const unknown = diagnostics.find((d) => d.range.start.line === unknownLine)!;
    const fixes = await client.request<{ title: string; edit: { changes: Record<string, { newText: string; range: { start: { character: number } } }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] } });
    assert.deepEqual(fixes.map((f) => [f.title, f.edit.changes[uri].map((e) => [e.range.start.character, e.newText])]), [['Change to required', [[3, 'required']]]]);
    // What envls does not use (code generation) is said as information, not dropped.
    assert.ok(diagnostics.some((d) => d.severity === 3 && String(d.message).startsWith('@generateTypes')), 'generateTypes reported as information');

    const atLine = lines.indexOf('# @');
    const decorators = await completionLabels(client, uri, atLine, 3, '@');
    for (const expected of ['@required', '@optional', '@sensitive', '@public', '@type', '@example', '@docs']) assert.ok(decorators.includes(expected), expected);
    assert.ok(!decorators.includes('@defaultRequired'), 'no root decorator below the first item');
    const headerDecorators = await completionLabels(client, uri, 0, 3, '@');
    assert.equal(headerDecorators[0], '@defaultRequired', 'root decorators first in the header');

    const valuesAt = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: '# @defaultSensitive=false @defaultRequired='.length }, context: { triggerKind: 2, triggerCharacter: '=' } });
    assert.deepEqual(valuesAt.items.map((i) => i.label), ['infer', 'true', 'false']);
    const typeLine = lines.indexOf('# @type=');
    const types = await completionLabels(client, uri, typeLine, '# @type='.length, '=');
    for (const expected of ['string', 'number', 'boolean', 'url', 'email', 'port', 'ip', 'enum', 'semver', 'uuid']) assert.ok(types.includes(expected), expected);

    const requiredLine = lines.indexOf('# @required @sensitive @type=string(startsWith="sk_")');
    const onDecorator = await hoverText(client, uri, requiredLine, 4);
    assert.match(onDecorator, /\*\*@required\*\* — item decorator/);
    assert.match(onDecorator, /https:\/\/varlock\.dev\/reference\/item-decorators\/#required/);
    const onType = await hoverText(client, uri, requiredLine, '# @required @sensitive @type=st'.length);
    assert.match(onType, /\*\*string\*\* — data type/);
    assert.match(onType, /https:\/\/varlock\.dev\/reference\/data-types\/#string/);
    const onItem = await hoverText(client, uri, lines.indexOf('PORT=3000'), 1);
    assert.match(onItem, /PORT/);
    assert.match(onItem, /port/i);

  });
});

test('`@` typed in a value of an env file triggers no completion (it is a trigger for decorators only)', async () => {
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': SCHEMA, '.env': 'APP_ENV=a@\n' });
  await withServer(root, async (client) => {
    await open(client, root, '.env');
    const uri = uriIn(root, '.env');
    assert.ok((await completionLabels(client, uri, 0, 'APP_ENV=a@'.length)).includes('development'), 'invoked: the members');
    assert.deepEqual(await completionLabels(client, uri, 0, 'APP_ENV=a@'.length, '@'), []);
  });
});

test('editing the .env.schema re-checks the open .env of its app', async () => {
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': 'A=\n', '.env': 'A=1\n' });
  await withServer(root, async (client) => {
    const envUri = uriIn(root, '.env');
    assert.deepEqual(messages(await open(client, root, '.env'), 'missingRequired'), []);
    await open(client, root, '.env.schema', 'env-spec');
    const republished = client.notification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === envUri && p.diagnostics.some((d) => d.code === 'missingRequired'));
    await client.change(uriIn(root, '.env.schema'), 2, 'A=\n# @required\nB=\n');
    assert.deepEqual(messages((await republished).diagnostics, 'missingRequired'), ["B is missing: required by the project's .env.schema."]);
  });
});

test("a real .env.schema from varlock's repository (test/fixtures/envspec/SOURCES.md) binds its app's .env", async () => {
  const schema = readFileSync(join(__dirname, 'fixtures/envspec/load-output/.env.schema'), 'utf8');
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': schema, '.env': 'PORT=http\nFEATURE_FLAG_BETA=maybe\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'missingRequired'), ["STRIPE_SECRET_KEY is missing: required by the project's .env.schema."]);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'invalidValue').map((d) => d.range.start.line), [0, 1]);
  });
});

test("go to definition of a key reaches its item in the app's .env.schema", async () => {
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': SCHEMA, '.env': 'PORT=4000\n' });
  await withServer(root, async (client) => {
    await open(client, root, '.env');
    const definitions = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: uriIn(root, '.env') }, position: { line: 0, character: 1 } });
    const where = definitions.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}`).sort();
    assert.deepEqual(where, ['.env.schema:10', '.env:0']);
  });
});

test("a sensitive item's default in the .env.schema never shows in the .env's completion or hover", async () => {
  // varlock's default is @defaultSensitive=true: BANNER_TEXT is sensitive without saying so (its name is not secret-looking).
  const root = workspace({ 'package.json': PACKAGE, '.env.schema': '# shown in the footer\nBANNER_TEXT=schemadefaultsecret42\n', '.env': '\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await open(client, root, '.env');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const item = list.items.find((i) => i.label === 'BANNER_TEXT');
    assert.ok(item, 'BANNER_TEXT offered');
    const resolved = await client.request<unknown>('completionItem/resolve', item);
    assert.doesNotMatch(JSON.stringify([list, resolved]), /schemadefaultsecret42/);
    await client.change(uri, 2, 'BANNER_TEXT=\n');
    assert.doesNotMatch(await hoverText(client, uri, 0, 1), /schemadefaultsecret42/);
  });
});

test('an item sensitive by varlock\'s default completes its allowed values, and a random value only when it is free text', async () => {
  const root = workspace({ '.env.schema': '# @type=enum(development, staging)\nAPP_ENV=development\nAPI_TOKEN=\n', '.env': 'APP_ENV=\nAPI_TOKEN=\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await open(client, root, '.env');
    assert.deepEqual(await completionLabels(client, uri, 0, 'APP_ENV='.length), ['development', 'staging']);
    assert.deepEqual(await completionLabels(client, uri, 1, 'API_TOKEN='.length), ['Generate a strong random value']);
  });
});

test('beside a schema the app declares through its manifest, the .env.schema applies too, and stays explicit', async () => {
  const root = workspace({
    'package.json': '{ "name": "shop", "dependencies": { "stripe": "17.0.0" } }\n',
    '.env.schema': '# @defaultSensitive=false\n# ---\n# @required\nAPP_NAME=\n',
    '.env': 'STRIPE_SECRET_KEY=sk_test_abc\n',
  });
  await withServer(root, async (client) => {
    const binding = client.notification<{ uri: string; schemas: { id: string }[]; sources: { id: string; kind: string }[] }>('envls/binding', (p) => p.uri === uriIn(root, '.env'));
    const diagnostics = await open(client, root, '.env');
    const notice = await binding;
    assert.deepEqual(notice.sources.map((s) => [s.id, s.kind]), [['project:.env.schema', 'project'], ['stripe', 'manifest']]);
    assert.ok(messages(diagnostics, 'missingRequired').includes("APP_NAME is missing: required by the project's .env.schema."));
  });
});
