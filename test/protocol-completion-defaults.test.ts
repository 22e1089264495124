/**
 * Through the built server, for a client that supports LSP 3.17 completion
 * itemDefaults (as VS Code does): the list carries the shared range, format
 * and data once, resolve still documents an item, `KEY: ` completes values;
 * and without a schema a URL password never reaches hover, outline or `${`
 * completion.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type Client } from './support/lspClient';

interface List {
  isIncomplete: boolean;
  itemDefaults?: { editRange?: unknown; insertTextFormat?: number; data?: { uri?: string; context?: string } };
  items: { label: string; detail?: string; textEdit?: unknown; textEditText?: string; data?: unknown; documentation?: { value: string } }[];
}

const dir = mkdtempSync(join(tmpdir(), 'envls-defaults-'));
let client: Client;
let counter = 0;

before(async () => {
  client = await startServer({ rootPath: dir, completionItemDefaults: ['editRange', 'insertTextFormat', 'data', 'commitCharacters'] });
});
after(async () => {
  await client?.stop();
});

async function open(text: string): Promise<string> {
  const uri = pathToFileURL(join(dir, `${++counter}.env`)).toString();
  await client.open(uri, text);
  return uri;
}

const complete = (uri: string, line: number, character: number) =>
  client.request<List>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

test('a name list shares its range, format and data; resolve documents an item from the shared data', async () => {
  const uri = await open('# envls-schema: neosync/api\n\n');
  const list = await complete(uri, 1, 0);
  assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  assert.equal(list.itemDefaults?.insertTextFormat, 2);
  assert.deepEqual(list.itemDefaults?.data, { context: 'name', uri });
  assert.ok(list.items.length > 20 && list.items.every((i) => i.textEdit === undefined && i.data === undefined));
  const level = list.items.find((i) => i.label === 'LOG_LEVEL')!;
  assert.equal(level.textEditText, 'LOG_LEVEL=${1:INFO}');
  // A client merges the defaults into the item it resolves.
  const resolved = await client.request<List['items'][number]>('completionItem/resolve', { ...level, data: list.itemDefaults!.data });
  assert.match(resolved.documentation!.value, /\*\*LOG_LEVEL\*\*/);
});

test('`KEY: ` (colon separator) completes values', async () => {
  const uri = await open('# envls-schema: neosync/api\nLOG_LEVEL: \n');
  const list = await complete(uri, 1, 11);
  assert.deepEqual(list.items.map((i) => i.label), ['DEBUG', 'INFO', 'WARN', 'ERROR']);
});

test('without a schema, URL passwords stay out of hover, outline and ${ completion', async () => {
  const uri = await open('DATABASE_URL=postgres://app:pg-secret-1@db/app\nREDIS_URL=redis://:redis-secret-2@host\nLINK=${\n');
  const answers = [
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }),
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }),
    await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
    await complete(uri, 2, 7),
  ];
  const json = JSON.stringify(answers);
  assert.ok(!json.includes('pg-secret-1') && !json.includes('redis-secret-2'), json);
  assert.match(json, /postgres:\/\/app:••••@db\/app/);
});
