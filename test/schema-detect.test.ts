/**
 * Detection: unit cases, and a snapshot of what it picks for every real .env file
 * in the shared corpus (reviewed by hand when written; regenerate with
 * UPDATE_SNAPSHOTS=1 and review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORPUS_DIR, corpusFiles } from './support/corpus';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../server/src/service/parser/parse';
import { builtinSchemaFiles, builtinSchemas } from '../server/src/service/schema/builtin';
import { composeSchemas } from '../server/src/service/schema/compose';
import { detectSchemas, isGenericName } from '../server/src/service/schema/detect';

const repoRoot = path.resolve(__dirname, '..');
const corpus = CORPUS_DIR;
const snapshotPath = path.join(repoRoot, 'test/fixtures/detection-snapshot.json');
const schemas = () => builtinSchemas().values();
const detect = (keys: string[], siblingFiles: string[] = []) => detectSchemas({ keys, siblingFiles }, schemas());
const ids = (keys: string[], siblingFiles: string[] = []) => detect(keys, siblingFiles).map((d) => `${d.id}:${d.confidence}`);

test('an unrelated app gets nothing: generic names never count', () => {
  assert.deepEqual(ids(['PORT', 'HOST', 'DATABASE_URL', 'REDIS_URL', 'AUTH_SECRET', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'LOG_LEVEL', 'NODE_ENV', 'DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASS', 'TEMPORAL_URL', 'OTEL_SDK_DISABLED', 'SENTRY_DSN', 'DJANGO_SECRET_KEY', 'DJANGO_ALLOWED_HOSTS']), []);
  assert.deepEqual(ids([]), []);
  assert.deepEqual(ids(['AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET', 'AUTH_SECRET']), [], 'a generic Auth.js app is not a product');
});

test('no product unique name is generic, and none is known to another product', () => {
  // Catalog schemas (common services) are left out: products use those services and know their
  // names (Flux's app reads AUTH_GITHUB_ID), and generic names in a catalog file never count as evidence.
  const all = [...schemas()];
  for (const s of all.filter((schema) => !schema.catalog)) {
    for (const name of s.detect?.uniqueVariables ?? []) {
      assert.ok(!isGenericName(name), `${s.id} lists generic ${name}`);
      const others = all.filter((o) => o.product !== s.product && (o.byName.has(name) || o.byAlias.has(name)));
      assert.deepEqual(others.map((o) => o.id), [], `${name} (unique to ${s.product}) is known to another product`);
    }
  }
});

test('a user schema cannot make generic names evidence', () => {
  const { schemas: withUser } = composeSchemas([
    ...builtinSchemaFiles(),
    { origin: '/ws/x.json', json: { id: 'acme', title: 'Acme', product: 'Acme', variables: { PORT: { description: 'p' } }, detect: { uniqueVariables: ['PORT', 'DATABASE_URL'], minimumMatches: 1 } } },
  ]);
  assert.deepEqual(detectSchemas({ keys: ['PORT', 'DATABASE_URL'], siblingFiles: [] }, withUser.values()), []);
});

test('one unique name is a weak detection; two make it confident', () => {
  assert.deepEqual(ids(['NEOSYNC_URL', 'REDIS_URL']), ['neosync/worker:weak']);
  assert.deepEqual(ids(['NEOSYNC_URL', 'CHECK_ACCOUNT_TIMER_SECONDS', 'TEMPORAL_TASK_QUEUE']), ['neosync/worker:confident']);
});

test('the best profile of a product wins; a file that clearly mixes services gets both', () => {
  // NUCLEUS_ENV is read by every Neosync service; these files are a worker's and an API's.
  assert.deepEqual(ids(['NUCLEUS_ENV', 'NEOSYNC_URL', 'TEMPORAL_URL', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'REDIS_URL']), ['neosync/worker:confident']);
  assert.deepEqual(ids(['NUCLEUS_ENV', 'AUTH_CLIENTID_SECRET', 'DB_HOST', 'DB_PORT', 'DB_MIGRATIONS_TABLE_QUOTED']), ['neosync/api:confident']);
  // One .env for the API and the worker together (two API-only names beside the worker's).
  assert.deepEqual(ids(['NUCLEUS_ENV', 'AUTH_CLIENTID_SECRET', 'AUTH_CLI_AUDIENCE', 'DB_HOST', 'NEOSYNC_URL', 'CHECK_ACCOUNT_TIMER_SECONDS', 'TEMPORAL_TASK_QUEUE']).sort(), ['neosync/api:confident', 'neosync/worker:confident']);
  // Flagsmith's API and frontend in one environment.
  assert.deepEqual(ids(['ALLOW_ADMIN_INITIATION_VIA_CLI', 'FLAGSMITH_DOMAIN', 'FLAGSMITH_API_URL', 'FLAGSMITH_ON_FLAGSMITH_API_KEY']).sort(), ['flagsmith/api:confident', 'flagsmith/frontend:confident']);
});

test('marker files: flux.json beside the file makes Flux confident', () => {
  assert.deepEqual(ids(['FLUX_URL', 'AUTH_SECRET'], ['flux.json', 'package.json']), ['flux:confident']);
  assert.deepEqual(ids(['FLUX_API_TOKEN'], ['flux.json']), ['flux:confident']);
  assert.deepEqual(ids(['FLUX_API_TOKEN']), ['flux:weak']);
  assert.deepEqual(ids(['SOMETHING_ELSE'], ['flux.json']), ['flux:weak'], 'a marker alone, no Flux variable: weak');
  assert.deepEqual(ids(['FLUX_URL', 'AUTH_SECRET'], ['package.json']), [], 'FLUX_URL alone is not proof');
  const reason = detect(['NEXT_PUBLIC_FLUX_URL', 'FLUX_GATEWAY_JWT_SECRET'], ['flux.json'])[0].reason;
  assert.match(reason, /FLUX_GATEWAY_JWT_SECRET, NEXT_PUBLIC_FLUX_URL are names only Flux uses, flux.json beside the file/);
});

// --- corpus snapshot -----------------------------------------------------------------------------

function corpusEnvFiles(): string[] {
  return corpusFiles(({ name, dir }) => name.endsWith('.env') || name.startsWith('.env') || path.basename(dir) === 'env-examples');
}

function detectFile(file: string) {
  const doc = parseEnv(readFileSync(file, 'utf8'));
  return detectSchemas({ keys: doc.entries.map((e) => e.key), siblingFiles: readdirSync(path.dirname(file)) }, schemas()).map((d) => ({ id: d.id, confidence: d.confidence }));
}

test('detection snapshot over the real corpus files', () => {
  const files = corpusEnvFiles();
  assert.ok(files.length >= 60, `found only ${files.length} corpus files in ${corpus}`);
  const actual: Record<string, { id: string; confidence: string }[]> = {};
  for (const file of files) actual[path.relative(corpus, file).split(path.sep).join('/')] = detectFile(file);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snapshotPath)) {
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`no snapshot at ${snapshotPath}; run with UPDATE_SNAPSHOTS=1 and review it`);
    writeFileSync(snapshotPath, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(readFileSync(snapshotPath, 'utf8'));
  assert.deepEqual(actual, expected);
});

test('what a person would pick, on the corpus (independent of the snapshot)', () => {
  const pick = (rel: string) => detectFile(path.join(corpus, rel)).map((d) => d.id);
  for (const service of ['api', 'app', 'worker']) {
    assert.deepEqual(pick(`neosync/services/${service}.env`), [`neosync/${service}`]);
    assert.deepEqual(pick(`neosync/services/${service}.dev.env`), [`neosync/${service}`]);
  }
  assert.deepEqual(pick('flagsmith/extracted/docker-compose.x-flagsmith-env.env'), ['flagsmith/api']);
  assert.deepEqual(pick('flagsmith/extracted/docker-compose.pgpool.flagsmith.env'), ['flagsmith/api']);
  assert.deepEqual(pick('flagsmith/extracted/frontend__docker-compose-e2e-tests.frontend.env'), ['flagsmith/frontend']);
  // Auth.js apps: no envls product; those with names only Auth.js v5 reads get the Auth.js catalog schema.
  for (const name of readdirSync(path.join(corpus, 'authjs/env-examples'))) {
    // Provider pairs as next-auth's examples name them (AUTH0_ID, TWITTER_ID…) and the services the apps use bind their catalog schemas.
    assert.ok(pick(`authjs/env-examples/${name}`).every((id) => builtinSchemas().get(id)?.catalog), `Auth.js example ${name}`);
  }
  assert.deepEqual(pick('authjs/env-examples/next-auth__apps__examples__nextjs__.env.local.example@a1a16a5a'), ['authjs-v5']);
  // Databases, Temporal, Keycloak, Grafana… beside the products are not the products.
  assert.deepEqual(pick('neosync/extracted/compose.db.env'), []);
  assert.deepEqual(pick('neosync/extracted/compose__temporal__compose.temporal.env'), []);
  assert.deepEqual(pick('neosync/extracted/compose.auth.keycloak.env'), ['keycloak']);
  assert.deepEqual(pick('flagsmith/extracted/docker__common__db__.pgpool.pgpool.env'), []);
});
