/**
 * Navigation through the built server over JSON-RPC: definition, references,
 * document highlight, prepareRename / rename (versioned documentChanges for a
 * client that takes them, refusals as ResponseErrors) and workspace symbols
 * over open files, never with a value. Exact locations and exact edits.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { DocumentHighlight, Location, Range, SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { startServer, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

const SECRET = 'sk_live_51HbQpLkT7sEcReTvAlUe';
const TEXT = [
  '# database',
  'DB_USER=app',
  'DB_HOST=localhost',
  'DATABASE_URL=postgres://${DB_USER}@${DB_HOST:-db}/app',
  'REPLICA_URL=postgres://$DB_USER@replica/app',
  'DB_USER=kept',
  `STRIPE_SECRET_KEY=${SECRET}`,
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'envls-navigation-'));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();
const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
    return error;
  }
  assert.fail('the request was answered, not refused');
}

describe('navigation, with a client like VS Code (documentChanges, prepareSupport)', () => {
  let client: Client;
  const uri = uriOf('.env');
  before(async () => {
    client = await startServer({
      rootPath: dir,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { rename: { prepareSupport: true } } },
    });
    await client.open(uri, TEXT);
  });
  after(async () => {
    await client?.stop();
  });
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  test('announces the navigation providers', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.documentHighlightProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  test('definition on ${DB_USER} and on $DB_USER: the line dotenv keeps first, then the earlier one', async () => {
    const expected: Location[] = [{ uri, range: range(5, 0, 7) }, { uri, range: range(1, 0, 7) }];
    assert.deepEqual(await client.request('textDocument/definition', at(3, 28)), expected);
    assert.deepEqual(await client.request('textDocument/definition', at(4, 25)), expected);
    assert.deepEqual(await client.request('textDocument/definition', at(3, 40)), [{ uri, range: range(2, 0, 7) }], 'on ${DB_HOST:-db}');
    assert.equal(await client.request('textDocument/definition', at(3, 47)), null, 'on the default text');
    assert.deepEqual(await client.request('textDocument/definition', at(1, 2)), expected, 'on a duplicated key');
  });

  test('references of a key, with and without the declaration', async () => {
    const refs: Location[] = [{ uri, range: range(3, 26, 33) }, { uri, range: range(4, 24, 31) }];
    const withDeclaration: Location[] = [{ uri, range: range(1, 0, 7) }, ...refs, { uri, range: range(5, 0, 7) }];
    assert.deepEqual(await client.request('textDocument/references', { ...at(1, 0), context: { includeDeclaration: true } }), withDeclaration);
    assert.deepEqual(await client.request('textDocument/references', { ...at(4, 24), context: { includeDeclaration: false } }), refs);
    assert.equal(await client.request('textDocument/references', { ...at(1, 9), context: { includeDeclaration: true } }), null, 'on a value');
  });

  test('document highlight: Write on the keys, Read on the references', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at(3, 30));
    assert.deepEqual(highlights, [
      { range: range(1, 0, 7), kind: 3 },
      { range: range(3, 26, 33), kind: 2 },
      { range: range(4, 24, 31), kind: 2 },
      { range: range(5, 0, 7), kind: 3 },
    ]);
  });

  test('prepareRename: the name\'s range and the name; a value or a comment refused with the reason', async () => {
    assert.deepEqual(await client.request('textDocument/prepareRename', at(3, 37)), { range: range(3, 37, 44), placeholder: 'DB_HOST' });
    assert.match((await rejection(client.request('textDocument/prepareRename', at(1, 9)))).message, /A value cannot be renamed/);
    assert.match((await rejection(client.request('textDocument/prepareRename', at(0, 4)))).message, /A comment cannot be renamed/);
    assert.match((await rejection(client.request('textDocument/prepareRename', at(6, 18)))).message, /A value cannot be renamed/);
    const refused = await rejection(client.request('textDocument/prepareRename', at(2, 8)));
    assert.doesNotMatch(refused.message, /localhost/, 'a refusal never quotes the value');
  });

  test('rename from a reference: every key and reference, forms and defaults kept, with the document\'s version', async () => {
    await client.change(uri, 2, TEXT);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(4, 26), newName: 'POSTGRES_USER' });
    assert.equal(edit.changes, undefined);
    const [change] = edit.documentChanges as TextDocumentEdit[];
    assert.equal(edit.documentChanges!.length, 1);
    assert.deepEqual(change.textDocument, { uri, version: 2 });
    assert.deepEqual(change.edits, [
      { range: range(1, 0, 7), newText: 'POSTGRES_USER' },
      { range: range(3, 26, 33), newText: 'POSTGRES_USER' },
      { range: range(4, 24, 31), newText: 'POSTGRES_USER' },
      { range: range(5, 0, 7), newText: 'POSTGRES_USER' },
    ]);
    assert.equal(
      applyLspEdits(TEXT, change.edits as TextEdit[]),
      TEXT.replace('DB_USER=app', 'POSTGRES_USER=app')
        .replace('${DB_USER}', '${POSTGRES_USER}')
        .replace('$DB_USER@', '$POSTGRES_USER@')
        .replace('DB_USER=kept', 'POSTGRES_USER=kept'),
    );
  });

  test('rename refuses a name dotenv does not read, and one already in use, with a clear error', async () => {
    const invalid = await rejection(client.request('textDocument/rename', { ...at(1, 0), newName: 'DB USER' }));
    assert.match(invalid.message, /"DB USER" is not a name dotenv reads/);
    const taken = await rejection(client.request('textDocument/rename', { ...at(1, 0), newName: 'DB_HOST' }));
    assert.match(taken.message, /DB_HOST is already defined \(line 3\)/);
    const dashed = await rejection(client.request('textDocument/rename', { ...at(2, 0), newName: 'DB-HOST' }));
    assert.match(dashed.message, /"-" there as the start of a default/);
    assert.match((await rejection(client.request('textDocument/rename', { ...at(1, 9), newName: 'X' }))).message, /A value cannot be renamed/);
    assert.equal(client.stderr(), '');
  });

  test('workspace symbols: keys of every open env file, query-filtered, no value ever', async () => {
    const other = uriOf('.env.local');
    await client.open(other, `API_TOKEN=${SECRET}\nDB_PORT=5432\n`);
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.deepEqual(all.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range.start.line]), [
      ['DB_USER', 13, '.env', uri, 5],
      ['DB_HOST', 13, '.env', uri, 2],
      ['DATABASE_URL', 13, '.env', uri, 3],
      ['REPLICA_URL', 13, '.env', uri, 4],
      ['STRIPE_SECRET_KEY', 13, '.env', uri, 6],
      ['API_TOKEN', 13, '.env.local', other, 0],
      ['DB_PORT', 13, '.env.local', other, 1],
    ]);
    const wire = JSON.stringify(all);
    for (const value of [SECRET, 'kept', 'localhost', '5432', 'postgres']) assert.ok(!wire.includes(value), `no ${value} in symbols`);
    const filtered = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'db_' });
    // The query's characters in order, as editors match symbols: DATABASE_URL holds d, b and _ too.
    assert.deepEqual(filtered.map((s) => s.name), ['DB_USER', 'DB_HOST', 'DATABASE_URL', 'DB_PORT']);
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
    await client.notification<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === other && p.version === undefined);
    const afterClose = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'db_' });
    assert.deepEqual(afterClose.map((s) => s.name), ['DB_USER', 'DB_HOST', 'DATABASE_URL']);
  });
});

describe('navigation, with a client without documentChanges nor prepareSupport', () => {
  let client: Client;
  const uri = uriOf('plain.env');
  before(async () => {
    client = await startServer({ rootPath: dir });
    await client.open(uri, 'A=1\nB=${A:-${C}}$A\n');
  });
  after(async () => {
    await client?.stop();
  });

  test('rename is announced without prepareProvider and answers `changes` by uri', async () => {
    assert.equal(client.initializeResult.capabilities.renameProvider, true);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'ALPHA' });
    assert.equal(edit.documentChanges, undefined);
    assert.deepEqual(Object.keys(edit.changes!), [uri]);
    assert.equal(applyLspEdits('A=1\nB=${A:-${C}}$A\n', edit.changes![uri]), 'ALPHA=1\nB=${ALPHA:-${C}}$ALPHA\n');
  });

  test('a rename of a name inside a default renames that name only', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 10 }, newName: 'GAMMA' });
    assert.deepEqual(edit.changes, { [uri]: [{ range: range(1, 9, 10), newText: 'GAMMA' }] });
  });
});
