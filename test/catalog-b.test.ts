/** Catalog schemas of frameworks and SaaS services (issue 11, part B): format, composition, sources. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinSchemaFiles } from '../server/src/service/schema/builtin';
import { composeSchemas, type SchemaSource } from '../server/src/service/schema/compose';
import { validateSchemaText } from '../server/src/service/schema/validateFile';
import { compilePattern } from '../server/src/service/schema/safeRegex';

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
  const builtinIds = new Set(builtinSchemaFiles.map((f) => (f.json as { id: string }).id));
  const own: SchemaSource[] = [...files.values()]
    .filter((json) => !builtinIds.has(json.id)) // once the coordinator registers them, builtin.ts holds them already
    .map((json) => ({ origin: `builtin:${json.id}`, json }));
  const { schemas, problems } = composeSchemas([...builtinSchemaFiles, ...own]);
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
  const { schemas } = composeSchemas([...builtinSchemaFiles.filter((f) => !builtinIds.has((f.json as { id: string }).id)), ...own]);
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
