/**
 * The server over real JSON-RPC, both as the built process (`node dist/server.js --stdio`) and
 * in-process over a pair of streams (startServer): lifecycle, versioned diagnostics, robustness.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, codesOf, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

const dir = mkdtempSync(join(tmpdir(), 'envls-basics-'));

for (const mode of ['spawned', 'in-process'] as const) describe(mode, () => {
  let client: Client;

  before(async () => {
    client = await startServer({ rootPath: dir, inProcess: mode === 'in-process' });
  });
  after(async () => {
    await client.stop();
  });

  test('initialize, then versioned diagnostics for an opened .env', async () => {
    const published = await client.open(join(dir, '.env'), 'A=1\nA=2\nnot a line\n');
    assert.equal(published.version, 1);
    assert.deepEqual(codesOf(published.diagnostics).sort(), ['duplicateKey', 'syntaxError']);
    assert.ok(published.diagnostics.every((d) => d.source === 'envls'));
  });

  test('incremental edits publish diagnostics for the new version', async () => {
    const uri = `file://${join(dir, 'incremental.env')}`;
    await client.open(uri, 'A=1\n');
    const wait = client.diagnostics(uri, 2);
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'A=2\n' }],
    });
    const published = await wait;
    assert.deepEqual(codesOf(published.diagnostics), ['duplicateKey']);
    const fixed = await client.change(uri, 3, 'A=2\n');
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('quick fixes come from the diagnostic and their edit gives the expected text', async () => {
    const uri = `file://${join(dir, 'fix.env')}`;
    const text = 'A=1\nB=${MISSING}\nA=2\n';
    const published = await client.open(uri, text);
    const duplicate = published.diagnostics.find((d) => d.code === 'duplicateKey')!;
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: duplicate.range,
      context: { diagnostics: [duplicate] },
    });
    const remove = actions.find((a) => a.title === 'Remove this A line');
    assert.ok(remove, actions.map((a) => a.title).join(', '));
    assert.equal(remove.kind, 'quickfix');
    assert.equal(applyLspEdits(text, remove.edit.changes[uri]), 'B=${MISSING}\nA=2\n');
    const fixAll = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.envls');
    assert.equal(applyLspEdits(text, fixAll[0].edit.changes[uri]), 'B=${MISSING}\nA=2\n');
  });

  test('hover on a reference shows where it is defined and hides secret-looking values', async () => {
    const uri = `file://${join(dir, 'hover.env')}`;
    await client.open(uri, 'HOST=db.local\nDB_PASSWORD=hunter2hunter2\nURL=postgres://${DB_PASSWORD}@${HOST}\n');
    const onHost = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 31 } });
    assert.match(onHost.contents.value, /Defined on line 1: `` db\.local ``/);
    const onPassword = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 17 } });
    assert.match(onPassword.contents.value, /hidden/);
    assert.doesNotMatch(onPassword.contents.value, /hunter2/);
  });

  test('completion offers the file\'s variables inside ${ without any schema', async () => {
    const uri = `file://${join(dir, 'complete.env')}`;
    await client.open(uri, 'HOST=db\nPORT=5432\nURL=http://${\n');
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 13 } });
    assert.deepEqual(list.items.map((i: any) => i.label).slice(0, 2), ['HOST', 'PORT']);
  });

  test('document symbols group variables under comment-headed sections; folding ranges too', async () => {
    const uri = `file://${join(dir, 'outline.env')}`;
    await client.open(uri, 'TOP=1\n\n# Database\nDB_HOST=x\nDB_PORT=1\n\n# Auth\nAUTH=1\nMULTI="a\nb"\n');
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['TOP', 'Database', 'Auth']);
    assert.deepEqual(symbols[1].children.map((c: any) => c.name), ['DB_HOST', 'DB_PORT']);
    const folds = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 4));
    assert.ok(folds.some((f) => f.startLine === 8 && f.endLine === 9), 'multi-line value folds');
  });

  test('bad input never crashes the server: odd positions, unknown documents, binary text', async () => {
    const uri = `file://${join(dir, 'odd.env')}`;
    await client.open(uri, '\u0000\uFFFF=\n"""\n'.repeat(50) + 'K=' + 'x'.repeat(100000));
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.env' }, position: { line: 0, character: 0 } }), null);
    const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: -1, character: -5 } });
    assert.ok(list === null || Array.isArray(list.items));
    // Still answering afterwards.
    const again = await client.change(uri, 2, 'A=1\nA=1\n');
    assert.deepEqual(codesOf(again.diagnostics), ['duplicateKey']);
    assert.equal(client.process?.exitCode ?? null, null);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = `file://${join(dir, 'close.env')}`;
    await client.open(uri, 'A=1\nA=2\n');
    const cleared = client.notification<any>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });
});
