/**
 * Issue 11: catalog schemas detected from the app's manifests (pure readers + detectSchemas),
 * combined with each other and with product detection; missingRequired on a catalog schema
 * only when the app declares the service or a person binds it; explicit bindings check values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../server/src/service/analyze';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { detectSchemas, type DeclaredDependencies } from '../server/src/service/schema/detect';
import { declaredDependencies } from '../server/src/service/project/manifests';
import { appDependencies } from '../server/src/node/appManifests';
import { SchemaStore } from '../server/src/node/schemaStore';
import { bindingInputFor } from '../server/src/node/bindFile';

const schemas = () => builtinSchemas().values();
const names = (fileName: string, text: string) => [...(declaredDependencies(fileName, text)?.names ?? [])].sort();
const detect = (keys: string[], dependencies: DeclaredDependencies[]) => detectSchemas({ keys, siblingFiles: [], dependencies }, schemas());
const npm = (...deps: string[]): DeclaredDependencies => ({ manifest: 'package.json', ecosystem: 'npm', names: new Set(deps) });

test('manifest readers: dependency names of each ecosystem, nothing from a broken file', () => {
  assert.deepEqual(names('package.json', JSON.stringify({ dependencies: { next: '15' }, devDependencies: { prisma: '6' } })), ['next', 'prisma']);
  assert.deepEqual(names('package.json', '{ not json'), []);
  assert.deepEqual(names('composer.json', JSON.stringify({ require: { php: '^8.2', 'laravel/framework': '^11' }, 'require-dev': { 'phpunit/phpunit': '^11' } })), ['laravel/framework', 'php', 'phpunit/phpunit']);
  assert.ok(names('requirements.txt', '# web\nDjango>=5.0\ndjango_environ==0.11\n-r base.txt\nstripe[async] ; python_version > "3.8"\n').includes('django-environ'));
  assert.ok(names('requirements.txt', 'Django>=5.0\n').includes('django'));
  assert.ok(names('pyproject.toml', '[project]\nname = "shop"\ndependencies = ["Django>=5", "openai"]\n').includes('openai'));
  assert.ok(names('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.12"\nanthropic = "^0.40"\n').includes('anthropic'));
  assert.deepEqual(names('Gemfile', "source 'https://rubygems.org'\ngem \"rails\", \"~> 7.1\"\ngem 'sidekiq'\n# gem 'stripe'\n"), ['rails', 'sidekiq']);
  assert.deepEqual(names('go.mod', 'module example.com/app\n\ngo 1.22\n\nrequire github.com/jackc/pgx/v5 v5.5.0\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.5.1 // indirect\n)\n'), ['github.com/jackc/pgx/v5', 'github.com/redis/go-redis/v9']);
  assert.deepEqual(names('Cargo.toml', '[package]\nname = "app"\n\n[dependencies]\nredis = "0.25"\ntokio = { version = "1" }\n\n[dev-dependencies.aws-sdk-s3]\nversion = "1"\n'), ['aws-sdk-s3', 'redis', 'tokio']);
  assert.equal(declaredDependencies('README.md', 'gem "rails"'), undefined);
});

test('a Next.js + Auth.js + Prisma + Stripe app gets the four catalog schemas together, confident and declared', () => {
  const found = detect([], [npm('next', 'react', 'next-auth', '@prisma/client', 'stripe')]);
  assert.deepEqual(found.map((d) => `${d.id}:${d.confidence}:${d.declared}`).sort(), [
    'authjs-v4:confident:true', 'nextjs:confident:true', 'prisma:confident:true', 'stripe:confident:true',
  ]);
  assert.match(found.find((d) => d.id === 'stripe')!.reason, /stripe in package\.json/);
});

test('Python, PHP and Ruby manifests bind their frameworks; names are compared PEP 503-normalised', () => {
  const pypi: DeclaredDependencies = { manifest: 'requirements.txt', ecosystem: 'pypi', names: declaredDependencies('requirements.txt', 'Django==5.0\nsentry_sdk\n')!.names };
  // Django also means the app runs on CPython (python).
  assert.deepEqual(detect([], [pypi]).map((d) => d.id).sort(), ['django', 'python', 'sentry']);
  assert.deepEqual(detect([], [{ manifest: 'composer.json', ecosystem: 'composer', names: new Set(['laravel/framework']) }]).map((d) => d.id), ['laravel']);
  assert.deepEqual(detect([], [{ manifest: 'Gemfile', ecosystem: 'gem', names: new Set(['rails']) }]).map((d) => d.id), ['rails']);
});

test('product detection is unchanged beside catalog detection; a dependency of another ecosystem matches nothing', () => {
  const found = detect(['NEOSYNC_URL', 'CHECK_ACCOUNT_TIMER_SECONDS', 'TEMPORAL_TASK_QUEUE'], [npm('stripe')]);
  assert.deepEqual(found.map((d) => `${d.id}:${d.confidence}`).sort(), ['neosync/worker:confident', 'stripe:confident']);
  assert.deepEqual(detect([], [{ manifest: 'Gemfile', ecosystem: 'gem', names: new Set(['next']) }]), []);
});

test('by names alone a catalog schema needs two of its unique names (unless its minimumMatches says one), and one such name never weakens a product detection', () => {
  assert.deepEqual(detect(['STRIPE_SECRET_KEY'], []), []);
  assert.deepEqual(detect(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'], []).map((d) => `${d.id}:${d.confidence}:${d.declared}`), ['stripe:confident:undefined']);
  // OPENAI_API_KEY is the OpenAI SDK's own variable: one is enough (openai's minimumMatches is 1).
  assert.deepEqual(detect(['OPENAI_API_KEY'], []).map((d) => `${d.id}:${d.confidence}`), ['openai:confident']);
  const beside = detect(['NEOSYNC_URL', 'CHECK_ACCOUNT_TIMER_SECONDS', 'TEMPORAL_TASK_QUEUE', 'STRIPE_SECRET_KEY'], []);
  assert.deepEqual(beside.map((d) => `${d.id}:${d.confidence}`), ['neosync/worker:confident']);
});

/** missingRequired messages of `text` bound as the binding inputs say. */
function missing(text: string, dependencies: DeclaredDependencies[]): string[] {
  const available = builtinSchemas();
  const analysis = analyze(text, (doc) => ({ available, detect: () => detectSchemas({ keys: doc.entries.map((e) => e.key), siblingFiles: [], dependencies }, available.values()) }), {});
  return analysis.diagnostics.filter((d) => d.code === 'missingRequired').map((d) => String(d.message));
}

test('missingRequired on a catalog schema: only when the app declares the service (or a person binds it)', () => {
  const text = 'AUTH_GITHUB_ID=123\nAUTH_GITHUB_SECRET=456\nAUTH_TRUST_HOST=true\n';
  // Found by its names: may be another app's settings copied here; nothing is required.
  assert.deepEqual(missing(text, []), []);
  // The app depends on @auth/sveltekit: Auth.js v5 needs AUTH_SECRET.
  assert.equal(missing(text, [npm('@auth/sveltekit')]).length, 1);
  assert.match(missing(text, [npm('@auth/sveltekit')])[0], /^AUTH_SECRET is missing/);
  // A declared app's file that sets none of the service's variables (a test overlay) is left alone.
  assert.deepEqual(missing('DATABASE_URL=postgres://localhost/test\n', [npm('@auth/sveltekit')]), []);
  // Bound by name: the person declares the service.
  assert.equal(missing(`# envls-schema: authjs-v5\n${text}`, []).length, 1);
});

test('catalog schemas bound explicitly check values (scheme, enum) with their documented facts', () => {
  const available = builtinSchemas();
  const analysis = analyze('# envls-schema: postgres, redis\nPGSSLMODE=sometimes\nREDIS_URL=http://cache:6379\n', () => ({ available }), {});
  const invalid = analysis.diagnostics.filter((d) => d.code === 'invalidValue').map((d) => d.range.start.line).sort();
  assert.deepEqual(invalid, [1, 2], JSON.stringify(analysis.diagnostics.map((d) => [d.code, d.message])));
});

test('node wiring: the nearest manifest folder above the file is its app, never above the workspace or the repository', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'envls-manifests-'));
  mkdirSync(path.join(root, 'apps/web/config'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ devDependencies: { vite: '5' } }));
  writeFileSync(path.join(root, 'apps/web/package.json'), JSON.stringify({ dependencies: { next: '15', stripe: '17' } }));
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const list = (p: string) => readdirSync(p);
  assert.deepEqual([...appDependencies(path.join(root, 'apps/web/config'), list)[0].names].sort(), ['next', 'stripe']);
  assert.deepEqual([...appDependencies(path.join(root, 'apps'), list)[0].names], ['vite']);
  assert.deepEqual(appDependencies(path.join(root, 'apps'), list, path.join(root, 'apps')), [], 'stops at the workspace folder');
  mkdirSync(path.join(root, 'other/.git'), { recursive: true });
  assert.deepEqual(appDependencies(path.join(root, 'other'), list), [], 'stops at the repository root');

  writeFileSync(path.join(root, 'apps/web/config/.env'), 'STRIPE_SECRET_KEY=sk_test_123\n');
  const bind = bindingInputFor(path.join(root, 'apps/web/config/.env'), new SchemaStore(), {});
  const analysis = analyze('STRIPE_SECRET_KEY=sk_test_123\n', bind, {});
  assert.deepEqual(analysis.binding.schemas.map((s) => s.id).sort(), ['nextjs', 'stripe']);
  assert.equal(analysis.binding.certainty, 'confident');
  assert.deepEqual(analysis.binding.declared?.sort(), ['nextjs', 'stripe']);
});
