/**
 * What envls reports on the real .env files of the shared corpus (Neosync, Flagsmith, Auth.js apps),
 * run exactly as the language server runs it with default settings: the builtin SchemaStore,
 * bindingInputFor with the file's real path (so marker files beside it count), analyze().
 *
 * Every diagnostic in the snapshot was read and judged (docs/corpus.md says why each one is right).
 * Regenerate the snapshot only with UPDATE_SNAPSHOTS=1, and review the diff as a maintainer would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORPUS_DIR, corpusFiles } from './support/corpus';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../server/src/service/analyze';
import { bindingInputFor } from '../server/src/node/bindFile';
import { SchemaGlobs } from '../server/src/node/schemaGlobs';
import { SchemaStore } from '../server/src/node/schemaStore';
import { DEFAULT_SETTINGS, validationSettings } from '../server/src/protocol/settings';
import { RULES_BY_CODE } from '../server/src/service/rules/registry';

const repoRoot = path.resolve(__dirname, '..');
const corpus = CORPUS_DIR;
const snapshotPath = path.join(repoRoot, 'test/fixtures/corpus-diagnostics-snapshot.json');

/**
 * The .env-like files: `*.env`, `.env*`, `*.env.*example*`, everything in authjs/env-examples, and the
 * verbatim copies of committed env files (`.env`, `.env-ci`, `.env-local`, `.env-example`, and the two
 * non-main-branch ones stored as `api.env-ci-testmon@…` / `frontend.env-local@…`).
 */
function isEnvLike(rel: string): boolean {
  const name = path.posix.basename(rel);
  if (/\.(ya?ml|json|md|js|ts|py|tpl)$/.test(name)) return false;
  return (
    name.endsWith('.env') ||
    name.startsWith('.env') ||
    /\.env\..*example/.test(name) ||
    rel.startsWith('authjs/env-examples/') ||
    (rel.includes('/verbatim/') && name.includes('.env'))
  );
}

function envLikeCorpusFiles(): string[] {
  return corpusFiles(({ rel }) => isEnvLike(rel));
}

const relOf = (file: string) => path.relative(corpus, file).split(path.sep).join('/');

const store = new SchemaStore();
const settings = validationSettings(DEFAULT_SETTINGS);

/** As the server does it: no workspace settings, detection on, the file's own folder for markers. */
function analyzeText(file: string, text: string): Analysis {
  const bind = bindingInputFor(file, store, { schemaGlobs: new SchemaGlobs(DEFAULT_SETTINGS.schemas), detect: DEFAULT_SETTINGS.detect });
  return analyze(text, bind, settings);
}

interface FileResult {
  file: string;
  schemas: string[];
  binding: string;
  certainty: string;
  /** [1-based line, code, message] */
  diagnostics: [number, string, string][];
}

const severityName = (d: Diagnostic) => (d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : d.severity === DiagnosticSeverity.Information ? 'information' : 'hint');

const results = new Map<string, { result: FileResult; analysis: Analysis }>();
for (const file of envLikeCorpusFiles()) {
  const analysis = analyzeText(file, readFileSync(file, 'utf8'));
  results.set(relOf(file), {
    analysis,
    result: {
      file: relOf(file),
      schemas: analysis.binding.schemas.map((s) => s.id),
      binding: analysis.binding.source,
      certainty: analysis.binding.certainty,
      diagnostics: analysis.diagnostics.map((d) => [d.range.start.line + 1, String(d.code), typeof d.message === 'string' ? d.message : d.message.value]),
    },
  });
}
const get = (rel: string) => {
  const r = results.get(rel);
  assert.ok(r, `${rel} is among the corpus files`);
  return r;
};
const filesUnder = (prefix: string) => [...results.keys()].filter((k) => k.startsWith(prefix));
const diagnosticsOf = (rel: string) => get(rel).analysis.diagnostics;
const codesOf = (rel: string) => diagnosticsOf(rel).map((d) => String(d.code));

test('the corpus is there and every product is represented', () => {
  assert.ok(existsSync(corpus), `no corpus at ${corpus}`);
  assert.equal(filesUnder('authjs/').length, 16);
  assert.equal(filesUnder('flagsmith/').length, 22);
  assert.equal(filesUnder('neosync/').length, 32);
});

test('snapshot: schemas, binding and every diagnostic on every corpus file', () => {
  const actual = [...results.values()].map((r) => r.result);
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(snapshotPath, `${JSON.stringify(actual, null, 1)}\n`);
  assert.ok(existsSync(snapshotPath), `no snapshot at ${snapshotPath}; run with UPDATE_SNAPSHOTS=1 and review it`);
  assert.deepEqual(actual, JSON.parse(readFileSync(snapshotPath, 'utf8')));
});

test('Auth.js example files bind catalog schemas only (Auth.js, OAuth providers, the services they use), and get no diagnostics at all', () => {
  // Generic Next.js/SvelteKit/Express apps using Auth.js: those with v5 names only Auth.js reads
  // (AUTH_GITHUB_ID, AUTH_TRUST_HOST…) bind authjs-v5 by name; the corpus holds no manifest, so nothing
  // declares the service and no requirement is reported. Empty AUTH_SECRET= with a comment telling how
  // to generate one is what an example should look like.
  const bound = new Set<string>();
  for (const rel of filesUnder('authjs/env-examples/')) {
    const { analysis } = get(rel);
    const ids = analysis.binding.schemas.map((s) => s.id);
    // Provider pairs as next-auth's examples name them (AUTH0_ID, TWITTER_ID…) bind their provider's schema, and the
    // services the app uses (Vercel KV, OpenAI…) theirs: catalog schemas only, never a product's.
    assert.ok(analysis.binding.schemas.every((s) => s.catalog), `${rel}: ${ids}`);
    if (ids.length > 0) bound.add(rel);
    assert.deepEqual(codesOf(rel), [], rel);
  }
  assert.ok(bound.has('authjs/env-examples/next-auth__apps__examples__nextjs__.env.local.example@a1a16a5a'));
});

test('Neosync service envs: bound to their own service, confidently, without missingRequired noise', () => {
  for (const service of ['api', 'app', 'worker']) {
    for (const rel of [`neosync/services/${service}.env`, `neosync/services/${service}.dev.env`]) {
      const { analysis } = get(rel);
      assert.deepEqual(analysis.binding.schemas.map((s) => s.id), [`neosync/${service}`], rel);
      assert.equal(analysis.binding.certainty, 'confident', rel);
      assert.ok(!codesOf(rel).includes('missingRequired'), `${rel}: ${codesOf(rel)}`);
    }
  }
});

test('a compose overlay block is a fragment: no missingRequired on a detection, all of it on an explicit binding', () => {
  // compose.auth.yml only adds the auth settings to the API; DB_* come from compose.yml.
  const rel = 'neosync/extracted/compose.auth.api.env';
  const { analysis } = get(rel);
  assert.deepEqual([analysis.binding.schemas.map((s) => s.id), analysis.binding.certainty], [['neosync/api'], 'confident']);
  assert.deepEqual(codesOf(rel), []);
  const explicit = analyzeText(path.join(corpus, rel), `# envls-schema: neosync/api\n${readFileSync(path.join(corpus, rel), 'utf8')}`);
  assert.deepEqual(
    explicit.diagnostics.filter((d) => d.code === 'missingRequired').map((d) => String(d.message).split(' ')[0]),
    ['DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'DB_PASS'],
  );
});

test('no error-severity diagnostic anywhere in the corpus', () => {
  // Every error found on the corpus so far was noise (5 missingRequired on the compose.auth.yml overlay);
  // a new one must be read and explained here and in docs/corpus.md before it is accepted.
  const explainedErrors: Record<string, number> = {};
  for (const [rel, { analysis }] of results) {
    const errors = analysis.diagnostics.filter((d) => severityName(d) === 'error');
    assert.equal(errors.length, explainedErrors[rel] ?? 0, `${rel}: ${errors.map((d) => `${d.code} ${d.message}`).join(' | ')}`);
  }
});

test('the remaining warnings are the judged ones: weak secrets in compose files and compose overrides', () => {
  const found: string[] = [];
  for (const [rel, { analysis }] of results) {
    for (const d of analysis.diagnostics) {
      const info = (d.data as { info?: Record<string, unknown> } | undefined)?.info ?? {};
      found.push(`${rel.split('/')[0]} ${d.code} ${String(info.variable ?? info.key)} ${String(info.reason ?? '')}`.trim());
    }
  }
  const counts: Record<string, number> = {};
  for (const f of found) counts[f] = (counts[f] ?? 0) + 1;
  assert.deepEqual(counts, {
    // DB_PASS=foofar in Neosync's compose.yml / compose.dev.yml (api service and the merged service envs).
    'neosync insecureValue DB_PASS tooShort': 4,
    // NEXTAUTH_SECRET=foo in Neosync's compose.yml / compose.dev.yml (app service and the merged service envs).
    'neosync insecureValue NEXTAUTH_SECRET tooShort': 4,
    // AUTH_ENABLED=false in compose(.dev).yml overridden by compose.auth.yml: dotenv keeps the last, like compose.
    'neosync duplicateKey AUTH_ENABLED': 4,
    // DJANGO_SECRET_KEY=secret "# Change this in production" in Flagsmith's docker-compose files.
    'flagsmith insecureValue DJANGO_SECRET_KEY placeholder': 2,
  });
  for (const [, { analysis }] of results) {
    for (const d of analysis.diagnostics) assert.notEqual(severityName(d), 'error');
  }
});

test('compose interpolation is not an undefined reference', () => {
  // ${SLACK_TOKEN} and ${GITHUB_ACTION_URL} pass the host's value through (compose interpolates them);
  // ${VISUAL_REGRESSION:-} has a default.
  const rel = 'flagsmith/extracted/frontend__docker-compose-e2e-tests.frontend.env';
  const refs = get(rel).analysis.doc.entries.flatMap((e) => e.references.map((r) => r.name));
  assert.deepEqual(refs, ['SLACK_TOKEN', 'GITHUB_ACTION_URL', 'VISUAL_REGRESSION'], 'the references are seen');
  for (const [rel2] of results) assert.ok(!codesOf(rel2).includes('undefinedReference'), rel2);
});

test('services beside the products (databases, Temporal, Grafana, pgpool) get no product schema; Keycloak and Datadog their catalog schema', () => {
  const unbound = [
    'neosync/extracted/compose.db.env',
    'neosync/extracted/compose.dev.db.env',
    'neosync/extracted/compose.temporal-seed.env',
    'neosync/extracted/compose__compose-metrics.grafana.env',
    'neosync/extracted/compose__temporal__compose.temporal.env',
    'flagsmith/extracted/docker-compose.postgres.env',
    'flagsmith/extracted/docker__common__db__.pgpool.pgpool.env',
    'flagsmith/extracted/docker__api__docker-compose.local.influxdb.env',
  ];
  for (const rel of unbound) assert.deepEqual(get(rel).analysis.binding.schemas, [], rel);
  // Keycloak's and the Datadog Agent's own service blocks get their catalog schemas, and nothing to report.
  assert.deepEqual(get('flagsmith/extracted/docker__api__docker-compose.datadog.datadog.env').analysis.binding.schemas.map((s) => s.id), ['datadog']);
  assert.deepEqual(codesOf('flagsmith/extracted/docker__api__docker-compose.datadog.datadog.env'), []);
  assert.deepEqual(get('neosync/extracted/compose.auth.keycloak.env').analysis.binding.schemas.map((s) => s.id), ['keycloak']);
  assert.deepEqual(codesOf('neosync/extracted/compose.auth.keycloak.env'), []);
  // Temporal's compose project .env (COMPOSE_PROJECT_NAME beside compose.yml) is Docker Compose's own file.
  assert.deepEqual(get('neosync/verbatim/compose/temporal/.env').analysis.binding.schemas.map((s) => s.id), ['docker-compose']);
});

test('every code in the snapshot is a registered rule; schema rules only where a schema is bound', () => {
  for (const [rel, { analysis }] of results) {
    for (const d of analysis.diagnostics) {
      const rule = RULES_BY_CODE.get(String(d.code));
      assert.ok(rule, `${rel}: unknown code ${d.code}`);
      if (rule.group === 'schema') assert.ok(analysis.binding.schemas.length > 0, `${rel}: ${d.code} without a schema`);
    }
  }
});
