/**
 * Secrets without a schema (issue 11, item 3) through the real server (dist/server.js, which
 * requires dist/secretlint.js on first use): each check over JSON-RPC, in workspace folders on disk,
 * with and without git. No published message quotes a value.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { startServer, type Client } from './support/lspClient';
import { FAKE_CREDENTIALS, PUBLIC_KEYS, SUPABASE_DEMO_ANON } from './support/fakeCredentials';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

// git's global excludes file must not decide these tests: point HOME and XDG_CONFIG_HOME (inherited by the server) at empty folders.
const home = mkdtempSync(join(tmpdir(), 'envls-secrets-home-'));
roots.push(home);
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = join(home, '.config');

const GITHUB_TOKEN = FAKE_CREDENTIALS.find(([d]) => d === 'github')![2];
const STRIPE_KEY = FAKE_CREDENTIALS.find(([d]) => d === 'stripe')![2];

function workspace(files: Record<string, string>, git = false): string {
  const root = mkdtempSync(join(tmpdir(), 'envls-secrets-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (git) execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

async function withServer(root: string, run: (client: Client) => Promise<void>): Promise<void> {
  const client = await startServer({ rootPath: root });
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

async function insecure(client: Client, root: string, path: string): Promise<Diagnostic[]> {
  const text = readFileSync(join(root, path), 'utf8');
  const { diagnostics } = await client.open(join(root, path), text);
  const found = diagnostics.filter((d) => d.code === 'insecureValue');
  // No message quotes a value of the file, nor a 12-character piece of one.
  for (const d of found) {
    for (const entry of text.split('\n')) {
      const value = entry.slice(entry.indexOf('=') + 1);
      for (let i = 0; i + 12 <= value.length; i++) assert.ok(!String(d.message).includes(value.slice(i, i + 12)), `${String(d.message)} quotes a value`);
    }
  }
  return found;
}

const summary = (ds: Diagnostic[]) => ds.map((d) => [d.range.start.line, (d.data as { info: { reason: string } }).info.reason, d.severity]);

test('a placeholder, a weak value and a published demo key in a secret of .env: information, with only the suppression fixes', async () => {
  const root = workspace({ '.env': `JWT_SECRET=changeme\nDB_PASSWORD=abc\nSUPABASE_SERVICE_ROLE_KEY=${SUPABASE_DEMO_ANON}\nPORT=3000\n`, '.gitignore': '.env\n' }, true);
  await withServer(root, async (client) => {
    const found = await insecure(client, root, '.env');
    assert.deepEqual(summary(found), [[0, 'placeholder', DiagnosticSeverity.Information], [1, 'short', DiagnosticSeverity.Information], [2, 'demoKey', DiagnosticSeverity.Information]]);
    assert.equal(found[0].message, 'JWT_SECRET holds a placeholder, not a secret; set a long random value.');
    const uri = pathToFileURL(join(root, '.env')).toString();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: [found[0]], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a) => a.title), ['Suppress insecureValue on this line', 'Suppress insecureValue in this file']);
  });
});

test('a credential in a browser variable: a warning in any file, ignored by git or not', async () => {
  const root = workspace({ '.env.local': `NEXT_PUBLIC_GITHUB_TOKEN=${GITHUB_TOKEN}\n`, '.gitignore': '.env.local\n' }, true);
  await withServer(root, async (client) => {
    const found = await insecure(client, root, '.env.local');
    assert.deepEqual(summary(found), [[0, 'credential', DiagnosticSeverity.Warning]]);
    assert.equal(found[0].message, 'NEXT_PUBLIC_GITHUB_TOKEN holds a GitHub token; NEXT_PUBLIC_… values ship to the browser. Keep it server-side and rotate it.');
  });
});

test('a credential in a file git commits is a warning; the same file ignored, or outside git, says nothing', async () => {
  const text = `STRIPE_SECRET_KEY=${STRIPE_KEY}\n`;
  const committed = workspace({ '.env': text }, true);
  await withServer(committed, async (client) => {
    const found = await insecure(client, committed, '.env');
    assert.deepEqual(summary(found), [[0, 'credential', DiagnosticSeverity.Warning]]);
    assert.equal(found[0].message, 'STRIPE_SECRET_KEY holds a Stripe secret key in a file git commits (not ignored). Move it out and rotate it.');
  });
  const ignored = workspace({ '.env': text, '.gitignore': '.env\n' }, true);
  await withServer(ignored, async (client) => assert.deepEqual(await insecure(client, ignored, '.env'), []));
  const outside = workspace({ '.env': text });
  await withServer(outside, async (client) => assert.deepEqual(await insecure(client, outside, '.env'), []));
});

test('an example stays quiet about placeholders and reports a live-looking credential', async () => {
  const example = `JWT_SECRET=changeme\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nDATABASE_URL=postgres://app:examplepw@localhost/app\nSTRIPE_SECRET_KEY=${STRIPE_KEY}\n`;
  const root = workspace({ '.env.example': example }, true);
  await withServer(root, async (client) => {
    const found = await insecure(client, root, '.env.example');
    assert.deepEqual(summary(found), [[3, 'credential', DiagnosticSeverity.Warning]]);
    assert.equal(found[0].message, 'STRIPE_SECRET_KEY holds what looks like a live Stripe secret key; .env.example should hold a placeholder.');
  });
});

test('publishable keys in browser variables are not reported, even in a committed file', async () => {
  const root = workspace({ '.env': PUBLIC_KEYS.map(([name, value]) => `${name}=${value}\n`).join('') }, true);
  await withServer(root, async (client) => {
    assert.deepEqual((await insecure(client, root, '.env')).filter((d) => (d.data as { info: { reason: string } }).info.reason === 'credential'), []);
  });
});

test('a document outside any workspace folder: browser credentials only (no role, no git to judge the rest)', async () => {
  const root = workspace({});
  await withServer(root, async (client) => {
    const { diagnostics } = await client.open('untitled:Untitled-1', `VITE_STRIPE_KEY=${STRIPE_KEY}\nJWT_SECRET=changeme\n`);
    assert.deepEqual(summary(diagnostics.filter((d) => d.code === 'insecureValue')), [[0, 'credential', DiagnosticSeverity.Warning]]);
  });
});
