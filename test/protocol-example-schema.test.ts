/**
 * The app's `.env.example` through the project model, and where each schema of a file comes from.
 * Over JSON-RPC against the real server (an empty `.env` of a Next.js + Auth.js + Prisma app:
 * completion, its documentation, hover, the binding notice) and through the built CLI (text, json,
 * sarif).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { tempWorkspaces } from './support/tempWorkspace';
import { REPO_ROOT, startServer, type Client } from './support/lspClient';
import type { BindingNotice } from '../server/src/protocol/bindingNotice';
import { isPlaceholder as isExamplePlaceholder } from '../server/src/service/placeholders';
import { schemaSourcesOf } from '../server/src/service/schemaSources';
import { makeSchema } from './support/testSchema';

const { workspace, uriIn } = tempWorkspaces('envls-example', { isolateHome: true });

const APP = JSON.stringify({ dependencies: { next: '15.0.0', 'next-auth': '4.24.7', '@prisma/client': '5.22.0' } });
const LIVE_KEY = 'wk_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const EXAMPLE = [
  '# Items per page in listings',
  'PAGE_SIZE=20',
  '# Cloud region the app runs in',
  'REGION=changeme',
  '# Name shown in the title bar',
  'APP_NAME=<your app name>',
  '# Comma-separated feature flags',
  'FEATURE_FLAGS=xxx',
  '# Key of the weather API',
  `WEATHER_API_KEY=${LIVE_KEY}`,
  '# Where users land after signing in',
  'NEXTAUTH_URL=http://localhost:3000',
  'NEXTAUTH_SECRET=changeme',
  'DATABASE_URL=postgresql://app:s3cretpass@localhost:5432/app',
  '',
].join('\n');
const EXAMPLE_NAMES = ['PAGE_SIZE', 'REGION', 'APP_NAME', 'FEATURE_FLAGS', 'WEATHER_API_KEY', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'DATABASE_URL'];

async function withServer(root: string, run: (client: Client) => Promise<void>, settings?: unknown): Promise<void> {
  const client = await startServer({
    rootPath: root,
    settings,
    completionItemDefaults: ['editRange', 'insertTextFormat', 'data'],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

async function completionAt(client: Client, uri: string, line: number, character: number): Promise<CompletionList> {
  return client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
}

async function resolved(client: Client, list: CompletionList, label: string): Promise<string> {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `${label} is offered`);
  const done = await client.request<CompletionItem>('completionItem/resolve', { ...item, data: list.itemDefaults?.data });
  return (done.documentation as MarkupContent | undefined)?.value ?? '';
}

async function hoverText(client: Client, uri: string, line: number): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
  return hover ? (hover.contents as MarkupContent).value : '';
}

const inserted = (list: CompletionList, label: string) => {
  const item = list.items.find((i) => i.label === label);
  return item?.textEditText ?? item?.label;
};

// ---------------------------------------------------------------- the example as a completion source

test('an empty .env of a Next.js + Auth.js + Prisma app completes every name of the example and of the detected schemas', async () => {
  const root = workspace({ 'package.json': APP, '.env.example': EXAMPLE, '.env': '' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    const { diagnostics } = await client.open(join(root, '.env'), '');
    const list = await completionAt(client, uri, 0, 0);
    const labels = list.items.map((i) => i.label);
    for (const name of EXAMPLE_NAMES) assert.ok(labels.includes(name), `${name} from the example`);
    // The schemas the manifest declares: Next.js, Auth.js v4 (next-auth), Prisma.
    for (const name of ['NEXT_TELEMETRY_DISABLED', 'NEXTAUTH_URL_INTERNAL', 'DIRECT_URL', 'SHADOW_DATABASE_URL']) assert.ok(labels.includes(name), `${name} from a schema`);
    assert.equal(new Set(labels).size, labels.length, 'each name once');

    // Values: a working value is inserted as the first tab stop; a placeholder or a secret never is.
    assert.equal(inserted(list, 'PAGE_SIZE'), 'PAGE_SIZE=${1:20}');
    assert.equal(inserted(list, 'REGION'), 'REGION=$0');
    assert.equal(inserted(list, 'APP_NAME'), 'APP_NAME=$0');
    assert.equal(inserted(list, 'FEATURE_FLAGS'), 'FEATURE_FLAGS=$0');
    assert.equal(inserted(list, 'WEATHER_API_KEY'), 'WEATHER_API_KEY=$0');
    assert.equal(inserted(list, 'NEXTAUTH_SECRET'), 'NEXTAUTH_SECRET=$0');
    // A schema variable without a default takes the example's value; one embedding a password does not.
    assert.equal(inserted(list, 'NEXTAUTH_URL'), 'NEXTAUTH_URL=${1:http://localhost:3000}');
    assert.equal(inserted(list, 'DATABASE_URL'), 'DATABASE_URL=$0');
    const text = JSON.stringify(list);
    for (const secret of [LIVE_KEY, 's3cretpass']) assert.ok(!text.includes(secret), `${secret} never in the list`);

    // What the app lists comes before the schemas' other names.
    const order = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    const lastListed = Math.max(...EXAMPLE_NAMES.map((n) => order.indexOf(n)));
    assert.ok(lastListed < order.indexOf('DIRECT_URL') && lastListed < order.indexOf('NEXT_TELEMETRY_DISABLED'), `example names first: ${order.join(' ')}`);

    // Documentation: the example's comment, saying where it comes from; after the schema's own for a schema variable.
    assert.equal(await resolved(client, list, 'PAGE_SIZE'), '**PAGE_SIZE** — from .env.example\n\nItems per page in listings');
    const url = await resolved(client, list, 'NEXTAUTH_URL');
    assert.match(url, /^\*\*NEXTAUTH_URL\*\* · NextAuth\.js v4/);
    assert.match(url, /\n\nFrom \.env\.example: Where users land after signing in$/);

    // Each listed name missing from the values file is the existing project rule's, once: no schema duplicate.
    const missing = diagnostics.filter((d) => d.code === 'missingExampleVariable').map((d) => String(d.message).split(' ')[0]);
    assert.deepEqual(missing.sort(), [...EXAMPLE_NAMES].sort());
    assert.equal(diagnostics.filter((d) => d.code === 'missingRequired').length, 0);
  });
});

test('a value of a variable only the example knows: its working value is offered, a placeholder is not', async () => {
  const root = workspace({ 'package.json': APP, '.env.example': EXAMPLE, '.env': 'PAGE_SIZE=\nREGION=\n' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await client.open(join(root, '.env'), 'PAGE_SIZE=\nREGION=\n');
    const page = await completionAt(client, uri, 0, 10);
    assert.deepEqual(page.items.map((i) => [i.label, i.detail]), [['20', 'from .env.example']]);
    const region = await completionAt(client, uri, 1, 7);
    assert.deepEqual(region.items.map((i) => i.label), []);
  });
});

test('a schema variable: the example\'s value is offered first when it fits the variable, never when the schema would flag it', async () => {
  const example = 'NEXTAUTH_URL=http://localhost:3000\nNODE_ENV=dev\n';
  const text = 'NEXTAUTH_URL=\nNODE_ENV=\n';
  const root = workspace({ 'package.json': APP, '.env.example': example, '.env': text });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await client.open(join(root, '.env'), text);
    const url = await completionAt(client, uri, 0, 13);
    assert.deepEqual(url.items[0], { label: 'http://localhost:3000', kind: 12, detail: 'from .env.example', sortText: '0000' });
    assert.equal(url.items.filter((i) => i.label === 'http://localhost:3000').length, 1);
    // NODE_ENV is one of production, development or test (Next.js): `dev` is neither offered nor inserted.
    const mode = await completionAt(client, uri, 1, 9);
    assert.deepEqual(mode.items.map((i) => i.label), ['production', 'development', 'test']);
    await client.change(uri, 2, 'NEXTAUTH_URL=\n\n');
    const names = await completionAt(client, uri, 1, 0);
    assert.equal(inserted(names, 'NODE_ENV'), 'NODE_ENV=$0');
  });
});

test('hover: a variable documented only by the example shows its comment and says so; a schema variable gets it after the schema\'s', async () => {
  const text = 'PAGE_SIZE=50\nNEXTAUTH_URL=https://app.example.com\n';
  const root = workspace({ 'package.json': APP, '.env.example': EXAMPLE, '.env': text });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await client.open(join(root, '.env'), text);
    const page = await hoverText(client, uri, 0);
    assert.match(page, /^\*\*PAGE_SIZE\*\*\n\ndotenv reads: `` 50 ``\n\nFrom \.env\.example: Items per page in listings\n/);
    const url = await hoverText(client, uri, 1);
    assert.match(url, /^\*\*NEXTAUTH_URL\*\* · NextAuth\.js v4/);
    assert.match(url, /\n\nFrom \.env\.example: Where users land after signing in\n/);
  });
});

test('an example that spells a variable by its alias (NEXTAUTH_URL for Auth.js v5\'s AUTH_URL) still documents it and gives its value', async () => {
  const example = '# Where users land after signing in\nNEXTAUTH_URL=http://localhost:3000\n';
  const text = '# envls-schema: authjs\nAUTH_URL=http://localhost:3000\n\n';
  const root = workspace({ 'package.json': '{"dependencies":{"next":"15.0.0"}}', '.env.example': example, '.env': text });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await client.open(join(root, '.env'), text);
    assert.match(await hoverText(client, uri, 1), /\n\nFrom \.env\.example: Where users land after signing in\n/);
    await client.change(uri, 2, '# envls-schema: authjs\n\n');
    const list = await completionAt(client, uri, 1, 0);
    assert.equal(inserted(list, 'AUTH_URL'), 'AUTH_URL=${1:http://localhost:3000}');
    assert.match(await resolved(client, list, 'AUTH_URL'), /\n\nFrom \.env\.example: Where users land after signing in$/);
  });
});

test('example placeholders: shapes and words that ask for a replacement, never a working value', () => {
  for (const value of ['changeme', 'CHANGE_ME', 'change-me', 'replace-me', 'your-key-here', 'YOUR_API_KEY', 'insert-token-here', 'put_your_key', '<your app name>', '[token]', '{{ secret }}', 'xxx', 'sk_test_XXXXXXXX', '***', '...', '…', 'TODO']) {
    assert.ok(isExamplePlaceholder(value), `${value} is a placeholder`);
  }
  for (const value of ['', '20', 'http://localhost:3000', 'info', 'true', 'Yourself', 'myapp', 'x', 'xx', 'https://example.com/here', 'secret_sauce', '0.0.0.0']) {
    assert.ok(!isExamplePlaceholder(value), `${value} is a value`);
  }
});

// ---------------------------------------------------------------- where each schema came from

const bindingOf = (client: Client, uri: string) => client.notification<BindingNotice>('envls/binding', (n) => n.uri === uri);

test('the binding notice says why each schema applies (the manifest dependency) and lists the app\'s example', async () => {
  const root = workspace({ 'package.json': APP, '.env.example': EXAMPLE, '.env': '' });
  await withServer(root, async (client) => {
    const uri = uriIn(root, '.env');
    await client.open(join(root, '.env'), '');
    const notice = await bindingOf(client, uri);
    assert.deepEqual(notice.sources.map((s) => [s.id, s.kind, s.why, s.origin]), [
      ['authjs-v4', 'manifest', 'next-auth in package.json', 'builtin:authjs-v4'],
      ['nextjs', 'manifest', 'next in package.json', 'builtin:nextjs'],
      ['prisma', 'manifest', '@prisma/client in package.json', 'builtin:prisma'],
      ['project:.env.example', 'example', "the app's example: names, comments and values of the 8 variables it lists", 'project:.env.example'],
    ]);
  });
});

test('the binding notice: a # envls-schema comment, a user schema file through the setting, names only a product uses', async () => {
  const schemaFile = JSON.stringify({ id: 'acme/team', title: 'ACME team', product: 'ACME', variables: { ACME_TOKEN: { description: 'The team token.', type: 'secret' } } });
  const root = workspace({
    'team.envls.json': schemaFile,
    'comment.env': '# envls-schema: flux/app\nAUTH_SECRET=x\n',
    'team.env': 'ACME_TOKEN=\n',
    'flux.env': 'FLUX_GATEWAY_URL=http://gw\nFLUX_DEFAULT_MODE=chat\n',
  });
  await withServer(root, async (client) => {
    const sources = async (path: string) => {
      const uri = uriIn(root, path);
      const wait = bindingOf(client, uri);
      await client.open(join(root, path), readText(root, path));
      return (await wait).sources.map((s) => [s.id, s.kind, s.why]);
    };
    assert.deepEqual(await sources('comment.env'), [['flux/app', 'comment', '# envls-schema comment on line 1']]);
    const team = await sources('team.env');
    assert.equal(team.length, 1);
    assert.deepEqual(team[0].slice(0, 2), ['acme/team', 'setting']);
    assert.match(team[0][2], /envls\.schemas.*, from team\.envls\.json$/);
    const flux = await sources('flux.env');
    assert.ok(flux.length > 0 && flux.every(([, kind, why]) => kind === 'names' && / in the file$/.test(why)), JSON.stringify(flux));
  }, { schemaFiles: ['team.envls.json'], schemas: { 'acme/team': 'team.env' } });
});

test('a schema the project declares (origin project:<path>, e.g. its .env.schema) says so, whatever bound it', () => {
  const declared = { ...makeSchema('project:apps/web/.env.schema', [{ name: 'API_URL' }]), origin: 'project:apps/web/.env.schema' };
  const sources = schemaSourcesOf({ schemas: [declared], certainty: 'confident', source: 'detected', reason: 'declared by the project', unknownIds: [] });
  assert.deepEqual(sources.map((s) => [s.id, s.kind, s.why, s.origin]), [['project:apps/web/.env.schema', 'project', 'declared in apps/web/.env.schema', 'project:apps/web/.env.schema']]);
  // A person's binding stays the reason; the origin still names the file.
  const [byComment] = schemaSourcesOf({ schemas: [declared], certainty: 'explicit', source: 'comment', reason: '# envls-schema comment on line 2', unknownIds: [] });
  assert.deepEqual([byComment.kind, byComment.why, byComment.origin], ['comment', '# envls-schema comment on line 2', 'project:apps/web/.env.schema']);
});

function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

// ---------------------------------------------------------------- envls check

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
function envls(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('envls check: one line per file says each schema and why, and the example; json has `sources`, sarif each artifact\'s schemas', () => {
  const root = workspace({ 'package.json': APP, '.env.example': EXAMPLE, '.env': 'PAGE_SIZE=20\n' });
  const text = envls(['check', '.env', '--no-project'], root);
  assert.match(text.stdout, /^\.env: schemas authjs-v4 \(next-auth in package\.json\), nextjs \(next in package\.json\), prisma \(@prisma\/client in package\.json\)$/m);
  const withProject = envls(['check', '.env'], root);
  assert.match(withProject.stdout, /^\.env: schemas authjs-v4 \(next-auth in package\.json\), nextjs \(next in package\.json\), prisma \(@prisma\/client in package\.json\); names and comments from \.env\.example$/m);
  assert.doesNotMatch(envls(['check', '.env', '--quiet'], root).stdout, /schemas/);

  const [file] = JSON.parse(envls(['check', '.env', '--format', 'json'], root).stdout) as { file: string; sources: { id: string; kind: string; why: string; origin: string }[] }[];
  assert.deepEqual(file.sources.map((s) => [s.id, s.kind]), [['authjs-v4', 'manifest'], ['nextjs', 'manifest'], ['prisma', 'manifest'], ['project:.env.example', 'example']]);
  assert.equal(file.sources[1].why, 'next in package.json');
  assert.equal(file.sources[1].origin, 'builtin:nextjs');

  const sarif = JSON.parse(envls(['check', '.env', '--format', 'sarif'], root).stdout);
  const [artifact] = sarif.runs[0].artifacts as { location: { uri: string }; properties: { schemas: { id: string; kind: string }[] } }[];
  assert.equal(artifact.location.uri, '.env');
  assert.deepEqual(artifact.properties.schemas.map((s) => s.id), ['authjs-v4', 'nextjs', 'prisma', 'project:.env.example']);
});
