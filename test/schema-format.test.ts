/** Builtin schema files against their JSON Schema, composition, and broken user files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { builtinSchemaFiles, builtinSchemas } from '../server/src/service/schema/builtin';
import { composeSchemas } from '../server/src/service/schema/compose';
import { validateSchemaText } from '../server/src/service/schema/validateFile';
import { compilePattern } from '../server/src/service/schema/safeRegex';

const repoRoot = path.resolve(__dirname, '..');
const schemasDir = path.join(repoRoot, 'schemas');

function schemaFilesOnDisk(dir = schemasDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return schemaFilesOnDisk(p);
    return name.endsWith('.json') && name !== 'envls-schema.schema.json' ? [p] : [];
  });
}

test('every schema file on disk is a builtin (none forgotten in builtin.ts)', () => {
  const ids = new Set(builtinSchemaFiles().map((f) => (f.json as { id: string }).id));
  for (const file of schemaFilesOnDisk()) {
    const id = (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id;
    assert.ok(ids.has(id), `${path.relative(repoRoot, file)} (${id}) is not imported by builtin.ts`);
  }
});

test('every builtin schema file validates against envls-schema.schema.json with a plain draft-07 ajv', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', true);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, 'envls-schema.schema.json'), 'utf8')));
  for (const file of schemaFilesOnDisk()) {
    const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(ok, `${path.relative(repoRoot, file)}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('every builtin schema file passes validateSchemaText (text, as a user file would)', () => {
  for (const file of schemaFilesOnDisk()) {
    const { problems } = validateSchemaText(readFileSync(file, 'utf8'));
    assert.deepEqual(problems, [], path.relative(repoRoot, file));
  }
});

/** Every file in schemas/catalog/ (the catalog grows one file per service). */
const CATALOG_IDS = readdirSync(path.join(schemasDir, 'catalog')).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).sort();

test('builtin schemas compose without problems; fragments are bindable by id, marked, and never detected', () => {
  const { schemas, problems } = composeSchemas(builtinSchemaFiles());
  assert.deepEqual(problems, []);
  assert.deepEqual([...schemas.keys()].sort(), [
    'authjs',
    'flagsmith', 'flagsmith/api', 'flagsmith/frontend',
    'flux', 'flux/app', 'flux/cli', 'flux/postgrest',
    'neosync/api', 'neosync/app', 'neosync/cli', 'neosync/migrations', 'neosync/worker',
    'node-tls', 'otel',
    ...CATALOG_IDS,
  ].sort());
  assert.deepEqual([...schemas.values()].filter((s) => s.fragment).map((s) => s.id).sort(), ['authjs', 'node-tls', 'otel']);
  assert.ok([...schemas.values()].filter((s) => s.fragment).every((s) => !s.detect), 'a fragment has no detection hints');
  assert.deepEqual([...schemas.values()].filter((s) => s.catalog).map((s) => s.id).sort(), CATALOG_IDS, 'schemas/catalog/ is marked catalog');
  for (const schema of schemas.values()) {
    assert.equal(schema.origin, `builtin:${schema.id}`);
    for (const spec of schema.variables) {
      assert.ok(spec.description.length > 0, `${schema.id} ${spec.name} has no description`);
      assert.equal(schema.byName.get(spec.name), spec);
      if (spec.type === 'enum') assert.ok(spec.values && spec.values.length > 0, `${schema.id} ${spec.name}: enum without values`);
      if (spec.constraints?.pattern) assert.ok(compilePattern(spec.constraints.pattern), `${schema.id} ${spec.name}: pattern refused`);
    }
  }
  assert.equal(builtinSchemas().get('neosync/api')?.id, 'neosync/api');
  assert.equal(builtinSchemas(), builtinSchemas(), 'composed once');
});

test('includes are by reference: the combined profiles hold their parts, fragment variables keep their own source', () => {
  const schemas = builtinSchemas();
  const flux = schemas.get('flux')!;
  for (const part of ['flux/app', 'flux/cli', 'flux/postgrest']) {
    for (const spec of schemas.get(part)!.variables) assert.ok(flux.byName.has(spec.name), `${spec.name} of ${part} missing from flux`);
  }
  assert.equal(flux.byName.get('NODE_EXTRA_CA_CERTS')?.source, 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile');
  const combined = schemas.get('flagsmith')!;
  // USE_SECURE_COOKIES is read by both the API and the frontend: one variable in the combined schema.
  const parts = new Set([...schemas.get('flagsmith/api')!.variables, ...schemas.get('flagsmith/frontend')!.variables].map((v) => v.name));
  assert.equal(combined.variables.length, parts.size);
  // Detection hints are the file's own, not inherited.
  assert.equal(combined.detect, undefined);
});

// --- user schema files --------------------------------------------------------------------------

const minimal = (extra: Record<string, unknown> = {}) => JSON.stringify({ id: 'acme/api', title: 'Acme API', product: 'Acme', variables: { ACME_TOKEN: { description: 'Token.' } }, ...extra }, null, 2);

test('validateSchemaText: a valid file has no problems and returns its JSON', () => {
  const { problems, json } = validateSchemaText(minimal());
  assert.deepEqual(problems, []);
  assert.equal((json as { id: string }).id, 'acme/api');
});

test('validateSchemaText: invalid JSON gives a problem at the offset of the error', () => {
  const text = '{\n  "id": "acme/api",\n  "title": "Acme" "product": "Acme"\n}';
  const { problems, json } = validateSchemaText(text);
  assert.equal(json, undefined);
  assert.ok(problems.length > 0);
  assert.equal(problems[0].start, text.indexOf('"product"'));
  assert.match(problems[0].message, /syntax/i);
});

test('validateSchemaText: a trailing comma or comment is a syntax error (schema files are plain JSON)', () => {
  const text = '{"id": "acme/api", "title": "t", "product": "p",}';
  const { problems } = validateSchemaText(text);
  assert.equal(problems[0].start, text.lastIndexOf('}'));
});

test('validateSchemaText: a format violation is placed on the offending node', () => {
  const text = minimal({ variables: { ACME_MODE: { description: 'Mode.', type: 'enumeration' } } });
  const { problems } = validateSchemaText(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(text.slice(problems[0].start, problems[0].end), '"enumeration"');
  assert.match(problems[0].message, /variables\.ACME_MODE\.type: must be one of .*"enum"/);
});

test('validateSchemaText: an unknown property points at that property; a missing one at its object', () => {
  const text = minimal({ variables: { ACME_MODE: { description: 'Mode.', defualt: 'x' } } });
  const { problems } = validateSchemaText(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(text.slice(problems[0].start, problems[0].end), '"ACME_MODE"');
  assert.match(problems[0].message, /unknown property "defualt"/);

  const noDescription = minimal({ variables: { ACME_MODE: { type: 'string' } } });
  const missing = validateSchemaText(noDescription).problems;
  assert.equal(noDescription.slice(missing[0].start, missing[0].end), '"ACME_MODE"');
  assert.match(missing[0].message, /missing property "description"/);
});

test('validateSchemaText: an enum without values and a bad condition are reported', () => {
  const text = minimal({ variables: { A: { description: 'a', type: 'enum' }, B: { description: 'b', required: { when: [{ variable: 'A' }] } } } });
  const messages = validateSchemaText(text).problems.map((p) => p.message);
  assert.ok(messages.some((m) => /variables\.A: missing property "values"/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /variables\.B\.required/.test(m)), messages.join('\n'));
});

test('validateSchemaText: duplicate keys are reported (JSON.parse would keep the last silently)', () => {
  const text = '{"id": "acme/api", "title": "t", "product": "p", "title": "u"}';
  const { problems } = validateSchemaText(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].start, text.lastIndexOf('"title"'));
});

test('validateSchemaText: a pattern the linear-time engine cannot run is reported at the pattern', () => {
  // Catastrophic shapes such as ^(a+)+$ are accepted: they run in linear time (test/hostile-regex.test.ts).
  for (const pattern of ['(x)\\1', '(?=a)a', '(?<!a)b']) {
    const text = minimal({ variables: { ACME_TOKEN: { description: 'Token.', constraints: { pattern } } } });
    const { problems } = validateSchemaText(text);
    assert.equal(problems.length, 1, `${pattern}: ${JSON.stringify(problems)}`);
    assert.equal(JSON.parse(text.slice(problems[0].start, problems[0].end)), pattern);
    assert.match(problems[0].message, /linear-time/);
  }
  const long = minimal({ variables: { ACME_TOKEN: { description: 'Token.', constraints: { pattern: 'a'.repeat(300) } } } });
  assert.ok(validateSchemaText(long).problems.length > 0, 'an over-long pattern is refused');
});

// --- composition of user files ------------------------------------------------------------------

test('a broken user schema is skipped with problems; every other schema still composes', () => {
  const broken = { origin: '/ws/broken.envls.json', json: { id: 'acme/broken', title: 'B', product: 'Acme', variables: { X: { description: 'x', type: 'nope' } } } };
  const unsafe = { origin: '/ws/unsafe.envls.json', json: { id: 'acme/unsafe', title: 'U', product: 'Acme', variables: { X: { description: 'x', constraints: { pattern: '(a)\\1' } } } } };
  const good = { origin: '/ws/good.envls.json', json: { id: 'acme/good', title: 'G', product: 'Acme', include: ['node-tls'], variables: { ACME_KEY: { description: 'k', type: 'secret' } } } };
  const { schemas, problems } = composeSchemas([...builtinSchemaFiles(), broken, unsafe, good]);
  assert.deepEqual(problems.map((p) => p.origin).sort(), ['/ws/broken.envls.json', '/ws/unsafe.envls.json']);
  assert.ok(!schemas.has('acme/broken') && !schemas.has('acme/unsafe'));
  assert.equal(schemas.size, builtinSchemas().size + 1);
  const acme = schemas.get('acme/good')!;
  assert.equal(acme.origin, '/ws/good.envls.json');
  assert.deepEqual(acme.variables.map((v) => v.name), ['NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'ACME_KEY']);
  assert.equal(acme.byName.get('ACME_KEY')?.sensitive, true, 'a secret is sensitive');
});

test('include problems: unknown ref, cycles, a broken include, a bad canonical choice, a duplicate id', () => {
  const file = (id: string, extra: Record<string, unknown>) => ({ origin: `/ws/${id.replace('/', '_')}.json`, json: { id, title: id, product: 'Acme', ...extra } });
  const { schemas, problems } = composeSchemas([
    ...builtinSchemaFiles(),
    file('acme/a', { include: ['acme/b'] }),
    file('acme/b', { include: ['acme/a'] }),
    file('acme/self', { include: ['acme/self'] }),
    file('acme/missing', { include: ['acme/nowhere'] }),
    file('acme/bad', { variables: { X: { description: 'x', type: 'nope' } } }),
    file('acme/on-bad', { include: ['acme/bad'] }),
    file('acme/flip', { include: [{ ref: 'authjs', canonical: { AUTH_SECRET: 'AUTH_URL' } }] }),
    file('acme/only', { include: [{ ref: 'authjs', only: ['AUTH_SECRETT'] }] }),
    file('neosync/api', {}),
    file('acme/fine', { include: [{ ref: 'authjs', only: ['AUTH_SECRET'] }] }),
  ]);
  const byOrigin = (id: string) => problems.filter((p) => p.origin === `/ws/${id.replace('/', '_')}.json`).map((p) => p.message).join('\n');
  assert.match(byOrigin('acme/a'), /include cycle: acme\/a -> acme\/b -> acme\/a/);
  assert.match(byOrigin('acme/b'), /cycle/);
  assert.match(byOrigin('acme/self'), /include cycle: acme\/self -> acme\/self/);
  assert.match(byOrigin('acme/missing'), /includes "acme\/nowhere", which no schema file defines/);
  assert.match(byOrigin('acme/on-bad'), /includes "acme\/bad", which could not be loaded/);
  assert.match(byOrigin('acme/flip'), /not one of AUTH_SECRET's aliases/);
  assert.match(byOrigin('acme/only'), /AUTH_SECRETT/);
  assert.match(byOrigin('neosync/api'), /already defined by builtin:neosync\/api/);
  assert.equal(schemas.get('neosync/api')?.origin, 'builtin:neosync/api', 'the builtin keeps its id');
  assert.deepEqual(schemas.get('acme/fine')?.variables.map((v) => v.name), ['AUTH_SECRET']);
});

test('a redeclared variable overrides the fields it gives and keeps the others', () => {
  const { schemas, problems } = composeSchemas([
    ...builtinSchemaFiles(),
    { origin: '/ws/x.json', json: { id: 'acme/x', title: 'X', product: 'Acme', section: 'Mine', include: ['authjs'], variables: { AUTH_SECRET: { description: 'Mine.', required: true } } } },
  ]);
  assert.deepEqual(problems, []);
  const spec = schemas.get('acme/x')!.byName.get('AUTH_SECRET')!;
  assert.equal(spec.description, 'Mine.');
  assert.equal(spec.section, 'Mine');
  assert.deepEqual(spec.required, { kind: 'always' });
  assert.equal(spec.constraints?.minLength, 32, 'kept from the fragment');
  assert.deepEqual(spec.aliases, ['NEXTAUTH_SECRET']);
  assert.equal(schemas.get('acme/x')!.byAlias.get('NEXTAUTH_SECRET'), spec);
});

test('an alias that collides with a variable of the same schema is a problem', () => {
  const { problems } = composeSchemas([
    { origin: '/ws/c.json', json: { id: 'acme/c', title: 'C', product: 'Acme', variables: { A: { description: 'a', aliases: ['B'] }, B: { description: 'b' } } } },
  ]);
  assert.match(problems[0]?.message ?? '', /B is both a variable and an alias of A/);
});
