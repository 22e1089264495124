// Completion in a code file (issue 12, item 5): the built server's answer after `process.env.` in a
// TypeScript file of a workspace whose `.env` sets 70 variables, once the folder's code index is
// ready, against a trivial vscode-languageserver server answering as many items, shaped alike
// (itemDefaults: the shared edit range and data once, each item its label, kind, detail and sort
// text), computed by nothing (goal: within 2x). `node bench/code-completion.mjs` (part of
// `npm run bench`; needs `npm run build`). Requests alternate between the servers in rotating order,
// so that the machine's load affects both alike; medians of many repetitions; every wait is on a response.
//
// The target is measured as the env-file completion bench does: every request at the same document
// version. Also shown: a request right after a keystroke (a didChange to a new version first, sent to
// both servers), where envls parses the new version incrementally from the document's last tree.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recordTarget } from './targets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const rpc = require('vscode-jsonrpc/node');
const work = mkdtempSync(join(tmpdir(), 'envls-bench-code-completion-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const now = () => Number(process.hrtime.bigint()) / 1e6;
const ITEM_DEFAULTS = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];
const REPEAT = 300;
const VARIABLES = 70;

/** The workspace: a `.env` of 70 variables, a few more code files, and the TypeScript module completed in. */
function workspace() {
  const root = join(work, 'app');
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const names = Array.from({ length: VARIABLES }, (_, i) => `APP_SETTING_${String(i).padStart(2, '0')}`);
  write('.env', `${names.map((name, i) => `${name}=value-${i}`).join('\n')}\n`);
  write('package.json', '{ "name": "bench-app", "private": true }\n');
  for (let i = 0; i < 20; i++) write(`src/lib/module-${i}.ts`, `export const setting${i} = process.env.${names[i]} ?? 'x';\n`);
  // An ordinary module of about 200 lines, the completion asked on its line 100.
  const lines = [];
  for (let i = 0; i < 40; i++) lines.push(`// helper ${i}`, `export function helper${i}(value: number): string {`, `  return \`\${value * ${i}} items\`;`, '}', '');
  const at = 100;
  lines.splice(at, 0, 'export const chosen = process.env.');
  const text = `${lines.join('\n')}\n`;
  write('src/config.ts', text);
  return { root, path: join(root, 'src/config.ts'), text, position: { line: at, character: lines[at].length } };
}

async function buildTrivialServer(itemCount) {
  const source = join(work, 'trivial.ts');
  writeFileSync(source, `const ITEMS = ${itemCount};
    import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
    import { TextDocument } from 'vscode-languageserver-textdocument';
    const connection = createConnection(ProposedFeatures.all);
    const documents = new TextDocuments(TextDocument);
    connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, completionProvider: { resolveProvider: true } } }));
    // What a server that does nothing sends, shaped as envls's code completion with LSP 3.17 itemDefaults.
    connection.onCompletion((params) => ({ isIncomplete: false,
      itemDefaults: { editRange: { start: params.position, end: params.position }, data: { context: 'code', uri: params.textDocument.uri } },
      items: Array.from({ length: ITEMS }, (_, i) => ({ label: 'APP_SETTING_' + i, kind: 6, detail: 'from .env', sortText: '0APP_SETTING_' + i })) }));
    documents.listen(connection);
    connection.listen();
  `);
  const outfile = join(work, 'trivial.js');
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'error', nodePaths: [join(repoRoot, 'node_modules')] });
  return outfile;
}

async function start(serverPath, rootUri) {
  const child = spawn(process.execPath, [...(process.env.ENVLS_BENCH_PROFILE && serverPath.endsWith('server.js') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ENVLS_BENCH_PROFILE}`] : []), serverPath, '--stdio'], { stdio: 'pipe', env: { ...process.env, HOME: work, XDG_CONFIG_HOME: join(work, '.config') } });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (uri) => new Promise((done) => waiters.push((p) => (p.uri === uri ? (done(p), true) : false)));
  const completion = { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ITEM_DEFAULTS } };
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'app' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, completion } },
  });
  connection.sendNotification('initialized', {});
  const exited = new Promise((done) => child.once('exit', done));
  // Shut down as a client does (a profile given by --cpu-prof is written on a normal exit).
  const stop = async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    connection.sendNotification('exit');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 2000).unref())]);
    child.kill();
    connection.dispose();
  };
  return { connection, published, stop };
}

/** Opens the code file (envls: its diagnostics come once the folder's code index is ready) and warms the request up. */
async function prepare(server, file, waitForIndex) {
  const uri = pathToFileURL(file.path).toString();
  const ready = server.published(uri);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: file.text } });
  if (waitForIndex) await ready;
  const ask = () => server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: file.position, context: { triggerKind: 2, triggerCharacter: '.' } });
  // After a keystroke: a new version (a character typed or erased in a comment above the cursor), then the request.
  let version = 1;
  const typed = file.text.replace('// helper 3\n', '// helper 3x\n');
  const afterKeystroke = () => {
    version++;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 ? file.text : typed }] });
    return ask();
  };
  for (let i = 0; i < 30; i++) await ask();
  for (let i = 0; i < 30; i++) await afterKeystroke();
  return { ask, afterKeystroke };
}

async function main() {
  const file = workspace();
  const rootUri = pathToFileURL(file.root).toString();
  const servers = { envls: await start(join(repoRoot, 'dist/server.js'), rootUri) };
  const asks = { envls: await prepare(servers.envls, file, true) };
  const first = await asks.envls.ask();
  const itemCount = first?.items?.length ?? 0;
  if (itemCount < VARIABLES) throw new Error(`envls answered ${itemCount} items, expected at least the .env's ${VARIABLES}`);
  servers.trivial = await start(await buildTrivialServer(itemCount), rootUri);
  asks.trivial = await prepare(servers.trivial, file, false);
  const names = Object.keys(servers);
  const measure = async (kind) => {
    const times = Object.fromEntries(names.map((name) => [name, []]));
    for (let i = 0; i < REPEAT; i++) {
      for (const name of names.map((_, k) => names[(i + k) % names.length])) {
        const t = now();
        await asks[name][kind]();
        times[name].push(now() - t);
      }
    }
    return { envls: median(times.envls), reference: median(times.trivial) };
  };
  const { envls, reference } = await measure('ask');
  const keystroke = await measure('afterKeystroke');
  const bytes = { envls: JSON.stringify(await asks.envls.ask()).length, trivial: JSON.stringify(await asks.trivial.ask()).length };
  for (const server of Object.values(servers)) await server.stop();
  recordTarget(`code completion, process.env. (${itemCount} items)`, envls / reference, 2, `trivial server, ${itemCount} items`);
  console.log(`\nCompletion after process.env. in a 200-line .ts (a .env of ${VARIABLES} variables, code index ready): ${itemCount} items, medians of ${REPEAT}:`);
  console.log('measure'.padEnd(40), 'ms'.padStart(9), 'ratio'.padStart(7), 'bytes'.padStart(8), ' goal');
  console.log('trivial server'.padEnd(40), reference.toFixed(3).padStart(9), '1.00'.padStart(7), String(bytes.trivial).padStart(8));
  console.log('envls'.padEnd(40), envls.toFixed(3).padStart(9), (envls / reference).toFixed(2).padStart(7), String(bytes.envls).padStart(8), ' ≤ 2');
  console.log('trivial server, after a keystroke'.padEnd(40), keystroke.reference.toFixed(3).padStart(9), '1.00'.padStart(7));
  console.log('envls, after a keystroke'.padEnd(40), keystroke.envls.toFixed(3).padStart(9), (keystroke.envls / keystroke.reference).toFixed(2).padStart(7));
}

await main();
