/**
 * The project model through the real server: workspace folders on disk, scanned when first
 * needed, kept current by didChangeWatchedFiles and by the editor's unsaved text. Each
 * convention's order shows in hover and shadowedVariable; each project code, each fix (applied,
 * exact text) and navigation across layers are checked over JSON-RPC.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { tempWorkspaces } from './support/tempWorkspace';
import { startServer, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

const { workspace, write, uriIn } = tempWorkspaces('envls-project', { isolateHome: true });

async function withServer(root: string, run: (client: Client) => Promise<void>, settings?: unknown): Promise<void> {
  const client = await startServer({
    rootPath: root,
    settings,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } } },
  });
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

async function open(client: Client, root: string, path: string): Promise<Diagnostic[]> {
  return (await client.open(join(root, path), readFileSync(join(root, path), 'utf8'))).diagnostics;
}

const withCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const messages = (diagnostics: Diagnostic[], code: string) => withCode(diagnostics, code).map((d) => d.message);

async function hoverText(client: Client, uri: string, line: number, character = 1): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return hover ? (hover.contents as MarkupContent).value : '';
}

async function actions(client: Client, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const range = diagnostics[0].range;
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
}

/** The edits an action makes to `uri` (from `changes` or `documentChanges`). */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const fromChanges = edit?.changes?.[uri];
  if (fromChanges) return fromChanges;
  for (const change of edit?.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) return change.edits as TextEdit[];
  return [];
}

const NEXT = '{"dependencies":{"next":"15.0.0"}}';

// ---------------------------------------------------------------- each convention's order

test('Next.js: .env.local overrides .env in development and production, and hover shows each mode', async () => {
  const root = workspace({ 'package.json': NEXT, '.env': 'API_URL=http://localhost:3000\n', '.env.local': 'API_URL=http://localhost:4000\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['API_URL is overridden by .env.local in development and production (Next.js order).']);
    const hover = await hoverText(client, uriIn(root, '.env'), 0);
    assert.match(hover, /Effective value\*\* \(Next\.js order\)/);
    assert.match(hover, /- development: `` http:\/\/localhost:4000 `` from \.env\.local\n/);
    assert.match(hover, /- test: `` http:\/\/localhost:3000 `` from \.env\n/);
    assert.match(hover, /Overridden by \.env\.local in development, production/);
  });
});

test('Vite: .env.production wins over .env.local in production', async () => {
  const root = workspace({ 'package.json': '{"devDependencies":{"vite":"5.0.0"}}', '.env.local': 'PORT=1\n', '.env.production': 'PORT=2\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env.local');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['PORT is overridden by .env.production in production (Vite order).']);
  });
});

test('compose env_file: the later file of a service wins', async () => {
  const root = workspace({
    'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file:\n      - base.env\n      - web.env\n',
    'base.env': 'LOG_LEVEL=info\n',
    'web.env': 'LOG_LEVEL=debug\n',
  });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, 'base.env');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['LOG_LEVEL is overridden by web.env in compose:web (docker compose env_file order); this line takes effect in no mode.']);
    await open(client, root, 'web.env');
    assert.match(await hoverText(client, uriIn(root, 'web.env'), 0), /Overrides base\.env in compose:web/);
  });
});

test('dotenvx: the first -f file of a script wins', async () => {
  const root = workspace({
    'package.json': '{"scripts":{"dev":"dotenvx run -f .env.local -f .env -- node index.js"}}',
    '.env': 'DEBUG=false\n',
    '.env.local': 'DEBUG=true\n',
  });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['DEBUG is overridden by .env.local in dev (dotenvx order); this line takes effect in no mode.']);
  });
});

test('plain dotenv: only .env loads, so .env.local overrides nothing; envls.loadOrder with override makes it win', async () => {
  const files = { 'package.json': '{"dependencies":{"dotenv":"16.0.0"}}', '.env': 'PORT=3000\n', '.env.local': 'PORT=4000\n' };
  const root = workspace(files);
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(withCode(diagnostics, 'shadowedVariable'), []);
    assert.match(await hoverText(client, uriIn(root, '.env'), 0), /Effective value\*\* \(dotenv order\)/);
  });
  const overriding = workspace(files);
  await withServer(overriding, async (client) => {
    const diagnostics = await open(client, overriding, '.env');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['PORT is overridden by .env.local (envls.loadOrder: later files win); this line takes effect in no mode.']);
  }, { loadOrder: { '.': { files: ['.env', '.env.local'], override: true } } });
});

test("Rails' dotenv: .env.development overrides .env in development only", async () => {
  const root = workspace({ Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'dotenv-rails'\n", '.env': 'HOST=a\n', '.env.development': 'HOST=b\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ["HOST is overridden by .env.development in development (Rails' dotenv order)."]);
  });
});

test('python-dotenv: .env is the one file, its value the effective one', async () => {
  const root = workspace({ 'requirements.txt': 'python-dotenv==1.0.0\n', '.env': 'DEBUG=1\n', '.env.local': 'DEBUG=2\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(withCode(diagnostics, 'shadowedVariable'), []);
    const hover = await hoverText(client, uriIn(root, '.env'), 0);
    assert.match(hover, /Effective value\*\* \(python-dotenv order\)/);
    assert.match(hover, /- default: `` 1 `` from \.env$/);
  });
});

test('envls.loadOrder names a convention: Vite instead of the detected Next.js', async () => {
  const root = workspace({ 'package.json': NEXT, '.env.local': 'PORT=1\n', '.env.production': 'PORT=2\n' });
  await withServer(root, async (client) => {
    const diagnostics = await open(client, root, '.env.local');
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['PORT is overridden by .env.production in production (Vite order).']);
  }, { loadOrder: 'vite' });
});

// ---------------------------------------------------------------- the example as the contract

const EXAMPLE = ['# The database', 'DATABASE_URL=postgres://localhost/app', '', '# Signing key', 'JWT_SECRET=changeme', 'PORT=3000', 'SENTRY_DSN= # optional', ''].join('\n');

test('missingExampleVariable, its two fixes applied, and insecureValue for a placeholder secret', async () => {
  const root = workspace({ 'package.json': NEXT, '.env.example': EXAMPLE, '.env': 'JWT_SECRET=changeme\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'missingExampleVariable').sort(), [
      'DATABASE_URL from .env.example is not set in this file.',
      'PORT from .env.example is not set in this file.',
    ]);
    assert.deepEqual(messages(diagnostics, 'insecureValue'), ['JWT_SECRET still holds the placeholder from .env.example; anyone who can read the example knows it.']);
    const missing = withCode(diagnostics, 'missingExampleVariable');
    const fixes = await actions(client, uri, missing);
    const one = fixes.find((a) => a.title === 'Add DATABASE_URL from .env.example')!;
    assert.equal(applyLspEdits('JWT_SECRET=changeme\n', editsFor(one.edit, uri)), 'JWT_SECRET=changeme\n# The database\nDATABASE_URL=postgres://localhost/app\n');
    const all = fixes.find((a) => a.title === 'Add all missing from .env.example')!;
    assert.equal(applyLspEdits('JWT_SECRET=changeme\n', editsFor(all.edit, uri)), 'JWT_SECRET=changeme\n# The database\nDATABASE_URL=postgres://localhost/app\n\nPORT=3000\n');
  });
});

test('undocumentedVariable: the fix adds the name to the example, never its secret value', async () => {
  const root = workspace({ 'package.json': NEXT, '.env.example': 'PORT=3000\n', '.env': 'PORT=3000\nSTRIPE_SECRET_KEY=sk_live_abcdefghijklmnop\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'undocumentedVariable'), ['STRIPE_SECRET_KEY is not listed in .env.example.']);
    const [fix] = (await actions(client, uri, withCode(diagnostics, 'undocumentedVariable'))).filter((a) => a.title === 'Add STRIPE_SECRET_KEY to .env.example');
    const exampleUri = uriIn(root, '.env.example');
    assert.equal(applyLspEdits('PORT=3000\n', editsFor(fix.edit, exampleUri)), 'PORT=3000\nSTRIPE_SECRET_KEY=\n');
  });
});

test('missingRequired is checked against the merged files: a .env.local of overrides reports nothing .env sets', async () => {
  const local = '# envls-schema: flux\nFLUX_URL=https://api--notes--a1b2c3.vsl-base.com\n';
  const merged = workspace({ 'package.json': NEXT, '.env': 'FLUX_GATEWAY_JWT_SECRET=Qm9vdHN0cmFwU2VjcmV0S2V5MTIzNDU2Nzg5MA\n', '.env.local': local });
  await withServer(merged, async (client) => {
    assert.deepEqual(withCode(await open(client, merged, '.env.local'), 'missingRequired'), []);
  });
  const alone = workspace({ 'package.json': NEXT, '.env': 'OTHER=1\n', '.env.local': local });
  await withServer(alone, async (client) => {
    const missing = withCode(await open(client, alone, '.env.local'), 'missingRequired');
    assert.deepEqual(missing.map((d) => String(d.message).split(' ')[0]), ['FLUX_GATEWAY_JWT_SECRET']);
  });
});

// ---------------------------------------------------------------- git

test('notGitignored in a git repository, with the fix that creates .gitignore; silent outside a repository', async () => {
  const root = workspace({ '.env': 'API_KEY=abc\n' });
  execFileSync('git', ['init', '-q'], { cwd: root });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    const diagnostics = await open(client, root, '.env');
    assert.deepEqual(messages(diagnostics, 'notGitignored'), ['.env is not ignored by git: its values would be committed. Add it to .gitignore.']);
    const [fix] = (await actions(client, uri, withCode(diagnostics, 'notGitignored'))).filter((a) => a.title === 'Add .env to .gitignore');
    const gitignoreUri = uriIn(root, '.gitignore');
    assert.deepEqual(fix.edit?.documentChanges?.[0], { kind: 'create', uri: gitignoreUri, options: { ignoreIfExists: true } });
    assert.equal(applyLspEdits('', editsFor(fix.edit, gitignoreUri)), '.env\n');
  });
  const ignored = workspace({ '.env': 'API_KEY=abc\n', '.gitignore': '.env\n' });
  execFileSync('git', ['init', '-q'], { cwd: ignored });
  await withServer(ignored, async (client) => {
    assert.deepEqual(withCode(await open(client, ignored, '.env'), 'notGitignored'), []);
  });
  const outside = workspace({ '.env': 'API_KEY=abc\n' });
  await withServer(outside, async (client) => {
    assert.deepEqual(withCode(await open(client, outside, '.env'), 'notGitignored'), []);
  });
});

// ---------------------------------------------------------------- navigation

test('definition and references of a key reach .env.local and .env.example', async () => {
  const root = workspace({ 'package.json': NEXT, '.env': 'PORT=3000\n', '.env.local': 'HOST=x\nPORT=4000\n', '.env.example': 'PORT=\n' });
  await withServer(root, async (client) => {
    await open(client, root, '.env');
    const uri = uriIn(root, '.env');
    const position = { line: 0, character: 1 };
    const definitions = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    const where = (locations: Location[]) => locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}`).sort();
    assert.deepEqual(where(definitions), ['.env.example:0', '.env.local:1', '.env:0']);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(where(references), ['.env.example:0', '.env.local:1', '.env:0']);
  });
});

// ---------------------------------------------------------------- keeping current

test('a file created on disk and announced by didChangeWatchedFiles makes shadowedVariable appear in the open .env', async () => {
  const root = workspace({ 'package.json': NEXT, '.env': 'API_URL=http://localhost:3000\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    assert.deepEqual(withCode(await open(client, root, '.env'), 'shadowedVariable'), []);
    write(root, '.env.local', 'API_URL=http://localhost:4000\n');
    const republished = client.notification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'shadowedVariable'));
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(root, '.env.local'), type: 1 }] });
    const { diagnostics } = await republished;
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['API_URL is overridden by .env.local in development and production (Next.js order).']);
  });
});

test("an open layer's unsaved text is what the other files see", async () => {
  const root = workspace({ 'package.json': NEXT, '.env': 'API_URL=http://localhost:3000\n', '.env.local': 'OTHER=1\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    assert.deepEqual(withCode(await open(client, root, '.env'), 'shadowedVariable'), []);
    const localUri = uriIn(root, '.env.local');
    await client.open(join(root, '.env.local'), 'OTHER=1\n');
    const republished = client.notification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'shadowedVariable'));
    await client.change(localUri, 2, 'OTHER=1\nAPI_URL=http://localhost:4000\n');
    const { diagnostics } = await republished;
    assert.deepEqual(messages(diagnostics, 'shadowedVariable'), ['API_URL is overridden by .env.local in development and production (Next.js order).']);
  });
});

test('changing envls.loadOrder re-plans the open files', async () => {
  const root = workspace({ 'package.json': NEXT, '.env.local': 'PORT=1\n', '.env.production': 'PORT=2\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env.local');
    assert.deepEqual(withCode(await open(client, root, '.env.local'), 'shadowedVariable'), [], 'Next.js: .env.local wins over .env.production');
    const republished = client.notification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'shadowedVariable'));
    client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { envls: { loadOrder: 'vite' } } });
    assert.deepEqual(messages((await republished).diagnostics, 'shadowedVariable'), ['PORT is overridden by .env.production in production (Vite order).']);
  });
});
