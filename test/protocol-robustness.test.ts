/**
 * Protocol defects of issue 8, each through a real JSON-RPC connection: ranges past the end of
 * the document, URIs that are not local files, requests outside the lifecycle, stale fixes, a
 * broken message header, a pathological glob. Each test failed before its fix.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ResponseError } from 'vscode-jsonrpc/node';
import { SERVER, startServer, type Client, type StartOptions } from './support/lspClient';

const dir = mkdtempSync(join(tmpdir(), 'envls-robust-'));
const started: Client[] = [];
async function server(options: StartOptions = {}): Promise<Client> {
  const client = await startServer({ rootPath: dir, inProcess: true, ...options });
  started.push(client);
  return client;
}
after(async () => {
  await Promise.all(started.map((c) => c.stop()));
});

interface SymbolLike { name: string; range: Diagnostic['range']; children?: SymbolLike[] }
const names = (symbols: SymbolLike[]): string[] => symbols.flatMap((s) => [`${s.name}@${s.range.start.line}`, ...names(s.children ?? [])]);

describe('document sync', () => {
  test('a change whose range starts past the last line is clamped to the end, as VS Code does', async () => {
    const client = await server({ settings: { styleRules: true } });
    const uri = pathToFileURL(join(dir, 'past-end.env')).toString();
    await client.open(uri, 'A=1\n');
    let wait = client.diagnostics(uri, 2);
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'B=2\n' }],
    });
    await wait;
    wait = client.diagnostics(uri, 3);
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '' }],
    });
    const edited = await wait;
    // What VS Code holds: the insertion clamped to the end of the document.
    const expectedUri = pathToFileURL(join(dir, 'past-end-expected.env')).toString();
    const expected = await client.open(expectedUri, 'A=1\nB=2\n');
    assert.deepEqual(edited.diagnostics, expected.diagnostics);
    const symbols = (u: string) => client.request<SymbolLike[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.deepEqual(names(await symbols(uri)), names(await symbols(expectedUri)));
    assert.deepEqual(names(await symbols(uri)), ['A@0', 'B@1']);
  });
});

describe('URIs that are not local files', () => {
  test('a workspace folder that is not a file: URI still gets every capability', async () => {
    const client = await server({ workspaceFolderUris: ['vscode-vfs://github/o/r'] });
    const uri = 'vscode-vfs://github/o/r/.env';
    const published = await client.open(uri, 'A=1\nA=2\n');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['duplicateKey']);
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover, 'hover works on a virtual file');
  });

  test('the first initialize answer of a vscode-vfs workspace has capabilities', async () => {
    const client = await server({ uninitialized: true });
    const result = await client.request<{ capabilities: { hoverProvider?: boolean } }>('initialize', {
      processId: null, rootUri: 'vscode-vfs://github/o/r', capabilities: {}, workspaceFolders: [{ uri: 'vscode-vfs://github/o/r', name: 'r' }],
    });
    assert.equal(result.capabilities.hoverProvider, true);
  });

  for (const uri of ['file://host/share/.env', `file://${dir.replace(/\//g, '%2F')}/odd.env`, 'file:///tmp/a%2Fb/.env', 'untitled:Untitled-1']) {
    test(`handlers answer for ${uri}`, async () => {
      const client = await server();
      const published = await client.open(uri, 'A=1\nA=2\n');
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['duplicateKey']);
      const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.ok(hover);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 2);
      assert.deepEqual(client.logs.filter((l) => l.includes('failed')), []);
    });
  }
});

describe('lifecycle', () => {
  test('a request before initialize is refused with ServerNotInitialized', async () => {
    const client = await server({ uninitialized: true });
    const error = await client.request('textDocument/hover', { textDocument: { uri: 'file:///x.env' }, position: { line: 0, character: 0 } }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ResponseError, `an error, got ${JSON.stringify(error)}`);
    assert.equal(error.code, -32002);
  });

  test('a request after shutdown is refused with InvalidRequest', async () => {
    const client = await server();
    const uri = pathToFileURL(join(dir, 'after-shutdown.env')).toString();
    await client.open(uri, 'A=1\n');
    await client.request('shutdown', undefined);
    const error = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ResponseError, `an error, got ${JSON.stringify(error)}`);
    assert.equal(error.code, -32600);
  });

  // Navigation and envls's own requests were registered outside the lifecycle: they answered anyway.
  const position = { line: 0, character: 0 };
  const outsideLifecycle: [string, (uri: string) => unknown][] = [
    ['textDocument/definition', (uri) => ({ textDocument: { uri }, position })],
    ['textDocument/references', (uri) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } })],
    ['textDocument/documentHighlight', (uri) => ({ textDocument: { uri }, position })],
    ['textDocument/prepareRename', (uri) => ({ textDocument: { uri }, position })],
    ['textDocument/rename', (uri) => ({ textDocument: { uri }, position, newName: 'B' })],
    ['workspace/symbol', () => ({ query: '' })],
    ['envls/cloakRanges', (uri) => ({ textDocument: { uri } })],
    ['envls/schemas', () => ({})],
  ];
  const refusalOf = (client: Client, method: string, params: unknown) => client.request(method, params).then((result) => result, (e: unknown) => e);

  test('navigation and envls requests before initialize are refused with ServerNotInitialized', async () => {
    const client = await server({ uninitialized: true });
    for (const [method, params] of outsideLifecycle) {
      const error = await refusalOf(client, method, params('file:///x.env'));
      assert.ok(error instanceof ResponseError, `${method}: an error, got ${JSON.stringify(error)}`);
      assert.equal(error.code, -32002, method);
    }
  });

  test('navigation and envls requests after shutdown are refused with InvalidRequest', async () => {
    const client = await server();
    const uri = pathToFileURL(join(dir, 'navigation-after-shutdown.env')).toString();
    await client.open(uri, 'A=1\nB=${A}\n');
    assert.ok(!((await refusalOf(client, 'textDocument/definition', outsideLifecycle[0][1](uri))) instanceof ResponseError), 'answered while running');
    await client.request('shutdown', undefined);
    for (const [method, params] of outsideLifecycle) {
      const error = await refusalOf(client, method, params(uri));
      assert.ok(error instanceof ResponseError, `${method}: an error, got ${JSON.stringify(error)}`);
      assert.equal(error.code, -32600, method);
    }
  });
});

describe('stale fixes', () => {
  test('a quick fix carries the version its diagnostic was published for', async () => {
    const client = await server({ workspaceCapabilities: { workspaceEdit: { documentChanges: true } } });
    const uri = pathToFileURL(join(dir, 'stale.env')).toString();
    const first = await client.open(uri, 'A=1\nA=2\n');
    const duplicate = first.diagnostics.find((d) => d.code === 'duplicateKey')!;
    // The document moves on (a line inserted at the top) before the fix is asked for.
    await client.change(uri, 2, '# new\nA=1\nA=2\n');
    const actions = await client.request<{ edit: { documentChanges?: { textDocument: { uri: string; version: number | null } }[]; changes?: unknown } }[]>(
      'textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [duplicate] } });
    assert.ok(actions.length > 0);
    for (const action of actions) {
      assert.equal(action.edit.changes, undefined);
      assert.deepEqual(action.edit.documentChanges?.map((c) => c.textDocument), [{ uri, version: 1 }], 'the client rejects an edit for version 1 now that it holds 2');
    }
    const fixAll = await client.request<{ edit: { documentChanges?: { textDocument: { version: number | null } }[] } }[]>(
      'textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    for (const action of fixAll) assert.equal(action.edit.documentChanges?.[0].textDocument.version, 2);
  });

  test('without documentChanges support the edit falls back to changes', async () => {
    const client = await server();
    const uri = pathToFileURL(join(dir, 'plain-changes.env')).toString();
    const first = await client.open(uri, 'A=1\nA=2\n');
    const duplicate = first.diagnostics.find((d) => d.code === 'duplicateKey')!;
    const actions = await client.request<{ edit: { changes?: Record<string, unknown> } }[]>(
      'textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [duplicate] } });
    assert.ok(actions.length > 0);
    for (const action of actions) assert.deepEqual(Object.keys(action.edit.changes ?? {}), [uri]);
  });
});

describe('settings', () => {
  test('a pathological envls.schemas glob is refused and logged; the file is still checked', async () => {
    const glob = `${'*a'.repeat(60)}b`;
    const client = await server({ settings: { schemas: { 'neosync/api': glob, flux: 'x'.repeat(5000) } } });
    const uri = pathToFileURL(join(dir, `${'a'.repeat(80)}.env`)).toString();
    const published = await client.open(uri, 'A=1\nA=2\n');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['duplicateKey']);
    assert.ok(client.logs.some((l) => l.includes('envls.schemas') && l.includes('neosync/api') && l.includes('ignored')), client.logs.join('\n'));
    assert.ok(client.logs.some((l) => l.includes('envls.schemas') && l.includes('flux') && l.includes('ignored')), client.logs.join('\n'));
  });

  test('the first file opened gets its diagnostics once', async () => {
    const client = await server({ pullSettings: {} });
    const uri = pathToFileURL(join(dir, 'once.env')).toString();
    await client.open(uri, 'A=1\nA=2\n');
    // A later change's diagnostics arrive after every earlier publication for this file.
    await client.change(uri, 2, 'A=1\n');
    const published = client.published.filter((p) => p.uri === uri);
    assert.deepEqual(published.map((p) => p.version), [1, 2]);
  });
});

describe('re-checking after a settings change', () => {
  test('open documents are re-checked in slices: a request is answered before the last one is published', async () => {
    const client = await server();
    const count = 30;
    const uris = Array.from({ length: count }, (_, i) => pathToFileURL(join(dir, `slice-${i}.env`)).toString());
    for (const uri of uris) await client.open(uri, 'a=1\n');
    const before = client.published.length;
    client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { envls: { styleRules: true } } });
    await client.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 0 } });
    const duringPass = client.published.length - before;
    assert.ok(duringPass < count, `${duringPass} of ${count} documents were re-checked before the hover was answered`);
    // And the pass completes: the last document gets the style diagnostics.
    const last = await client.notification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uris[count - 1] && p.diagnostics.length > 0);
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['lowercaseKey']);
  });
});

describe('transport', () => {
  test('a bad Content-Length header is logged and the server exits so that the client can restart it', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.write('Content-Length: nope\r\n\r\n{}');
    const code = await exited;
    assert.notEqual(code, 0);
    assert.match(stderr, /Content-Length/);
  });
});
