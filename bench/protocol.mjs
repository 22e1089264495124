// Protocol benchmark (no test framework; part of `npm run bench`): the built
// server over real JSON-RPC, compared in the same run with references:
//   - spawn -> initialize answered vs a trivial vscode-languageserver server bundled
//     the same way (goal: within 1.3x);
//   - on a 10,000-line .env bound to neosync/api: hover (goal: within 1.5x of the
//     trivial server's hover) and completion round trips (within 2x of the trivial
//     server answering as many items); didChange -> matching publishDiagnostics vs
//     dotenv.parse of the same text (goal: within 3x);
//   - on a 200-line .env: didChange -> publishDiagnostics vs the trivial server's
//     (which publishes an empty list on every change) (goal: within 3x).
//   - navigation on HOST, which ~900 `${HOST}` references read: definition, references,
//     documentHighlight and rename round trips vs the trivial hover (reported, no goal yet).
// Medians of many repetitions; no fixed sleeps, every wait is on a response.
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
const dotenv = require('dotenv');
const rpc = require('vscode-jsonrpc/node');
const work = mkdtempSync(join(tmpdir(), 'envls-bench-protocol-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const now = () => Number(process.hrtime.bigint()) / 1e6;

function generate(lines) {
  const known = ['DB_HOST=db', 'DB_PORT=5432', 'DB_NAME=nucleus', 'DB_USER=postgres', 'DB_PASS=a-long-db-password', 'HOST=0.0.0.0', 'PORT=8080', 'LOG_LEVEL=INFO', 'AUTH_ENABLED=false', 'TEMPORAL_URL=temporal:7233'];
  const out = ['# envls-schema: neosync/api', ...known];
  for (let i = out.length; i < lines; i++) {
    if (i % 20 === 0) out.push('', `# Section ${i}`);
    else if (i % 7 === 0) out.push(`APP_SETTING_${i}="quoted value ${i}" # note`);
    else if (i % 11 === 0) out.push(`APP_URL_${i}=\${HOST}:\${PORT}/path/${i}`);
    else out.push(`APP_SETTING_${i}=value_${i}`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

async function buildTrivialServer(itemCount) {
  const source = join(work, 'trivial.ts');
  writeFileSync(source, `const ITEMS = ${itemCount};
    import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
    import { TextDocument } from 'vscode-languageserver-textdocument';
    const connection = createConnection(ProposedFeatures.all);
    const documents = new TextDocuments(TextDocument);
    connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: {} } }));
    connection.onHover(() => ({ contents: 'hover' }));
    // The same number of items as envls offers on an empty line, shaped alike, computed by nothing.
    const items = Array.from({ length: ITEMS }, (_, i) => ({ label: 'VARIABLE_NAME_' + i, kind: 6, detail: 'string · default something', sortText: '1VARIABLE_NAME_' + i,
      textEdit: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'VARIABLE_NAME_' + i + '=$0' }, insertTextFormat: 2, data: { variable: 'VARIABLE_NAME_' + i, uri: 'file:///bench/.env' } }));
    connection.onCompletion(() => ({ isIncomplete: false, items }));
    // A change round trip with no analysis at all: an empty list for the new version.
    documents.onDidChangeContent((e) => connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] }));
    documents.listen(connection);
    connection.listen();
  `);
  const outfile = join(work, 'trivial.js');
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'error', nodePaths: [join(repoRoot, 'node_modules')] });
  return outfile;
}

/** Spawn -> initialize answered, in ms. */
async function initializeTime(serverPath) {
  const t = now();
  const server = await start(serverPath);
  const elapsed = now() - t;
  await server.stop();
  return elapsed;
}

/** Opens a text (waiting for its diagnostics when the server publishes on open). */
async function open(server, uri, text, publishesOnOpen = true) {
  const opened = publishesOnOpen ? server.published(uri, 1) : undefined;
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  await opened;
}

/** Times didChange -> the publishDiagnostics of that version, `count` edits from version `from`, typing in the middle. */
async function changeRoundTrips(server, uri, text, count, from) {
  const line = text.split('\n').length >> 1;
  const times = [];
  for (let v = from; v < from + count; v++) {
    const wait = server.published(uri, v);
    const t = now();
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 2 ? 'X' : '' }],
    });
    await wait;
    times.push(now() - t);
  }
  return times;
}

async function start(serverPath) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (p.uri === w.uri && p.version === w.version) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  connection.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((r) => waiters.push({ uri, version, resolve: r }));
  const exited = new Promise((r) => child.once('exit', r));
  // A clean LSP end (shutdown, exit): killing the process while a notification is still being written fails the write.
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    connection.dispose();
  };
  return { connection, published, stop };
}

async function main() {
  const text = generate(10000);
  const uri = 'file:///bench/.env';
  const lines = text.split('\n');

  // Reference 1: dotenv.parse on the same text.
  for (let i = 0; i < 20; i++) dotenv.parse(text);
  const parseTimes = [];
  for (let i = 0; i < 40; i++) { const t = now(); dotenv.parse(text); parseTimes.push(now() - t); }
  const dotenvMs = median(parseTimes);

  // Both servers run side by side and requests alternate between them, so that a change in the
  // machine's load during the run affects both alike. envls first: how many completion items it
  // offers on an empty line, which the trivial server then answers with.
  const envls = await start(join(repoRoot, 'dist/server.js'));
  const opened = envls.published(uri, 1);
  envls.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  const first = await opened;
  const completionAt = { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } };
  const itemCount = (await envls.connection.sendRequest('textDocument/completion', completionAt)).items.length;
  const trivialPath = await buildTrivialServer(itemCount);
  const trivial = await start(trivialPath);
  trivial.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  const timed = async (send) => { const t = now(); await send(); return now() - t; };
  const hover = [];
  const trivialHover = [];
  const completion = [];
  const trivialCompletion = [];
  const hoverAt = { textDocument: { uri }, position: { line: 1, character: 2 } };
  for (let i = 0; i < 200; i++) {
    hover.push(await timed(() => envls.connection.sendRequest('textDocument/hover', hoverAt)));
    trivialHover.push(await timed(() => trivial.connection.sendRequest('textDocument/hover', hoverAt)));
    completion.push(await timed(() => envls.connection.sendRequest('textDocument/completion', completionAt)));
    trivialCompletion.push(await timed(() => trivial.connection.sendRequest('textDocument/completion', completionAt)));
  }
  // Navigation on a name read all over the file: HOST (line 6), referenced on every APP_URL_ line.
  const referenceLine = lines.findIndex((l) => l.startsWith('APP_URL_'));
  const navigation = { definition: [], references: [], documentHighlight: [], rename: [] };
  const navigationRequests = {
    definition: ['textDocument/definition', { textDocument: { uri }, position: { line: referenceLine, character: lines[referenceLine].indexOf('${HOST}') + 3 } }],
    references: ['textDocument/references', { textDocument: { uri }, position: { line: 6, character: 1 }, context: { includeDeclaration: true } }],
    documentHighlight: ['textDocument/documentHighlight', { textDocument: { uri }, position: { line: 6, character: 1 } }],
    rename: ['textDocument/rename', { textDocument: { uri }, position: { line: 6, character: 1 }, newName: 'BIND_HOST' }],
  };
  let referenceCount = 0;
  for (let i = 0; i < 100; i++) {
    for (const [name, [method, params]] of Object.entries(navigationRequests)) {
      const t = now();
      const result = await envls.connection.sendRequest(method, params);
      navigation[name].push(now() - t);
      if (name === 'references') referenceCount = result.length;
    }
  }
  // Edits: insert a character in a value in the middle of the file, as typing does.
  const change = await changeRoundTrips(envls, uri, text, 60, 2);
  // A 200-line file, change round trips alternating between the servers.
  const small = generate(200);
  const smallUri = 'file:///bench/small/.env';
  const smallChange = [];
  const trivialSmallChange = [];
  await open(envls, smallUri, small);
  await open(trivial, smallUri, small, false);
  for (let v = 2; v < 102; v++) {
    smallChange.push(...(await changeRoundTrips(envls, smallUri, small, 1, v)));
    trivialSmallChange.push(...(await changeRoundTrips(trivial, smallUri, small, 1, v)));
  }
  await envls.stop();
  await trivial.stop();

  // Start-up: spawn -> initialize answered, alternating which server goes first.
  const serverPath = join(repoRoot, 'dist/server.js');
  await initializeTime(serverPath);
  await initializeTime(trivialPath);
  const initEnvls = [];
  const initTrivial = [];
  for (let i = 0; i < 12; i++) {
    if (i % 2) { initEnvls.push(await initializeTime(serverPath)); initTrivial.push(await initializeTime(trivialPath)); }
    else { initTrivial.push(await initializeTime(trivialPath)); initEnvls.push(await initializeTime(serverPath)); }
  }

  const rows = [
    ['initialize: spawn → answered vs trivial server', median(initEnvls), median(initTrivial), median(initEnvls) / median(initTrivial), '≤ 1.3'],
    ['hover (envls) vs trivial hover', median(hover), median(trivialHover), median(hover) / median(trivialHover), '≤ 1.5'],
    [`completion, ${itemCount} items (envls) vs trivial completion`, median(completion), median(trivialCompletion), median(completion) / median(trivialCompletion), '≤ 2'],
    ['completion (envls) vs trivial hover (stricter)', median(completion), median(trivialHover), median(completion) / median(trivialHover), ''],
    ['didChange → publishDiagnostics vs dotenv.parse', median(change), dotenvMs, median(change) / dotenvMs, '≤ 3'],
    ...Object.entries(navigation).map(([name, times]) => [`${name} on HOST (${referenceCount} uses) vs trivial hover`, median(times), median(trivialHover), median(times) / median(trivialHover), '']),
    ['200 lines: didChange → diagnostics vs trivial', median(smallChange), median(trivialSmallChange), median(smallChange) / median(trivialSmallChange), '≤ 3'],
  ];
  console.log(`\nProtocol (initialize; 200-line file; the rest on a 10,000-line .env bound to neosync/api (${(text.length / 1e6).toFixed(2)} MB, ${first.diagnostics.length} diagnostics), medians:`);
  console.log('measure'.padEnd(52), 'envls ms'.padStart(9), 'ref ms'.padStart(9), 'ratio'.padStart(7), ' goal');
  for (const [name, a, b, r, goal] of rows) console.log(name.padEnd(52), a.toFixed(2).padStart(9), b.toFixed(2).padStart(9), r.toFixed(2).padStart(7), ` ${goal}`);
  recordTarget('initialize (spawn → answered)', median(initEnvls) / median(initTrivial), 1.3, 'trivial vscode-languageserver server');
  recordTarget('hover, 10,000-line file', median(hover) / median(trivialHover), 1.5, 'trivial server hover');
  recordTarget('change → diagnostics, 10,000 lines', median(change) / dotenvMs, 3, 'dotenv.parse of the text');
  recordTarget('change → diagnostics, 200 lines', median(smallChange) / median(trivialSmallChange), 3, 'trivial server round trip');
}

await main();
