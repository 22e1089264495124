// Completion benchmark (no test framework; part of `npm run bench`): the built
// server's name list on an empty line of a 200-line .env bound to neosync/api,
// against a trivial vscode-languageserver server answering as many items, shaped
// alike and using LSP 3.17 itemDefaults too, computed by nothing (goal: within 2x). Both
// clients declare completionList.itemDefaults, as VS Code does; envls is also measured for
// a client without them, with the size of each answer on the wire. Requests alternate
// between the servers in rotating order, so that the machine's load affects all alike.
// Medians of many repetitions in one run; no fixed sleeps, every wait is on a response.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordTarget } from './targets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const rpc = require('vscode-jsonrpc/node');
const work = mkdtempSync(join(tmpdir(), 'envls-bench-completion-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const now = () => Number(process.hrtime.bigint()) / 1e6;
const ITEM_DEFAULTS = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];
const REPEAT = 300;

function generate(lines) {
  // Some of the schema's variables set: the name list then has about the 66 items (the count is printed).
  const known = ['DB_HOST=db', 'DB_PORT=5432', 'DB_NAME=nucleus', 'DB_USER=postgres', 'DB_PASS=a-long-db-password', 'HOST=0.0.0.0', 'PORT=8080', 'LOG_LEVEL=INFO', 'AUTH_ENABLED=false', 'TEMPORAL_URL=temporal:7233', 'ENABLE_RUN_LOGS=false', 'AUTH_EXPECTED_ISSUER=https://auth.example.com'];
  const out = ['# envls-schema: neosync/api', ...known];
  for (let i = out.length; i < lines - 1; i++) out.push(i % 10 === 0 ? `# note ${i}` : `APP_SETTING_${i}=value_${i}`);
  out.push('');
  return out.join('\n') + '\n';
}

async function buildTrivialServer(itemCount) {
  const source = join(work, 'trivial.ts');
  writeFileSync(source, `const ITEMS = ${itemCount};
    import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
    import { TextDocument } from 'vscode-languageserver-textdocument';
    const connection = createConnection(ProposedFeatures.all);
    const documents = new TextDocuments(TextDocument);
    connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, completionProvider: { resolveProvider: true } } }));
    // What a server that does nothing sends, shaped as envls's answer to a client with LSP 3.17
    // itemDefaults: the shared range, format and data once in itemDefaults, each item its own text.
    connection.onCompletion((params) => ({ isIncomplete: false,
      itemDefaults: { editRange: { start: params.position, end: params.position }, insertTextFormat: 2, data: { context: 'name', uri: params.textDocument.uri } },
      items: Array.from({ length: ITEMS }, (_, i) => ({
        label: 'VARIABLE_NAME_' + i, kind: 6, detail: 'string · default something', sortText: '1VARIABLE_NAME_' + i, textEditText: 'VARIABLE_NAME_' + i + '=$0' })) }));
    documents.listen(connection);
    connection.listen();
  `);
  const outfile = join(work, 'trivial.js');
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'error', nodePaths: [join(repoRoot, 'node_modules')] });
  return outfile;
}

async function start(serverPath, itemDefaults) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Set();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    published.add(p.uri);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  const completion = { completionItem: { snippetSupport: true }, ...(itemDefaults ? { completionList: { itemDefaults } } : {}) };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { completion } } });
  connection.sendNotification('initialized', {});
  return { connection, stop: () => { child.kill(); connection.dispose(); } };
}

/** The completion request at the last line of `text` (opened first), warmed up. */
async function prepare(server, uri, text) {
  const line = text.split('\n').length - 2;
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  const ask = () => server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } });
  for (let i = 0; i < 30; i++) await ask();
  return ask;
}

async function main() {
  const text = generate(200);
  const uri = 'file:///bench/.env';
  const rows = [];
  const contenders = [['envls, client with itemDefaults', ITEM_DEFAULTS], ['envls, client without itemDefaults', undefined]];
  const servers = {};
  const asks = {};
  for (const [name, defaults] of contenders) {
    servers[name] = await start(join(repoRoot, 'dist/server.js'), defaults);
    asks[name] = await prepare(servers[name], uri, text);
  }
  const itemCount = (await asks[contenders[0][0]]()).items.length;
  servers.trivial = await start(await buildTrivialServer(itemCount), ITEM_DEFAULTS);
  asks.trivial = await prepare(servers.trivial, uri, text);
  // Requests alternate between the servers, so that a change in the machine's load affects all alike.
  const times = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
  const names = Object.keys(servers);
  for (let i = 0; i < REPEAT; i++) {
    // Rotated, so that no server always goes first (or right after the same one).
    for (const name of names.map((_, k) => names[(i + k) % names.length])) {
      const t = now();
      await asks[name]();
      times[name].push(now() - t);
    }
  }
  const answers = {};
  for (const [name] of contenders) answers[name] = { ms: median(times[name]), answer: await asks[name]() };
  const reference = { ms: median(times.trivial), answer: await asks.trivial() };
  for (const server of Object.values(servers)) server.stop();
  for (const [name, { ms, answer }] of Object.entries(answers)) {
    rows.push([`${name} vs trivial`, ms, reference.ms, ms / reference.ms, JSON.stringify(answer).length, '≤ 2']);
  }
  const { ms } = answers['envls, client with itemDefaults'];
  recordTarget(`completion of ${itemCount} items (itemDefaults)`, ms / reference.ms, 2, `trivial server, ${itemCount} items`);
  console.log(`\nCompletion of ${itemCount} names on an empty line (200-line .env, neosync/api) vs a trivial server answering ${itemCount} items (${JSON.stringify(reference.answer).length} bytes), medians of ${REPEAT}:`);
  console.log('measure'.padEnd(48), 'envls ms'.padStart(9), 'ref ms'.padStart(9), 'ratio'.padStart(7), 'bytes'.padStart(8), ' goal');
  for (const [name, a, b, r, bytes, goal] of rows) console.log(name.padEnd(48), a.toFixed(3).padStart(9), b.toFixed(3).padStart(9), r.toFixed(2).padStart(7), String(bytes).padStart(8), ` ${goal}`);
}

await main();
