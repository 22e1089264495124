// Protocol benchmark (no test framework; part of `npm run bench`): the built
// server over real JSON-RPC on a 10,000-line .env bound to neosync/api, compared
// in the same run with references:
//   - hover and completion round trips vs a trivial vscode-languageserver server's
//     hover round trip (goal: within 2x);
//   - didChange -> matching publishDiagnostics vs dotenv.parse of the same text
//     (goal: within 4x);
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
    documents.listen(connection);
    connection.listen();
  `);
  const outfile = join(work, 'trivial.js');
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'error', nodePaths: [join(repoRoot, 'node_modules')] });
  return outfile;
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
  return { connection, published, stop: () => { child.kill(); connection.dispose(); } };
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

  // The envls server first: how many completion items it offers on an empty line.
  const envls = await start(join(repoRoot, 'dist/server.js'));
  const opened = envls.published(uri, 1);
  envls.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  const first = await opened;
  const hover = [];
  const completion = [];
  for (let i = 0; i < 200; i++) {
    let t = now();
    await envls.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    hover.push(now() - t);
    t = now();
    await envls.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } });
    completion.push(now() - t);
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
  const change = [];
  for (let v = 2; v < 62; v++) {
    const line = 5000;
    const wait = envls.published(uri, v);
    const t = now();
    envls.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 2 ? 'X' : '' }],
    });
    await wait;
    change.push(now() - t);
  }
  const itemCount = (await envls.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } })).items.length;
  envls.stop();

  // Reference 2: a trivial vscode-languageserver server's hover, and its completion with as many items.
  const trivial = await start(await buildTrivialServer(itemCount));
  trivial.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
  const trivialHover = [];
  const trivialCompletion = [];
  for (let i = 0; i < 200; i++) {
    let t = now();
    await trivial.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
    trivialHover.push(now() - t);
    t = now();
    await trivial.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    trivialCompletion.push(now() - t);
  }
  trivial.stop();

  const rows = [
    ['hover (envls) vs trivial hover', median(hover), median(trivialHover), median(hover) / median(trivialHover), '≤ 2'],
    [`completion, ${itemCount} items (envls) vs trivial completion`, median(completion), median(trivialCompletion), median(completion) / median(trivialCompletion), '≤ 2'],
    ['completion (envls) vs trivial hover (stricter)', median(completion), median(trivialHover), median(completion) / median(trivialHover), ''],
    ['didChange → publishDiagnostics vs dotenv.parse', median(change), dotenvMs, median(change) / dotenvMs, '≤ 4'],
    ...Object.entries(navigation).map(([name, times]) => [`${name} on HOST (${referenceCount} uses) vs trivial hover`, median(times), median(trivialHover), median(times) / median(trivialHover), '']),
  ];
  console.log(`\nProtocol on a 10,000-line .env bound to neosync/api (${(text.length / 1e6).toFixed(2)} MB, ${first.diagnostics.length} diagnostics), medians:`);
  console.log('measure'.padEnd(52), 'envls ms'.padStart(9), 'ref ms'.padStart(9), 'ratio'.padStart(7), ' goal');
  for (const [name, a, b, r, goal] of rows) console.log(name.padEnd(52), a.toFixed(2).padStart(9), b.toFixed(2).padStart(9), r.toFixed(2).padStart(7), ` ${goal}`);
}

await main();
