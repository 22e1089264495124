/**
 * Issue 9, "correctness on real files": each case comes from a real file or a product's
 * own code (cited beside it), run through the builtin schemas and the real rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../server/src/service/analyze';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { detectSchemas, isGenericName } from '../server/src/service/schema/detect';
import { describeVariable } from '../server/src/service/describe';
import { getHover } from '../server/src/service/hover';
import { parseEnv } from '../server/src/service/parser/parse';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { CORPUS_DIR } from './support/corpus';
import { diagnose, makeSchema } from './support/testSchema';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const HINT = 4;

const schemas = builtinSchemas();
const spec = (id: string, name: string) => {
  const found = schemas.get(id)?.byName.get(name);
  assert.ok(found, `${id} has ${name}`);
  return found;
};

/** What the editor and the CLI do with a file nothing binds: detection, then validation. */
function detectAndCheck(text: string, siblingFiles: string[] = []) {
  return analyze(
    text,
    (doc) => ({ available: schemas, detect: () => detectSchemas({ keys: doc.entries.map((e) => e.key), siblingFiles }, schemas.values()) }),
    { unknownVariables: true },
  );
}

function bound(id: string, text: string): Diagnostic[] {
  return analyze(`# envls-schema: ${id}\n${text}`, () => ({ available: schemas }), {}).diagnostics;
}

const withCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code).map((d) => ({ ...d, message: String(d.message) }));

// --- Flux's own platform files are not an app's -------------------------------------------------------
// The variables set in justinkemersion/Flux @ 567169be574fa82f2372d1fd59549ae6784d762c (values that matter kept):
// packages/gateway/.env.example and docker/v2-shared/.env.example. Both set FLUX_GATEWAY_JWT_SECRET, the
// operator's pool secret, which the app profile knows under the same name (the seed's "Names that look alike").
const GATEWAY_ENV = [
  'FLUX_SYSTEM_DATABASE_URL=postgresql://postgres:password@127.0.0.1:5432/postgres',
  'FLUX_GATEWAY_JWT_SECRET=REPLACE_THIS',
  'FLUX_POSTGREST_POOL_URL=http://127.0.0.1:3001',
  'FLUX_BASE_DOMAIN=flux.localhost',
].join('\n');
const SHARED_STACK_ENV = [
  'SHARED_POSTGRES_PASSWORD=CHANGE_ME_STRONG_DB_PASSWORD', 'PGB_BACKEND_PASSWORD=CHANGE_ME_STRONG_DB_PASSWORD',
  'PGRST_DB_PASSWORD=CHANGE_ME_STRONG_DB_PASSWORD', 'FLUX_GATEWAY_JWT_SECRET=CHANGE_ME_MIN_32_CHARS',
  'SHARED_POSTGRES_USER=postgres', 'SHARED_POSTGRES_DB=postgres', 'PGB_BACKEND_USER=postgres', 'PGB_DATABASE=postgres',
  'PGB_MAX_CLIENT_CONN=1000', 'PGB_DEFAULT_POOL_SIZE=100', 'PGB_AUTH_TYPE=scram-sha-256', 'PGB_ADMIN_USERS=postgres',
  'PGRST_DB_USER=authenticator', 'PGRST_DB_NAME=postgres', 'PGRST_DB_ANON_ROLE=authenticator', 'PGRST_DB_SCHEMAS=public',
  'PGRST_DB_POOL=100', 'PGRST_DB_POOL_TIMEOUT=10', 'PGRST_DB_PRE_CONFIG=public.flux_postgrest_config',
  'PGRST_DB_PRE_REQUEST=public.flux_set_tenant_context', 'FLUX_V2_ROLE_DATABASE_NAME=postgres',
].join('\n');
// justinkemersion/flux-app-foundry @ 1abbc5507d7d1c8ee71279577e7fdf11f0a3850e .env.example: an app built on Flux.
const APP_ENV = [
  'NEXT_PUBLIC_APP_NAME=', 'NEXT_PUBLIC_APP_TAGLINE=', 'AUTH_SECRET=', 'AUTH_GITHUB_ID=', 'AUTH_GITHUB_SECRET=',
  'AUTH_GOOGLE_ID=', 'AUTH_GOOGLE_SECRET=', 'FLUX_URL=', 'FLUX_GATEWAY_JWT_SECRET=', 'FLUX_TLS_INSECURE=0', 'DEMO_USER_SUB=',
].join('\n');

test("Flux's gateway and shared-stack files bind no Flux profile and get no app-secret warning", () => {
  for (const [name, text] of [['gateway', GATEWAY_ENV], ['shared stack', SHARED_STACK_ENV]]) {
    const analysis = detectAndCheck(text);
    assert.deepEqual(analysis.binding.schemas.map((s) => s.id), [], `${name}: no schema`);
    assert.deepEqual(analysis.diagnostics.map((d) => d.code), [], `${name}: nothing said about FLUX_GATEWAY_JWT_SECRET`);
  }
  // An app's file is still Flux's; its Auth.js v5 provider pairs (AUTH_GITHUB_ID, AUTH_GOOGLE_ID) add the Auth.js catalog schema.
  assert.deepEqual(detectAndCheck(APP_ENV).binding.schemas.map((s) => s.id), ['flux', 'authjs-v5']);
  assert.deepEqual(detectAndCheck('FLUX_API_TOKEN=flx_live_abcdefghijklmnop\n', ['flux.json']).binding.schemas.map((s) => s.id), ['flux']);
});

test("other components' names are theirs: not generic, and no profile of the product knows them", () => {
  const flux = [...schemas.values()].filter((s) => s.product === 'Flux');
  const components = flux.flatMap((s) => s.detect?.otherComponents ?? []);
  assert.ok(components.length >= 2);
  for (const component of components) {
    assert.match(component.source ?? '', /^https:\/\/github\.com\/justinkemersion\/Flux\/blob\/[0-9a-f]{40}\//);
    for (const name of component.variables) {
      assert.ok(!isGenericName(name), `${component.name}: ${name} is generic`);
      assert.deepEqual(flux.filter((s) => s.byName.has(name) || s.byAlias.has(name)).map((s) => s.id), [], `${name} is known to a Flux profile`);
    }
  }
});

// --- Equal alias values --------------------------------------------------------------------------------

test('AUTH_URL equal to NEXTAUTH_URL is information; different values stay a warning', () => {
  const same = withCode(bound('flux/app', 'AUTH_URL=http://localhost:3000\nNEXTAUTH_URL=http://localhost:3000\n'), 'aliasConflict');
  assert.deepEqual(same.map((d) => d.severity), [INFORMATION]);
  const differ = withCode(bound('flux/app', 'AUTH_URL=http://localhost:3000\nNEXTAUTH_URL=https://app.example.com\n'), 'aliasConflict');
  assert.deepEqual(differ.map((d) => d.severity), [WARNING]);
  // The user's severity stays an upper bound: turned down to hint, an equal pair is a hint.
  const quiet = analyze('# envls-schema: flux/app\nAUTH_URL=http://a\nNEXTAUTH_URL=http://a\n', () => ({ available: schemas }), { severities: { aliasConflict: 'hint' } });
  assert.deepEqual(withCode(quiet.diagnostics, 'aliasConflict').map((d) => d.severity), [HINT]);
});

// --- Variables real files set -------------------------------------------------------------------------

test('variables the products\' real files set are known, each citing the code or page it comes from', () => {
  const cited: [string, string, RegExp][] = [
    ['flagsmith/api', 'USE_SECURE_COOKIES', /Flagsmith\/flagsmith\/blob\/[0-9a-f]{40}\/api\/app\/settings\/common\.py#L1257/],
    ['flagsmith/api', 'ENVIRONMENT', /common\.py#L42/],
    ['flagsmith/api', 'TASK_RUN_METHOD', /asynchronous-task-processor/],
    ['flagsmith/api', 'TASK_PROCESSOR_NUM_THREADS', /asynchronous-task-processor/],
    ['flagsmith/api', 'TASK_PROCESSOR_DATABASE_URL', /asynchronous-task-processor/],
    ['flagsmith/api', 'ACCESS_LOG_FORMAT', /hosting-guides\/docker/],
    ['flagsmith/api', 'GUNICORN_WORKERS', /hosting-guides\/docker/],
    ['neosync/api', 'DB_MIGRATIONS_TABLE', /nucleuscloud\/neosync\/blob\/[0-9a-f]{40}\/backend\/internal\/cmds\/mgmt\/serve\/connect\/cmd\.go/],
    ['neosync/api', 'DB_MIGRATIONS_TABLE_QUOTED', /serve\/connect\/cmd\.go/],
    ['neosync/worker', 'NUCLEUS_ENV', /worker\/internal\/cmds\/worker\/worker\.go/],
    ['neosync/app', 'NUCLEUS_ENV', /charts\/app\/templates\/_helpers\.tpl/],
    ['flux/app', 'FLUX_TLS_INSECURE', /justinkemersion\/flux-app-foundry\/blob\/[0-9a-f]{40}\/lib\/flux\/client\.ts/],
  ];
  for (const [id, name, source] of cited) assert.match(spec(id, name).source ?? '', source, `${id} ${name}`);
  // ENVIRONMENT is what the API reads; the page says ENV: hover says so.
  const environment = spec('flagsmith/api', 'ENVIRONMENT');
  const hover = describeVariable(environment, schemas.get('flagsmith/api')!);
  assert.match(hover, /the documentation page calls it `ENV`/);
  assert.match(environment.notes ?? '', /ENV/);
  const envHover = getHover(parseEnv('ENV=prod\n'), schemaSetFor([schemas.get('flagsmith/api')!]), { line: 0, character: 1 });
  assert.match(JSON.stringify(envHover?.contents), /the API's settings read ENVIRONMENT/);
  assert.equal(schemas.get('flagsmith')?.byName.get('USE_SECURE_COOKIES')?.type, 'boolean');
});

test('the corpus files no longer report those names as unknown', () => {
  const unknown = (rel: string) => {
    const text = readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
    const analysis = detectAndCheck(text, readdirSync(path.dirname(path.join(CORPUS_DIR, rel))));
    return withCode(analysis.diagnostics, 'unknownVariable').map((d) => analysis.doc.entries.find((e) => e.line === d.range.start.line)?.key);
  };
  const names = ['ENVIRONMENT', 'TASK_RUN_METHOD', 'USE_SECURE_COOKIES', 'DB_MIGRATIONS_TABLE', 'DB_MIGRATIONS_TABLE_QUOTED', 'NUCLEUS_ENV'];
  for (const rel of ['flagsmith/extracted/docker-compose.x-flagsmith-env.env', 'flagsmith/extracted/docker-compose.pgpool.flagsmith.env', 'neosync/services/api.env', 'neosync/services/worker.env', 'neosync/services/app.env']) {
    const reported = unknown(rel);
    assert.deepEqual(reported.filter((n) => names.includes(n ?? '')), [], rel);
  }
});

test('FLUX_TLS_INSECURE=1 switches verification off (insecureValue); only 0 and 1 are read', () => {
  assert.deepEqual(withCode(bound('flux/app', 'FLUX_TLS_INSECURE=1\n'), 'insecureValue').map((d) => d.severity), [WARNING]);
  assert.deepEqual(bound('flux/app', 'FLUX_TLS_INSECURE=0\n').filter((d) => d.code === 'insecureValue' || d.code === 'invalidValue'), []);
  assert.equal(withCode(bound('flux/app', 'FLUX_TLS_INSECURE=true\n'), 'invalidValue').length, 1);
});

// --- Facts of the seed pages ---------------------------------------------------------------------------

test('documented non-literal defaults are data and show in hover', () => {
  const records = spec('neosync/api', 'MAX_ALLOWED_RECORDS');
  assert.match(describeVariable(records, schemas.get('neosync/api')!), /default NULL: no limit unless set/);
  const posthog = spec('neosync/app', 'POSTHOG_KEY');
  assert.match(describeVariable(posthog, schemas.get('neosync/app')!), /default Neosync's posthog api key/i);
  assert.match(describeVariable(spec('flux/cli', 'FLUX_DASHBOARD_BASE'), schemas.get('flux/cli')!), /default FLUX_API_BASE with the trailing \/api stripped/i);
});

test('PROXY_API_URL must not include /api/v1/ (Flagsmith adds it)', () => {
  const bad = withCode(bound('flagsmith/frontend', 'PROXY_API_URL=https://api.example.com/api/v1/\n'), 'invalidValue');
  assert.deepEqual(bad.map((d) => d.severity), [ERROR]);
  assert.match(bad[0].message, /Do not add api\/v1\//);
  assert.deepEqual(withCode(bound('flagsmith/frontend', 'PROXY_API_URL=https://api.example.com\n'), 'invalidValue'), []);
});

test("FLUX_API_TOKEN's flx_live_/flx_test_ prefix is a convention: a hint, never an error", () => {
  const unprefixed = bound('flux/cli', 'FLUX_API_TOKEN=abcdefghijklmnopqrstuvwxyz012345\n').filter((d) => d.code === 'invalidValue' || d.code === 'insecureValue');
  assert.deepEqual(unprefixed.map((d) => [d.code, d.severity]), [['invalidValue', HINT]]);
  assert.match(String(unprefixed[0].message), /conventionally prefixed flx_live_ or flx_test_/);
  assert.deepEqual(bound('flux/cli', 'FLUX_API_TOKEN=flx_live_abcdefghijklmnopqrstuvwxyz\n').filter((d) => d.code === 'invalidValue' || d.code === 'insecureValue'), []);
  assert.match(describeVariable(spec('flux/cli', 'FLUX_API_TOKEN'), schemas.get('flux/cli')!), /Convention \(a hint, never an error\)/);
});

// --- envls's own advice ------------------------------------------------------------------------------

test("every constraint the notes call envls's own choice is marked advice", () => {
  const own = /chosen by envls|envls assumes .*(true|JavaScript)|envls did not read/;
  for (const schema of schemas.values()) {
    for (const v of schema.variables) {
      const notes = v.notes ?? '';
      if (!own.test(notes)) continue;
      if (/Minimum length|Minimum \d+ chosen/.test(notes) || /true\/false|JavaScript/.test(notes)) {
        assert.ok(v.advice && v.advice.length > 0, `${schema.id} ${v.name}: notes say envls chose a check, but no advice is marked`);
      }
    }
  }
});

test('advice is never an error, and says "envls advice" in the message and in hover', () => {
  // A JavaScript-only boolean where the product's code was not read (the builtin ones were read: see below).
  const guessed = makeSchema('test/js', [{ name: 'FEATURE_ON', type: 'boolean', boolean: 'js', advice: ['type'] }]);
  const bool = diagnose('FEATURE_ON=yes\n', [guessed]).filter((d) => d.code === 'invalidValue');
  assert.deepEqual(bool.map((d) => d.severity), [WARNING]);
  assert.match(String(bool[0].message), /envls advice/);
  assert.match(describeVariable(guessed.variables[0], guessed), /envls advice, not the product's rule: its accepted values/);
  // Neosync's app code compares AUTH_ENABLED with 'true': that is the product's rule, an error.
  const read = withCode(bound('neosync/app', 'AUTH_ENABLED=yes\n'), 'invalidValue');
  assert.deepEqual(read.map((d) => d.severity), [ERROR]);
  assert.match(spec('neosync/app', 'AUTH_ENABLED').notes ?? '', /config\.ts#L13/);
  assert.deepEqual(spec('flagsmith/frontend', 'USE_SECURE_COOKIES').boolean, ['true', '1', 'false', '0']);
  // A minimum chosen by envls for a timer.
  const timer = withCode(bound('neosync/worker', 'CHECK_ACCOUNT_TIMER_SECONDS=0\n'), 'invalidValue');
  assert.deepEqual(timer.map((d) => d.severity), [WARNING]);
  assert.match(timer[0].message, /envls advice/);
  // A minimum secret length chosen by envls: insecureValue, a warning that says so.
  const pass = withCode(bound('neosync/api', 'DB_PASS=short\n'), 'insecureValue');
  assert.deepEqual(pass.map((d) => d.severity), [WARNING]);
  assert.match(pass[0].message, /envls advice/);
  assert.match(describeVariable(spec('neosync/api', 'DB_PASS'), schemas.get('neosync/api')!), /At least 8 characters \(envls advice/);
  // A documented rule stays the product's: no advice note.
  const documented = withCode(bound('flux/app', 'FLUX_GATEWAY_JWT_SECRET=short\n'), 'insecureValue');
  assert.doesNotMatch(documented[0].message, /envls advice/);
});
