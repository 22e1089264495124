/**
 * The builtin schemas against the three seed documents: every variable they name
 * is known, and the facts they state (required-if, defaults, enums, aliases,
 * deprecations, sensitivity, recorded contradictions) are in the schemas.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import type { ResolvedSchema, VariableSpec } from '../server/src/service/schema/types';

const repoRoot = path.resolve(__dirname, '..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const read = (name: string) => readFileSync(path.join(seeds, name), 'utf8');
const NEOSYNC = read('000_3a73ea43dcb2ad9f.txt');
const FLUX = read('001_9817eb2d9041c8d5.txt');
const FLAGSMITH = read('002_c3f879361db85371.txt');

const schemas = builtinSchemas();
const schema = (id: string): ResolvedSchema => {
  const s = schemas.get(id);
  assert.ok(s, `no schema ${id}`);
  return s;
};
const knows = (s: ResolvedSchema, name: string) => s.byName.has(name) || s.byAlias.has(name);
const spec = (id: string, name: string): VariableSpec => {
  const v = schema(id).byName.get(name);
  assert.ok(v, `${id} has no variable ${name}`);
  return v;
};

/** Every upper-case name with an underscore anywhere in a text (code spans, tables, prose). */
function namesIn(text: string): Set<string> {
  return new Set(text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? []);
}

/** Neosync's markdown tables: section heading -> first-column names. */
function neosyncTables(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const line of NEOSYNC.split(/\r?\n/)) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1].trim();
    const row = /^\|\s*([A-Z][A-Z0-9_]*)\s*\|/.exec(line);
    if (row && row[1] !== 'Variable') out.set(section, [...(out.get(section) ?? []), row[1]]);
  }
  return out;
}

/** Flagsmith's bullet lists: section heading -> `NAME` of each `- \`NAME\`: …` item. */
function flagsmithBullets(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const line of FLAGSMITH.split(/\r?\n/)) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1].trim();
    const item = /^-\s+`([A-Z][A-Z0-9_]*)`\s*:/.exec(line);
    if (item) out.set(section, [...(out.get(section) ?? []), item[1]]);
  }
  return out;
}

test('seed extraction finds what the pages hold (guards the extraction itself)', () => {
  const tables = neosyncTables();
  assert.deepEqual([...tables.keys()], ['Backend API', 'Backend API Database Migrations', 'Frontend App', 'Worker', 'CLI']);
  assert.deepEqual([...tables.values()].map((rows) => rows.length), [52, 11, 23, 25, 6]);
  const bullets = flagsmithBullets();
  assert.deepEqual([...bullets.values()].map((rows) => rows.length), [26, 21]);
  assert.ok(namesIn(FLUX).size >= 25, `only ${namesIn(FLUX).size} names found in the Flux page`);
});

test('seed coverage: every Neosync table row is a variable of its profile', () => {
  const profile: Record<string, string> = {
    'Backend API': 'neosync/api',
    'Backend API Database Migrations': 'neosync/migrations',
    'Frontend App': 'neosync/app',
    Worker: 'neosync/worker',
    CLI: 'neosync/cli',
  };
  for (const [section, names] of neosyncTables()) {
    const s = schema(profile[section]);
    const missing = names.filter((n) => !knows(s, n));
    assert.deepEqual(missing, [], `${section} rows missing from ${s.id}`);
  }
});

test('seed coverage: every name the Neosync page mentions is known to a Neosync profile', () => {
  // Deliberate exclusions, with reasons:
  const excluded: Record<string, string> = {
    XDG_CONFIG_HOME: 'the XDG base-directory variable, mentioned in NEOSYNC_CONFIG_DIR\'s description; not Neosync\'s own',
  };
  const neosync = [...schemas.values()].filter((s) => s.product === 'Neosync');
  const missing = [...namesIn(NEOSYNC)].filter((n) => !(n in excluded) && !neosync.some((s) => knows(s, n)));
  assert.deepEqual(missing, []);
  // The OTel page it points to: OTEL_EXPORTER_OTLP_ENDPOINT is configurable on the Go services.
  assert.ok(knows(schema('neosync/api'), 'OTEL_EXPORTER_OTLP_ENDPOINT') && knows(schema('neosync/worker'), 'OTEL_EXPORTER_OTLP_ENDPOINT'));
});

test('seed coverage: every name the Flux page mentions is known to the flux profile', () => {
  const flux = schema('flux');
  const missing = [...namesIn(FLUX)].filter((n) => !knows(flux, n));
  assert.deepEqual(missing, []);
});

test('seed coverage: every Flagsmith bullet is a variable of its profile, and of the combined profile', () => {
  const profile: Record<string, string> = { 'API Environment Variables': 'flagsmith/api', 'Frontend Environment Variables': 'flagsmith/frontend' };
  for (const [section, names] of flagsmithBullets()) {
    const s = schema(profile[section]);
    assert.deepEqual(names.filter((n) => !s.byName.has(n)), [], `${section} missing from ${s.id}`);
    assert.deepEqual(names.filter((n) => !schema('flagsmith').byName.has(n)), []);
  }
  const all = [...schemas.values()].filter((s) => s.product === 'Flagsmith');
  assert.deepEqual([...namesIn(FLAGSMITH)].filter((n) => !all.some((s) => knows(s, n))), []);
});

test('descriptions are the documentation\'s words, whole', () => {
  assert.equal(spec('neosync/api', 'DB_SSL_DISABLE').description, 'Postgres requires SSL by default. Set this to "true" to disable SSL, which is useful for dev environments');
  assert.match(spec('neosync/app', 'NEXTAUTH_URL').description, /^This the base url that the app will be accessible from\. .* Required if AUTH_ENABLED is true$/);
  assert.equal(spec('flagsmith/api', 'DJANGO_SECRET_KEY').description, 'A long, random and unique string used for cryptographic signing.');
  assert.match(spec('flux', 'FLUX_API_BASE').description, /Self-hosted: point this at your own dashboard origin/);
});

// --- facts ---------------------------------------------------------------------------------------

test('Neosync: required, required-if, alternatives and only-used-when', () => {
  assert.deepEqual(spec('neosync/api', 'DB_HOST').required, { kind: 'always' });
  assert.deepEqual(spec('neosync/worker', 'TEMPORAL_TASK_QUEUE').required, { kind: 'always' });
  assert.deepEqual(spec('neosync/app', 'NEXTAUTH_SECRET').required, { kind: 'always' });
  for (const name of ['NEXTAUTH_URL', 'AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET', 'AUTH_ISSUER', 'AUTH_SCOPE', 'AUTH_AUDIENCE', 'AUTH_PROVIDER_ID', 'AUTH_PROVIDER_NAME']) {
    const req = spec('neosync/app', name).required;
    assert.equal(req?.kind, 'when', name);
    assert.deepEqual(req?.when, [{ variable: 'AUTH_ENABLED', truthy: true }], name);
  }
  assert.deepEqual(spec('neosync/api', 'RUN_LOGS_TYPE').required?.when, [{ variable: 'RUN_LOGS_ENABLED', truthy: true }]);
  assert.deepEqual(spec('neosync/api', 'RUN_LOGS_TYPE').values, ['k8s-pods', 'loki']);
  for (const name of ['RUN_LOGS_LOKICONFIG_BASEURL', 'RUN_LOGS_LOKICONFIG_LABELSQUERY', 'RUN_LOGS_LOKICONFIG_KEEPLABELS']) {
    assert.deepEqual(spec('neosync/api', name).onlyUsedWhen, [{ variable: 'RUN_LOGS_TYPE', equals: ['loki'] }], name);
  }
  assert.deepEqual(spec('neosync/api', 'RUN_LOGS_PODCONFIG_WORKER_NAMESPACE').onlyUsedWhen, [{ variable: 'RUN_LOGS_TYPE', equals: ['k8s-pods'] }]);
  // DB_URL replaces its parts for the migrations.
  for (const name of ['DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'DB_PASS']) {
    assert.deepEqual(spec('neosync/migrations', name).required?.alternatives, [['DB_URL']], name);
  }
  assert.deepEqual(spec('neosync/worker', 'REDIS_MASTER').onlyUsedWhen, [{ variable: 'REDIS_KIND', equals: ['failover'] }]);
});

test('Neosync: defaults, defaults from other variables, enums, boolean flavors', () => {
  assert.equal(spec('neosync/api', 'PORT').default, '8080');
  assert.equal(spec('neosync/api', 'PORT').type, 'port');
  assert.equal(spec('neosync/api', 'HOST').default, '127.0.0.1');
  assert.equal(spec('neosync/api', 'NUCLEUS_ENV').default, 'unknown');
  assert.equal(spec('neosync/api', 'TEMPORAL_DEFAULT_SYNCJOB_QUEUE').default, 'sync-job');
  assert.equal(spec('neosync/api', 'METRICS_URL').default, 'http://localhost:9090');
  assert.equal(spec('neosync/api', 'RUN_LOGS_PODCONFIG_WORKER_NAMESPACE').defaultFrom, 'KUBERNETES_NAMESPACE');
  assert.equal(spec('neosync/api', 'RUN_LOGS_PODCONFIG_WORKER_NAMESPACE').default, undefined);
  assert.equal(spec('neosync/api', 'RUN_LOGS_PODCONFIG_WORKER_APPNAME').defaultFrom, 'KUBERNETES_WORKER_APP_NAME');
  assert.equal(spec('neosync/api', 'RUN_LOGS_PODCONFIG_WORKER_APPNAME').default, 'neosync-worker');
  assert.equal(spec('neosync/api', 'RUN_LOGS_LOKICONFIG_LABELSQUERY').default, 'namespace="neosync", app="neosync-worker"');
  assert.equal(spec('neosync/cli', 'LOGIN_PORT').default, '4242');
  assert.equal(spec('neosync/cli', 'NEOSYNC_CONFIG_DIR').default, '~/.neosync');
  assert.deepEqual(spec('neosync/api', 'AUTH_API_PROVIDER').values, ['auth0', 'keycloak']);
  assert.deepEqual(spec('neosync/worker', 'REDIS_KIND').values, ['simple', 'cluster', 'failover']);
  assert.deepEqual(spec('neosync/worker', 'OTEL_TRACES_EXPORTER').values, ['otlp', 'console', 'none']);
  assert.equal(spec('neosync/worker', 'OTEL_TRACES_EXPORTER').default, 'otlp');
  assert.equal(spec('neosync/api', 'AUTH_AUDIENCE').separator, ',');
  assert.equal(spec('neosync/api', 'DB_SSL_DISABLE').boolean, 'go');
  assert.equal(spec('neosync/worker', 'OTEL_SDK_DISABLED').boolean, 'go');
  assert.equal(spec('neosync/app', 'AUTH_ENABLED').boolean, 'js');
});

test('Neosync: the seed\'s contradictions are resolved and recorded in notes', () => {
  // TEMPORAL_URL shows "RS256": AUTH_SIGNATURE_ALGORITHM's default, one row up.
  const temporal = spec('neosync/api', 'TEMPORAL_URL');
  assert.notEqual(temporal.default, 'RS256');
  assert.equal(temporal.default, 'localhost:7233');
  assert.match(temporal.notes ?? '', /RS256/);
  assert.equal(spec('neosync/api', 'AUTH_SIGNATURE_ALGORITHM').default, 'RS256');
  assert.match(spec('neosync/api', 'AUTH_SIGNATURE_ALGORITHM').notes ?? '', /TEMPORAL_URL/);
  // AUTH_AUDIENCE: "required" with default "false".
  const audience = spec('neosync/api', 'AUTH_AUDIENCE');
  assert.equal(audience.default, undefined);
  assert.equal(audience.required?.kind, 'when');
  assert.match(audience.notes ?? '', /"false"/);
  // AUTH_TRUST_HOST: "required" by the table, "pretty much required behind a load balancer" by its text.
  assert.equal(spec('neosync/app', 'AUTH_TRUST_HOST').required, undefined);
  assert.match(spec('neosync/app', 'AUTH_TRUST_HOST').notes ?? '', /load balancer/);
  // NEOSYNC_URL: a base url whose documented default has no scheme.
  assert.equal(spec('neosync/worker', 'NEOSYNC_URL').default, 'http://localhost:8080');
  assert.match(spec('neosync/worker', 'NEOSYNC_URL').notes ?? '', /localhost:8080/);
  // MAX_ALLOWED_RECORDS: default "NULL", not a literal value: a described default.
  assert.equal(spec('neosync/api', 'MAX_ALLOWED_RECORDS').default, undefined);
  assert.equal(spec('neosync/api', 'MAX_ALLOWED_RECORDS').defaultDescription, 'NULL: no limit unless set');
  assert.equal(spec('neosync/app', 'POSTHOG_KEY').default, undefined);
  assert.equal(spec('neosync/app', 'POSTHOG_KEY').defaultDescription, "Neosync's posthog api key");
});

test("Neosync's app runs next-auth v5 (its code, not the issue's v4 premise): AUTH_SECRET stands in for NEXTAUTH_SECRET and wins; AUTH_URL does not stand in for NEXTAUTH_URL", () => {
  const app = schema('neosync/app');
  const secret = spec('neosync/app', 'NEXTAUTH_SECRET');
  assert.deepEqual(secret.aliases, ['AUTH_SECRET']);
  // next-auth v5: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET.
  assert.equal(secret.precedence, 'alias');
  assert.match(secret.notes ?? '', /next-auth v5.*AUTH_SECRET/);
  assert.equal(secret.sensitive, true);
  assert.equal(secret.constraints?.minLength, 32);
  assert.equal(app.byAlias.get('AUTH_SECRET'), secret);
  assert.ok(!app.byName.has('AUTH_SECRET'));
  // Neosync's sign-out route reads process.env.NEXTAUTH_URL itself.
  assert.equal(spec('neosync/app', 'NEXTAUTH_URL').aliases, undefined);
  assert.ok(!app.byAlias.has('AUTH_URL') && !app.byName.has('AUTH_URL'));
  assert.match(spec('neosync/app', 'NEXTAUTH_URL').notes ?? '', /provider-sign-out/);
  // Flux's app is Auth.js v5: the other way round.
  assert.deepEqual(spec('flux', 'AUTH_SECRET').aliases, ['NEXTAUTH_SECRET']);
  assert.equal(schema('flux').byAlias.get('NEXTAUTH_URL')?.name, 'AUTH_URL');
  // Only the Auth.js variables Neosync's app uses, not every provider.
  assert.ok(!app.byName.has('AUTH_GITHUB_ID'));
});

test('Neosync look-alikes across services', () => {
  const meant = (id: string, name: string) => schema(id).lookAlikes.find((l) => l.name === name)?.meant;
  assert.equal(meant('neosync/migrations', 'DB_OPTIONS'), 'DB_MIGRATIONS_OPTIONS');
  assert.equal(meant('neosync/api', 'AUTH_EXPECTED_ISSUER'), 'AUTH_EXPECTED_ISS');
  assert.equal(meant('neosync/app', 'AUTH_EXPECTED_ISS'), 'AUTH_EXPECTED_ISSUER');
  assert.equal(meant('neosync/worker', 'NEOSYNC_API_URL'), 'NEOSYNC_URL');
});

test('Flux: aliases, legacy names, CLI keys, PostgREST managed by Flux, TLS', () => {
  const flux = schema('flux');
  assert.equal(flux.byAlias.get('FLUX_SERVICE_URL')?.name, 'FLUX_URL');
  assert.equal(flux.byAlias.get('GITHUB_ID')?.name, 'AUTH_GITHUB_ID');
  assert.equal(flux.byAlias.get('GITHUB_SECRET')?.name, 'AUTH_GITHUB_SECRET');
  assert.deepEqual(spec('flux', 'FLUX_DEFAULT_MODE').values, ['v1_dedicated', 'v2_shared']);
  const base = spec('flux', 'FLUX_API_BASE').constraints;
  assert.equal(base?.suffix, '/api');
  assert.equal(base?.noTrailingSlash, true);
  assert.equal(spec('flux', 'FLUX_DASHBOARD_BASE').constraints?.noTrailingSlash, true);
  const gateway = spec('flux', 'FLUX_GATEWAY_JWT_SECRET');
  assert.equal(gateway.sensitive, true);
  assert.equal(gateway.constraints?.minLength, 32);
  assert.deepEqual(gateway.required, { kind: 'always', reason: 'one of the three variables your app needs to call a Flux project' });
  assert.deepEqual(gateway.mustDifferFrom, ['AUTH_SECRET']);
  assert.deepEqual(spec('flux', 'AUTH_SECRET').mustDifferFrom, ['FLUX_GATEWAY_JWT_SECRET']);
  assert.equal(spec('flux/cli', 'FLUX_GATEWAY_JWT_SECRET').required, undefined, 'the CLI only loads it');
  for (const name of ['PGRST_DB_URI', 'PGRST_JWT_SECRET', 'PGRST_DB_SCHEMAS', 'PGRST_DB_ANON_ROLE']) assert.equal(spec('flux', name).managedBy, 'Flux', name);
  assert.equal(spec('flux', 'PGRST_DB_URI').sensitive, true);
  assert.equal(spec('flux', 'PGRST_DB_SCHEMAS').default, 'api');
  assert.equal(spec('flux', 'PGRST_DB_ANON_ROLE').default, 'anon');
  assert.deepEqual(spec('flux', 'NODE_TLS_REJECT_UNAUTHORIZED').insecureValues, ['0']);
  assert.equal(spec('flux', 'NODE_EXTRA_CA_CERTS').type, 'path');
  assert.equal(spec('flux', 'FLUX_POSTGREST_SCHEMA').constraints?.pattern, '^t_[0-9a-f]{12}_api$');
  assert.match(spec('flux', 'FLUX_DEBUG').notes ?? '', /five keys/);
  assert.equal(spec('flux', 'NEXT_PUBLIC_FLUX_URL').sensitive, undefined);
  assert.deepEqual(schema('flux').detect?.markers, ['flux.json']);
});

test('Flux: the "names that look alike" table', () => {
  const table = schema('flux').lookAlikes;
  assert.deepEqual(table.map((l) => l.name), ['FLUX_GATEWAY_JWT_SECRET', 'FLUX_API_BASE', 'FLUX_URL', 'AUTH_SECRET']);
  assert.equal(table.find((l) => l.name === 'FLUX_API_BASE')?.meant, 'FLUX_URL');
  assert.equal(table.find((l) => l.name === 'AUTH_SECRET')?.meant, 'FLUX_GATEWAY_JWT_SECRET');
  // Renaming FLUX_URL to its legacy alias, or a secret to itself, would be wrong.
  assert.equal(table.find((l) => l.name === 'FLUX_URL')?.meant, undefined);
  assert.equal(table.find((l) => l.name === 'FLUX_GATEWAY_JWT_SECRET')?.meant, undefined);
});

test('Flagsmith: inverted deprecation, Django booleans, "any value" flags, enums, secrets', () => {
  const allow = spec('flagsmith/frontend', 'ALLOW_SIGNUPS');
  assert.equal(allow.deprecated?.replacement, 'PREVENT_SIGNUP');
  assert.equal(allow.deprecated?.renameSafe, false);
  assert.equal(allow.deprecated?.inverted, true);
  assert.equal(allow.boolean, 'any');
  assert.ok(!schema('flagsmith/frontend').byName.has('PREVENT_SIGNUP'), 'the replacement lives in the API');
  assert.equal(spec('flagsmith', 'PREVENT_SIGNUP').boolean, 'django');
  assert.equal(spec('flagsmith/api', 'ALLOW_REGISTRATION_WITHOUT_INVITE').default, 'True');
  assert.equal(spec('flagsmith/api', 'ENABLE_GZIP_COMPRESSION').default, 'False');
  assert.deepEqual(spec('flagsmith/api', 'LOG_LEVEL').values, ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']);
  assert.deepEqual(spec('flagsmith/api', 'LOG_FORMAT').values, ['generic', 'json']);
  assert.deepEqual(spec('flagsmith/api', 'DATABASE_URL').schemes, ['postgres', 'postgresql']);
  assert.equal(spec('flagsmith/api', 'USER_CREATE_PERMISSIONS').default, 'rest_framework.permissions.AllowAny');
  const key = spec('flagsmith/api', 'DJANGO_SECRET_KEY');
  assert.equal(key.sensitive, true);
  assert.equal(key.constraints?.minLength, 50);
  assert.ok(key.placeholders?.includes('secret'));
  for (const name of ['PREVENT_FORGOT_PASSWORD', 'ENABLE_MAINTENANCE_MODE']) assert.equal(spec('flagsmith/frontend', name).boolean, 'any', name);
  assert.equal(spec('flagsmith/frontend', 'USE_SECURE_COOKIES').default, 'true');
  assert.equal(spec('flagsmith/frontend', 'COOKIE_SAME_SITE').default, 'none');
  assert.match(spec('flagsmith/api', 'SENTRY_TRACE_SAMPLE_RATE').notes ?? '', /percentage/);
});

test('every secret is sensitive and has a minimum length or a note on why not', () => {
  // Catalog schemas (common services) are checked by test/catalog-*.test.ts: a provider's API key has no documented length.
  for (const s of [...schemas.values()].filter((schema) => !schema.catalog)) {
    for (const v of s.variables) {
      if (v.type !== 'secret') continue;
      assert.equal(v.sensitive, true, `${s.id} ${v.name}`);
      assert.ok(v.constraints?.minLength !== undefined || /minimum|length|pattern/i.test(v.notes ?? ''), `${s.id} ${v.name} has no minimum length and no note`);
    }
  }
  assert.equal(spec('neosync/api', 'AUTH_CLIENTID_SECRET').sensitive, true);
  assert.equal(spec('neosync/api', 'DB_PASS').sensitive, true);
});
