/**
 * envls's own requests through the built server: `envls/cloakRanges` (the value ranges a client
 * cloaks) and `envls/schemas` (the schemas "Select schema…" lists).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type Client } from './support/lspClient';

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

const dir = mkdtempSync(join(tmpdir(), 'envls-client-requests-'));
let client: Client;

before(async () => {
  client = await startServer({ rootPath: dir });
});
after(async () => {
  await client?.stop();
});

const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();

const text = [
  '# envls-schema: neosync/api',
  'DB_HOST=db',
  'DB_PASS=hunter2',
  'AUTH_API_CLIENT_SECRET="multi',
  'line"',
  'LOG_LEVEL=INFO',
  '',
].join('\n');

test('envls/cloakRanges: the sensitive values of the current version, by mode', async () => {
  const uri = uriOf('cloak.env');
  await client.open(uri, text);
  const sensitive = await client.request<{ version: number; ranges: Range[] }>('envls/cloakRanges', { textDocument: { uri }, mode: 'sensitive' });
  assert.equal(sensitive.version, 1);
  assert.deepEqual(sensitive.ranges, [
    { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } },
    { start: { line: 3, character: 23 }, end: { line: 4, character: 5 } },
  ]);
  // No mode: the default, sensitive.
  const byDefault = await client.request<{ ranges: Range[] }>('envls/cloakRanges', { textDocument: { uri } });
  assert.deepEqual(byDefault.ranges, sensitive.ranges);
  const all = await client.request<{ ranges: Range[] }>('envls/cloakRanges', { textDocument: { uri }, mode: 'all' });
  assert.deepEqual(all.ranges.map((r) => r.start.line), [1, 2, 3, 5]);
  const off = await client.request<{ ranges: Range[] }>('envls/cloakRanges', { textDocument: { uri }, mode: 'off' });
  assert.deepEqual(off.ranges, []);

  // After an edit the answer is for the new text.
  await client.change(uri, 2, 'DB_PASS=x\nMY_TOKEN=abc\n');
  const edited = await client.request<{ version: number; ranges: Range[] }>('envls/cloakRanges', { textDocument: { uri }, mode: 'sensitive' });
  assert.equal(edited.version, 2);
  assert.deepEqual(edited.ranges.map((r) => r.start.line), [0, 1]);
});

test('envls/cloakRanges: null for a document that is not open; a bad request is answered, not fatal', async () => {
  assert.equal(await client.request('envls/cloakRanges', { textDocument: { uri: uriOf('never-opened.env') } }), null);
  assert.equal(await client.request('envls/cloakRanges', {}), null);
  assert.match(client.logs.join('\n'), /cloakRanges failed/);
  // Still serving.
  const schemas = await client.request<unknown[]>('envls/schemas', null);
  assert.ok(schemas.length > 0);
});

test('envls/schemas: every schema with title and documentation page, fragments marked', async () => {
  const schemas = await client.request<{ id: string; title: string; product: string; description?: string; documentation?: string; fragment: boolean }[]>('envls/schemas', null);
  const byId = new Map(schemas.map((s) => [s.id, s]));
  for (const id of ['neosync/api', 'neosync/app', 'flux', 'flux/app', 'flagsmith', 'flagsmith/api']) assert.equal(byId.get(id)?.fragment, false, id);
  assert.equal(byId.get('authjs')?.fragment, true);
  assert.equal(byId.get('flagsmith/api')?.title, 'Flagsmith API');
  assert.match(byId.get('flagsmith/api')?.documentation ?? '', /^https:\/\/docs\.flagsmith\.com\//);
  assert.ok(byId.get('neosync/api')?.description);
});
