/**
 * The four ways a schema binds to a file, each through the built server, checked both by the
 * `envls/binding` notification (schemas, source) and by a schema diagnostic: the `# envls-schema:`
 * comment, the envls.schemas setting (initializationOptions, pulled with workspace/configuration,
 * changed with workspace/didChangeConfiguration), workspace schema files (envls.schemaFiles) and
 * detection. Plus broken user schemas: reported on the schema file, logged, left out, and never
 * able to hang the server.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, codesOf, type Client, type StartOptions } from './support/lspClient';

interface BindingParams {
  uri: string;
  schemas: { id: string; title: string }[];
  source: 'comment' | 'setting' | 'detected' | 'none';
  certainty: 'explicit' | 'confident' | 'weak' | 'none';
  reason: string;
}
type Diagnostic = PublishDiagnosticsParams['diagnostics'][number] & { message: string };

const SHARED = path.resolve(REPO_ROOT, '../shared');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/protocol');
const SECRET = 'Zq8vN3xW1rT6yB0mK4pL7sD2fH9jC5gA';

/** A workspace folder with the fixture schema files (valid and broken) under schemas/. */
function workspace(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(FIXTURES, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  return root;
}

/** Writes the file (detection reads the files beside it), opens it, and waits for its binding and diagnostics. */
async function openFile(client: Client, root: string, rel: string, text: string) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const binding = client.notification<BindingParams>('envls/binding', (b) => b.uri === uri);
  const published = await client.open(file, text);
  return { uri, published, diagnostics: published.diagnostics as Diagnostic[], binding: await binding };
}

const ids = (b: BindingParams) => b.schemas.map((s) => s.id);
const messagesOf = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.message);

const SETTINGS = {
  schemas: {
    'neosync/api': 'backend/.env*',
    'flagsmith/frontend': ['frontend/.env', 'frontend/*.env'],
    'acme/billing': 'billing/.env',
    'no/such-schema': 'legacy/.env',
  },
  schemaFiles: ['schemas/*.envls.json'],
};

const ws = workspace('envls-binding-');
let client: Client;

before(async () => {
  client = await startServer({ rootPath: ws, settings: SETTINGS });
});
after(async () => {
  await client?.stop();
});

describe('(a) the # envls-schema comment', () => {
  test('one id: explicit binding, missingRequired reported', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'a/one.env', '# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n');
    assert.deepEqual([ids(binding), binding.source, binding.certainty], [['neosync/api'], 'comment', 'explicit']);
    assert.deepEqual(binding.schemas[0], { id: 'neosync/api', title: 'Neosync backend API' });
    assert.match(binding.reason, /# envls-schema comment on line 1/);
    assert.deepEqual(messagesOf(diagnostics, 'missingRequired'), ['DB_PASS is missing: required.']);
  });

  test('several ids: both schemas apply', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'a/several.env', '# envls-schema: flagsmith/api, flagsmith/frontend\nALLOW_SIGNUPS=true\nLOG_FORMAT=text\n');
    assert.deepEqual([ids(binding), binding.source], [['flagsmith/api', 'flagsmith/frontend'], 'comment']);
    assert.deepEqual(codesOf(diagnostics), ['missingRequired', 'deprecatedVariable', 'invalidValue']);
    assert.match(diagnostics[0].message, /^DATABASE_URL is missing/);
  });

  test('an unknown id: unknownSchema on it, the known ids still bound', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'a/unknown.env', '# envls-schema: neosync/api, neosync/nope\nDB_HOST=db\nDB_NAME=nucleus\nDB_PASS=s3cure-Passw0rd-xyz\nDB_PORT=5432\nDB_USER=postgres\nLOG_LEVEL=verbose\n');
    assert.deepEqual(ids(binding), ['neosync/api']);
    const unknown = diagnostics.find((d) => d.code === 'unknownSchema')!;
    assert.match(unknown.message, /No schema has the id "neosync\/nope"/);
    assert.deepEqual(unknown.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 41 } });
    assert.deepEqual(codesOf(diagnostics), ['unknownSchema', 'invalidValue']);
  });

  test('only unknown ids: no schema at all, only unknownSchema', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'a/only-unknown.env', '# envls-schema: neosync/nope\nLOG_LEVEL=verbose\n');
    assert.deepEqual([ids(binding), binding.source], [[], 'comment']);
    assert.deepEqual(codesOf(diagnostics), ['unknownSchema']);
  });

  test('the comment wins over the setting and detection', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'backend/.env.flagsmith', '# envls-schema: flagsmith/api\nNUCLEUS_ENV=dev\nDATABASE_URL=mysql://flagsmith:pw@db:3306/flagsmith\n');
    assert.deepEqual([ids(binding), binding.source], [['flagsmith/api'], 'comment']);
    assert.deepEqual(messagesOf(diagnostics, 'invalidValue'), ['DATABASE_URL must use postgres:// or postgresql://, not mysql://.']);
  });
});

describe('(b) the envls.schemas setting', () => {
  test('initializationOptions: a glob binds, and reports as the setting', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'backend/.env', 'DB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n');
    assert.deepEqual([ids(binding), binding.source, binding.certainty], [['neosync/api'], 'setting', 'explicit']);
    assert.match(binding.reason, /envls\.schemas setting \(neosync\/api: backend\/\.env\*\)/);
    assert.deepEqual(messagesOf(diagnostics, 'missingRequired'), ['DB_PASS is missing: required.']);
  });

  test('a list of globs; and a file no glob matches is not bound by the setting', async () => {
    const bound = await openFile(client, ws, 'frontend/prod.env', 'ALLOW_SIGNUPS=true\nCOOKIE_SAME_SITE=sometimes\n');
    assert.deepEqual([ids(bound.binding), bound.binding.source], [['flagsmith/frontend'], 'setting']);
    assert.deepEqual(codesOf(bound.diagnostics), ['deprecatedVariable', 'invalidValue']);
    const other = await openFile(client, ws, 'frontend/nested/prod.env', 'ALLOW_SIGNUPS=true\nCOOKIE_SAME_SITE=sometimes\n');
    assert.deepEqual([ids(other.binding), other.binding.source], [[], 'none']);
    assert.deepEqual(other.diagnostics, []);
  });

  test('an id in the setting that no schema has: unknownSchema on the first line', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'legacy/.env', 'PORT=8080\n');
    assert.deepEqual([ids(binding), binding.source], [[], 'setting']);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'unknownSchema');
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.match(diagnostics[0].message, /"no\/such-schema"/);
  });

  test('pulled with workspace/configuration, then changed with workspace/didChangeConfiguration: an open document is rebound', async () => {
    const root = workspace('envls-binding-pull-');
    const options: StartOptions = { rootPath: root, pullSettings: { schemas: { 'neosync/api': 'backend/.env*' } } };
    const pulled = await startServer(options);
    try {
      const file = path.join(root, 'backend/.env');
      const uri = pathToFileURL(file).toString();
      mkdirSync(path.dirname(file), { recursive: true });
      const text = 'DB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n';
      writeFileSync(file, text);
      // The pull answers after `initialized`: wait for the binding it makes, whichever publication comes first.
      const bySetting = pulled.notification<BindingParams>('envls/binding', (b) => b.uri === uri && b.source === 'setting');
      const missing = pulled.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'missingRequired'));
      pulled.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dotenv', version: 1, text } });
      assert.deepEqual(ids(await bySetting), ['neosync/api']);
      const first = await missing;
      assert.equal(first.version, 1);
      assert.deepEqual(messagesOf(first.diagnostics as Diagnostic[], 'missingRequired'), ['DB_PASS is missing: required.']);

      // The user changes the setting: the server pulls again and rebinds the open document.
      options.pullSettings = { schemas: { 'flagsmith/api': 'backend/.env*' } };
      const rebound = pulled.notification<BindingParams>('envls/binding', (b) => b.uri === uri && ids(b)[0] === 'flagsmith/api');
      const republished = pulled.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => String(d.message).startsWith('DATABASE_URL is missing')));
      pulled.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.equal((await rebound).source, 'setting');
      const after = await republished;
      assert.equal(after.version, 1);
      assert.deepEqual(codesOf(after.diagnostics), ['missingRequired']);

      // And removed: the file is an unrelated .env again.
      options.pullSettings = {};
      const unbound = pulled.notification<BindingParams>('envls/binding', (b) => b.uri === uri && b.source === 'none');
      const cleared = pulled.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
      pulled.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await Promise.all([unbound, cleared]);
    } finally {
      await pulled.stop();
    }
  });

  test('initializationOptions are kept when the client also pulls but has no envls section (answers null), as Helix and Neovim do', async () => {
    const root = workspace('envls-binding-init-pull-');
    const both = await startServer({ rootPath: root, settings: { schemas: { 'neosync/api': 'backend/.env*' } }, pullSettings: null });
    try {
      // Wait until the server has asked (and got null), so that the document is analysed after the pull.
      await new Promise<void>((resolve) => {
        both.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
          resolve();
          return params.items.map(() => null);
        });
      });
      const text = 'DB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n';
      const { uri } = await openFile(both, root, 'backend/.env', text);
      const published = await both.change(uri, 2, text);
      assert.deepEqual(messagesOf(published.diagnostics as Diagnostic[], 'missingRequired'), ['DB_PASS is missing: required.']);
    } finally {
      await both.stop();
    }
  });

  test('pushed with workspace/didChangeConfiguration (client without workspace/configuration): an open document is rebound', async () => {
    const root = workspace('envls-binding-push-');
    const pushed = await startServer({ rootPath: root, settings: { schemas: { 'neosync/api': 'services/*.env' } } });
    try {
      const { uri, binding, diagnostics } = await openFile(pushed, root, 'services/api.env', 'DB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n');
      assert.deepEqual([ids(binding), binding.source], [['neosync/api'], 'setting']);
      assert.deepEqual(codesOf(diagnostics), ['missingRequired']);
      const rebound = pushed.notification<BindingParams>('envls/binding', (b) => b.uri === uri && ids(b)[0] === 'neosync/migrations');
      // The migrations job also needs DB_PASS, unless DB_URL is set: its own requirement, its own words.
      const republished = pushed.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => String(d.message).includes('DB_URL')));
      pushed.connection.sendNotification('workspace/didChangeConfiguration', { settings: { envls: { schemas: { 'neosync/migrations': 'services/*.env' } } } });
      assert.equal((await rebound).source, 'setting');
      const after = await republished;
      assert.equal(after.version, 1);
      assert.deepEqual(messagesOf(after.diagnostics as Diagnostic[], 'missingRequired'), [
        'DB_PASS is missing: Required unless DB_URL (the full postgres url) is set: DB_URL overrides the variables used to construct the url (or set DB_URL).',
      ]);
    } finally {
      await pushed.stop();
    }
  });
});

describe('(c) a workspace schema file (envls.schemaFiles)', () => {
  test('its id in a # envls-schema comment', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'c/billing.env', '# envls-schema: acme/billing\nBILLING_MODE=live\nBILLING_WEBHOOK_SECRET=whsec_short\n');
    assert.deepEqual(binding.schemas, [{ id: 'acme/billing', title: 'Acme billing service' }]);
    assert.equal(binding.source, 'comment');
    assert.deepEqual(messagesOf(diagnostics, 'missingRequired'), ['BILLING_DATABASE_URL is missing: required.']);
    assert.deepEqual(messagesOf(diagnostics, 'insecureValue'), ['BILLING_WEBHOOK_SECRET is 11 characters long; use at least 24 random characters.']);
  });

  test('its id in envls.schemas', async () => {
    const { binding, diagnostics } = await openFile(client, ws, 'billing/.env', 'BILLING_DATABASE_URL=mysql://billing@db/billing\nBILLING_MODE=live\n');
    assert.deepEqual([ids(binding), binding.source], [['acme/billing'], 'setting']);
    assert.deepEqual(messagesOf(diagnostics, 'missingRequired'), ['BILLING_WEBHOOK_SECRET is missing: Required when BILLING_MODE is live.']);
    assert.deepEqual(messagesOf(diagnostics, 'invalidValue'), ['BILLING_DATABASE_URL must use postgres:// or postgresql://, not mysql://.']);
  });

  test('its documentation in hover', async () => {
    const { uri } = await openFile(client, ws, 'c/hover.env', '# envls-schema: acme/billing\nBILLING_MODE=test\n');
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.match(hover.contents.value, /Which payment provider account the service charges/);
  });
});

describe('(d) detection', () => {
  const apiEnv = readFileSync(path.join(SHARED, 'corpus/neosync/services/api.env'), 'utf8');

  test('a Neosync API env (from the corpus) is detected confidently; without DB_PASS, missingRequired says so', async () => {
    const whole = await openFile(client, ws, 'd/neosync/api.env', apiEnv);
    assert.deepEqual([ids(whole.binding), whole.binding.source, whole.binding.certainty], [['neosync/api'], 'detected', 'confident']);
    assert.deepEqual(messagesOf(whole.diagnostics, 'missingRequired'), []);
    const withoutPass = apiEnv.replace(/^DB_PASS=.*\n/m, '');
    assert.notEqual(withoutPass, apiEnv);
    const partial = await openFile(client, ws, 'd/neosync2/api.env', withoutPass);
    assert.deepEqual([ids(partial.binding), partial.binding.certainty], [['neosync/api'], 'confident']);
    const missing = partial.diagnostics.filter((d) => d.code === 'missingRequired');
    assert.deepEqual(missing.map((d) => [d.message, d.range.start.line]), [['DB_PASS is missing: required.', 0]]);
  });

  test('an Auth.js example app env (from the corpus): the Auth.js v5 catalog schema by its names, no diagnostics', async () => {
    const text = readFileSync(path.join(SHARED, 'corpus/authjs/env-examples/next-auth__apps__examples__nextjs__.env.local.example@a1a16a5a'), 'utf8');
    const { binding, diagnostics } = await openFile(client, ws, 'd/authjs/.env.local', text);
    assert.deepEqual([ids(binding), binding.source, binding.certainty], [['authjs-v5'], 'detected', 'confident']);
    assert.deepEqual(diagnostics, []);
  });

  test("the app's package.json binds its catalog schemas together (Next.js + Auth.js + Prisma + Stripe)", async () => {
    mkdirSync(path.join(ws, 'd/shop'), { recursive: true });
    const dependencies = { next: '15.0.0', 'next-auth': '4.24.0', '@prisma/client': '6.0.0', stripe: '17.0.0' };
    writeFileSync(path.join(ws, 'd/shop/package.json'), JSON.stringify({ name: 'shop', dependencies }));
    const { binding, diagnostics } = await openFile(client, ws, 'd/shop/.env', 'STRIPE_SECRET_KEY=sk_test_123\nPRISMA_CLIENT_ENGINE_TYPE=sometimes\n');
    assert.deepEqual([ids(binding).sort(), binding.source, binding.certainty], [['authjs-v4', 'nextjs', 'prisma', 'stripe'], 'detected', 'confident']);
    assert.match(binding.reason, /stripe: the app depends on stripe in package\.json/);
    assert.deepEqual(codesOf(diagnostics), ['invalidValue'], 'the declared Prisma checks its engine type');
    // An empty .env of the app completes every catalog variable (Auth.js's NEXTAUTH_URL, Stripe's keys).
    const empty = await openFile(client, ws, 'd/shop/.env.local', '');
    assert.deepEqual(ids(empty.binding).sort(), ['authjs-v4', 'nextjs', 'prisma', 'stripe']);
    const items = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri: empty.uri }, position: { line: 0, character: 0 } });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    for (const name of ['NEXTAUTH_URL', 'STRIPE_SECRET_KEY', 'NEXT_TELEMETRY_DISABLED']) assert.ok(labels.includes(name), `${name} in ${labels.join(' ')}`);
  });

  test('a Flux app env is detected by the flux.json beside it, and not without it', async () => {
    const text = `FLUX_URL=https://api--notes--a1b2c3.vsl-base.com\nAUTH_SECRET=${SECRET}\nAUTH_URL=http://localhost:3000\n`;
    mkdirSync(path.join(ws, 'd/flux-app'), { recursive: true });
    writeFileSync(path.join(ws, 'd/flux-app/flux.json'), '{ "slug": "notes", "hash": "a1b2c3" }\n');
    const marked = await openFile(client, ws, 'd/flux-app/.env.local', text);
    assert.deepEqual([ids(marked.binding), marked.binding.source, marked.binding.certainty], [['flux'], 'detected', 'confident']);
    assert.match(marked.binding.reason, /flux\.json beside the file/);
    assert.deepEqual(messagesOf(marked.diagnostics, 'missingRequired'), ['FLUX_GATEWAY_JWT_SECRET is missing: one of the three variables your app needs to call a Flux project.']);
    const bare = await openFile(client, ws, 'd/other-app/.env.local', text);
    assert.deepEqual([ids(bare.binding), bare.binding.source], [[], 'none']);
    assert.deepEqual(bare.diagnostics, []);
  });

  test('envls.detect: false turns detection off', async () => {
    const root = workspace('envls-binding-nodetect-');
    const off = await startServer({ rootPath: root, settings: { detect: false } });
    try {
      const { binding, diagnostics } = await openFile(off, root, 'api.env', apiEnv.replace(/^DB_PASS=.*\n/m, ''));
      assert.deepEqual([ids(binding), binding.source], [[], 'none']);
      assert.deepEqual(codesOf(diagnostics), ['duplicateKey'], 'core rules only');
    } finally {
      await off.stop();
    }
  });
});

describe('broken user schemas', () => {
  const schemaUri = (name: string) => pathToFileURL(path.join(ws, 'schemas', name)).toString();

  test('invalid JSON: invalidSchema on the schema file, at the offending comma, and a log line', async () => {
    const published = await client.diagnostics(schemaUri('broken-json.envls.json'));
    assert.ok(published.diagnostics.length >= 1);
    const text = readFileSync(path.join(ws, 'schemas/broken-json.envls.json'), 'utf8');
    for (const d of published.diagnostics) {
      assert.equal(d.code, 'invalidSchema');
      assert.equal(d.source, 'envls');
      assert.equal(d.severity, 1);
      assert.match(String(d.message), /JSON syntax error/);
    }
    const comma = text.indexOf('},\n  }') + 1;
    const line = text.slice(0, comma).split('\n').length - 1;
    assert.ok(published.diagnostics.some((d) => d.range.start.line === line || d.range.start.line === line + 1), JSON.stringify(published.diagnostics));
    assert.ok(client.logs.some((l) => l.includes('broken-json.envls.json') && l.includes('is not used')), client.logs.join('\n'));
  });

  test('a file that breaks the format: invalidSchema naming what is wrong, and a log line', async () => {
    const published = await client.diagnostics(schemaUri('broken-format.envls.json'));
    const messages = published.diagnostics.map((d) => String(d.message));
    assert.ok(published.diagnostics.every((d) => d.code === 'invalidSchema' && d.source === 'envls'));
    assert.ok(messages.some((m) => m.includes('product')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('type')), messages.join('\n'));
    const onType = published.diagnostics.find((d) => String(d.message).includes('type'))!;
    assert.equal(onType.range.start.line, 4, 'placed on the variable with the bad type');
    assert.ok(client.logs.some((l) => l.includes('broken-format.envls.json') && l.includes('is not used')));
  });

  test('a valid user schema file gets an empty diagnostics list; its id and the builtins keep working', async () => {
    const published = await client.diagnostics(schemaUri('acme-billing.envls.json'));
    assert.deepEqual(published.diagnostics, []);
    // The broken schemas' ids are not available; builtin and valid user ids are (tested above too).
    const { diagnostics } = await openFile(client, ws, 'broken/ids.env', '# envls-schema: acme/broken-json, acme/broken-format, acme/billing, neosync/app\nBILLING_DATABASE_URL=postgres://billing@db/billing\nNEXTAUTH_SECRET=changeme\n');
    assert.deepEqual(codesOf(diagnostics), ['unknownSchema', 'unknownSchema', 'insecureValue']);
    assert.ok(client.logs.some((l) => /loaded 4 workspace schema file\(s\): acme\/billing, acme\/catastrophic$/.test(l)), client.logs.join('\n'));
  });

  test('a catastrophic pattern "(a+)+$" is accepted (patterns run in linear time), and a value that would hang a backtracking engine is checked at once', async () => {
    const published = await client.diagnostics(schemaUri('catastrophic.envls.json'));
    assert.deepEqual(published.diagnostics, []);
    const { uri, diagnostics } = await openFile(client, ws, 'broken/catastrophic.env', `# envls-schema: acme/catastrophic\nACME_CODE=${'a'.repeat(40)}!\n`);
    assert.deepEqual(codesOf(diagnostics), ['invalidValue']);
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.ok(hover);
  });

  test('a repaired schema file (workspace/didChangeWatchedFiles): its diagnostics clear and an open document bound to its id is rebound', async () => {
    const root = workspace('envls-binding-repair-');
    const repaired = await startServer({ rootPath: root, settings: { schemaFiles: ['schemas/broken-json.envls.json'] } });
    try {
      const file = path.join(root, 'schemas/broken-json.envls.json');
      const uri = pathToFileURL(file).toString();
      assert.ok((await repaired.diagnostics(uri)).diagnostics.length > 0);
      const doc = await openFile(repaired, root, 'app/.env', '# envls-schema: acme/broken-json\nACME_A=1\n');
      assert.deepEqual(codesOf(doc.diagnostics), ['unknownSchema']);
      assert.deepEqual(ids(doc.binding), []);

      // The comma too many removed.
      writeFileSync(file, readFileSync(file, 'utf8').replace('},\n  }', '}\n  }'));
      const cleared = repaired.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
      const rebound = repaired.notification<BindingParams>('envls/binding', (b) => b.uri === doc.uri && ids(b)[0] === 'acme/broken-json');
      const republished = repaired.notification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === doc.uri && p.diagnostics.length === 0);
      repaired.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await Promise.all([cleared, rebound, republished]);
    } finally {
      await repaired.stop();
    }
  });
});
