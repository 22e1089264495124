/** Catalog schemas of frameworks and SaaS services (issue 11, part B): format, composition, sources. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinSchemaFiles } from '../server/src/service/schema/builtin';
import { composeSchemas, type SchemaSource } from '../server/src/service/schema/compose';
import { validateSchemaText } from '../server/src/service/schema/validateFile';
import { compilePattern } from '../server/src/service/schema/safeRegex';
import { diagnose } from './support/testSchema';

const catalogDir = path.resolve(__dirname, '..', 'schemas', 'catalog');
const ids = [
  'authjs-v4', 'authjs-v5', 'nextjs', 'vite', 'stripe', 'sentry', 'posthog',
  'openai', 'anthropic', 'django', 'rails', 'laravel',
];

interface CatalogFile {
  id: string;
  source?: string;
  variables?: Record<string, { source?: string }>;
  detect?: { packages?: Record<string, string[]> };
}

const texts = new Map(ids.map((id) => [id, readFileSync(path.join(catalogDir, `${id}.json`), 'utf8')]));
const files = new Map([...texts].map(([id, text]) => [id, JSON.parse(text) as CatalogFile]));

function isHttpsUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

test('each catalog file is named after its id and passes validateSchemaText', () => {
  for (const [id, text] of texts) {
    assert.equal(files.get(id)!.id, id);
    assert.deepEqual(validateSchemaText(text).problems, [], id);
  }
});

test('catalog files compose with the builtin fragments without problems', () => {
  const builtinIds = new Set(builtinSchemaFiles().map((f) => (f.json as { id: string }).id));
  const own: SchemaSource[] = [...files.values()]
    .filter((json) => !builtinIds.has(json.id)) // once the coordinator registers them, builtin.ts holds them already
    .map((json) => ({ origin: `builtin:${json.id}`, json }));
  const { schemas, problems } = composeSchemas([...builtinSchemaFiles(), ...own]);
  assert.deepEqual(problems, []);
  for (const id of ids) {
    const schema = schemas.get(id);
    assert.ok(schema, `${id} missing after composition`);
    assert.ok(schema.variables.length > 0, `${id} has no variables`);
    for (const spec of schema.variables) {
      assert.ok(spec.description.length > 0, `${id} ${spec.name}: no description`);
      if (spec.type === 'enum') assert.ok(spec.values && spec.values.length > 0, `${id} ${spec.name}: enum without values`);
      if (spec.constraints?.pattern) assert.ok(compilePattern(spec.constraints.pattern), `${id} ${spec.name}: pattern refused`);
      if (spec.constraints?.conventionalPattern) {
        assert.ok(compilePattern(spec.constraints.conventionalPattern), `${id} ${spec.name}: conventionalPattern refused`);
      }
      // A variable's source is its own, its schema's, or (for included ones) its fragment's.
      assert.ok(isHttpsUrl(spec.source), `${id} ${spec.name}: source ${spec.source} is not an https URL`);
    }
  }
});

test('every catalog file cites https sources: the schema, and each variable that has its own', () => {
  for (const [id, json] of files) {
    assert.ok(isHttpsUrl(json.source), `${id}: schema source`);
    for (const [name, variable] of Object.entries(json.variables ?? {})) {
      if (variable.source !== undefined) assert.ok(isHttpsUrl(variable.source), `${id} ${name}: ${variable.source}`);
    }
  }
});

test('every catalog schema declares the manifest packages that imply it', () => {
  for (const [id, json] of files) {
    const packages = Object.values(json.detect?.packages ?? {}).flat();
    assert.ok(packages.length > 0, `${id}: no detect.packages`);
    for (const name of packages) assert.ok(!name.includes('*'), `${id}: package ${name} is a glob`);
  }
});

test('Auth.js: v5 requires AUTH_SECRET and reads the v4 names as aliases; v4 makes NEXTAUTH_SECRET canonical', () => {
  const own: SchemaSource[] = [...files.values()].map((json) => ({ origin: `builtin:${json.id}`, json }));
  const builtinIds = new Set(ids);
  const { schemas } = composeSchemas([...builtinSchemaFiles().filter((f) => !builtinIds.has((f.json as { id: string }).id)), ...own]);
  const v5 = schemas.get('authjs-v5')!;
  const secret = v5.byName.get('AUTH_SECRET')!;
  assert.ok(secret.required, 'AUTH_SECRET required in v5');
  assert.equal(v5.byAlias.get('NEXTAUTH_SECRET'), secret, 'NEXTAUTH_SECRET is an alias of AUTH_SECRET');
  for (const name of ['AUTH_DISCORD_ID', 'AUTH_GITLAB_SECRET', 'AUTH_MICROSOFT_ENTRA_ID_ISSUER', 'AUTH_GITHUB_ID']) {
    assert.ok(v5.byName.has(name), `${name} in authjs-v5`);
  }
  assert.equal(v5.byName.get('AUTH_GITHUB_ID')!.source, 'https://authjs.dev/getting-started/providers/github');
  const v4 = schemas.get('authjs-v4')!;
  const v4Secret = v4.byName.get('NEXTAUTH_SECRET')!;
  assert.equal(v4Secret.name, 'NEXTAUTH_SECRET');
  assert.equal(v4.byAlias.get('AUTH_SECRET'), v4Secret);
  assert.ok(!v4Secret.required, 'v4 starts without a secret outside production');
  assert.ok(!v4.byName.has('AUTH_GITHUB_ID'), 'v4 infers no provider variables');
});

const ERROR = 1;
const HINT = 4;

function composedCatalog() {
  const own: SchemaSource[] = [...files.values()].map((json) => ({ origin: `builtin:${json.id}`, json }));
  const catalogIds = new Set(ids);
  return composeSchemas([...builtinSchemaFiles().filter((f) => !catalogIds.has((f.json as { id: string }).id)), ...own]).schemas;
}

test('upstream example files bound to their catalog schemas give no error-severity diagnostic', () => {
  const schemas = composedCatalog();
  const cases: [string[], string][] = [
    // laravel/laravel's own .env.example (APP_KEY empty until `php artisan key:generate`).
    [['laravel'], readFileSync(path.resolve(__dirname, 'fixtures', 'catalog', 'laravel.env.example'), 'utf8')],
    // Values from the documentation pages the schemas cite (Auth.js environment variables, Stripe keys, PostHog, Sentry).
    [['nextjs', 'authjs-v5', 'stripe', 'posthog', 'sentry'], [
      'NODE_ENV=development', 'AUTH_SECRET="This is an example"', 'AUTH_GITHUB_ID=123', 'AUTH_GITHUB_SECRET=123',
      'AUTH_TRUST_HOST=true', 'STRIPE_SECRET_KEY=sk_test_123', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_123',
      'STRIPE_WEBHOOK_SECRET=whsec_123', 'NEXT_PUBLIC_POSTHOG_HOST=https://us.i.posthog.com',
      'SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0', 'NEXT_TELEMETRY_DISABLED=1',
    ].join('\n')],
    // next-auth v4 options page values.
    [['authjs-v4'], 'NEXTAUTH_URL=https://example.com\nNEXTAUTH_URL_INTERNAL=http://10.240.8.16\n'],
    // django-environ quick start.
    [['django'], 'DEBUG=on\nSECRET_KEY=your-secret-key\nDATABASE_URL=psql://user:un-githubbedpassword@127.0.0.1:8458/database\nCACHE_URL=memcache://127.0.0.1:11211,127.0.0.1:11212\n'],
    // Rails ≤ 7.0 generated-file switches, spelled as apps do.
    [['rails'], 'RAILS_ENV=production\nRAILS_LOG_TO_STDOUT=true\nRAILS_SERVE_STATIC_FILES=false\nRAILS_MAX_THREADS=5\nWEB_CONCURRENCY=auto\n'],
  ];
  for (const [bound, text] of cases) {
    const errors = diagnose(text, bound.map((id) => schemas.get(id)!)).filter((d) => d.severity === ERROR);
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], bound.join('+'));
  }
});

test('documented key prefixes are hints only; a required catalog variable is reported when absent', () => {
  const schemas = composedCatalog();
  const stripe = diagnose('STRIPE_SECRET_KEY=pk_live_abc\nSTRIPE_WEBHOOK_SECRET=abc\n', [schemas.get('stripe')!]);
  assert.deepEqual(stripe.map((d) => [d.range.start.line, d.severity]), [[0, HINT], [1, HINT]]);
  const laravel = diagnose('APP_NAME=Laravel\n', [schemas.get('laravel')!]);
  assert.ok(laravel.some((d) => d.code === 'missingRequired' && String(d.message).includes('APP_KEY')), 'APP_KEY reported missing');
  const openai = diagnose('OPENAI_BASE_URL=https://api.openai.com/v1\n', [schemas.get('openai')!]);
  assert.ok(openai.some((d) => d.code === 'missingRequired' && String(d.message).includes('OPENAI_API_KEY')), 'OPENAI_API_KEY reported missing');
});
