/**
 * Catalog schemas of common services (issue 11, part A): postgres, prisma, redis, smtp, aws, s3,
 * opentelemetry, node, supabase, docker-compose. Each file must be valid in the schema format,
 * compose with the builtin schemas, and cite an https source for every variable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { builtinSchemaFiles } from '../server/src/service/schema/builtin';
import { composeSchemas } from '../server/src/service/schema/compose';
import { validateSchemaText } from '../server/src/service/schema/validateFile';
import { compilePattern } from '../server/src/service/schema/safeRegex';
import type { ResolvedSchema } from '../server/src/service/schema/types';

const repoRoot = path.resolve(__dirname, '..');
const catalogDir = path.join(repoRoot, 'schemas', 'catalog');
const ids = ['aws', 'docker-compose', 'node', 'opentelemetry', 'postgres', 'prisma', 'redis', 's3', 'smtp', 'supabase'];

const texts = new Map(ids.map((id) => [id, readFileSync(path.join(catalogDir, `${id}.json`), 'utf8')]));
const files = ids.map((id) => ({ origin: `builtin:${id}`, json: JSON.parse(texts.get(id)!) as { id: string } }));

function composed(): Map<string, ResolvedSchema> {
  const { schemas, problems } = composeSchemas([...builtinSchemaFiles().filter((f) => !ids.includes((f.json as { id: string }).id)), ...files]);
  assert.deepEqual(problems, []);
  return schemas;
}

test('catalog A: each file is named after its id and passes validateSchemaText', () => {
  for (const id of ids) {
    assert.equal(files.find((f) => f.origin === `builtin:${id}`)?.json.id, id);
    assert.deepEqual(validateSchemaText(texts.get(id)!).problems, [], `${id}.json`);
  }
});

test('catalog A: each file validates against envls-schema.schema.json with a plain draft-07 ajv', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', true);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'envls-schema.schema.json'), 'utf8')));
  for (const { origin, json } of files) assert.ok(validate(json), `${origin}: ${JSON.stringify(validate.errors, null, 1)}`);
});

test('catalog A: the files compose with the builtin schemas; every variable cites an https source', () => {
  const schemas = composed();
  for (const id of ids) {
    const schema = schemas.get(id);
    assert.ok(schema, `${id} is not offered as a schema`);
    assert.ok(schema.variables.length > 0, `${id} has no variables`);
    for (const spec of schema.variables) {
      assert.ok(spec.description.length > 0, `${id} ${spec.name}: no description`);
      assert.ok(spec.source, `${id} ${spec.name}: no source`);
      assert.equal(new URL(spec.source).protocol, 'https:', `${id} ${spec.name}: ${spec.source}`);
      if (spec.type === 'enum') assert.ok(spec.values && spec.values.length > 0, `${id} ${spec.name}: enum without values`);
      for (const p of [spec.constraints?.pattern, spec.constraints?.notPattern, spec.constraints?.conventionalPattern]) {
        if (p) assert.ok(compilePattern(p), `${id} ${spec.name}: pattern refused`);
      }
      if (spec.insecureValues?.length) assert.ok(spec.insecureMessage, `${id} ${spec.name}: insecure values without a message`);
      if (spec.advice?.length) assert.ok(spec.notes, `${id} ${spec.name}: advice without notes saying why`);
    }
  }
});

test('catalog A: every file cites an https source of its own and declares its client packages or unique names', () => {
  for (const { origin, json } of files) {
    const file = json as { source?: string; detect?: { uniqueVariables?: string[]; packages?: Record<string, string[]> } };
    assert.equal(new URL(file.source ?? '').protocol, 'https:', origin);
    assert.ok((file.detect?.uniqueVariables?.length ?? 0) > 0 || Object.keys(file.detect?.packages ?? {}).length > 0, `${origin}: nothing to detect it by`);
  }
});

test('catalog A: the includes are by reference (s3 carries the AWS credentials, opentelemetry the otel fragment, node the TLS fragment)', () => {
  const schemas = composed();
  assert.equal(schemas.get('s3')?.byName.get('AWS_SECRET_ACCESS_KEY')?.sensitive, true);
  assert.equal(schemas.get('opentelemetry')?.byName.get('OTEL_EXPORTER_OTLP_ENDPOINT')?.source, 'https://opentelemetry.io/docs/languages/sdk-configuration/otlp-exporter/#otel_exporter_otlp_endpoint');
  assert.deepEqual(schemas.get('node')?.byName.get('NODE_TLS_REJECT_UNAUTHORIZED')?.insecureValues, ['0']);
});

test('catalog A: a public browser variable never names a secret of the same catalog (insecureValue would flag it as exposed)', () => {
  // insecureValue reports NEXT_PUBLIC_X when X is a secret: Supabase's anon key is public by design.
  const schemas = composed();
  for (const id of ids) {
    const schema = schemas.get(id)!;
    for (const spec of schema.variables) {
      const m = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_)(.+)$/.exec(spec.name);
      if (!m) continue;
      const target = schema.byName.get(m[2]);
      assert.ok(!target || (target.type !== 'secret' && target.sensitive !== true), `${id}: ${spec.name} names the secret ${m[2]}`);
    }
  }
});

test('catalog A: the Supabase demo JWTs are the ones the Supabase CLI signs with its default secret', () => {
  // pkg/config/apikeys.go of supabase/cli: HS256, default secret, issuer supabase-demo, exp 1983812996.
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const jwt = (role: string) => {
    const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ iss: 'supabase-demo', role, exp: 1983812996 }))}`;
    return `${unsigned}.${createHmac('sha256', 'super-secret-jwt-token-with-at-least-32-characters-long').update(unsigned).digest('base64url')}`;
  };
  const supabase = composed().get('supabase')!;
  assert.ok(supabase.byName.get('SUPABASE_ANON_KEY')?.insecureValues?.includes(jwt('anon')));
  assert.ok(supabase.byName.get('NEXT_PUBLIC_SUPABASE_ANON_KEY')?.insecureValues?.includes(jwt('anon')));
  assert.ok(supabase.byName.get('SUPABASE_SERVICE_ROLE_KEY')?.insecureValues?.includes(jwt('service_role')));
  assert.equal(supabase.byName.get('SUPABASE_SERVICE_ROLE_KEY')?.sensitive, true);
  assert.notEqual(supabase.byName.get('SUPABASE_ANON_KEY')?.sensitive, true);
});
