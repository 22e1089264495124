/** The built CLI (dist/cli.js) as users and CI scripts run it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import dotenv from 'dotenv';
import { REPO_ROOT } from './support/lspClient';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const SHARED = resolve(REPO_ROOT, '../shared');

function envls(args: string[], cwd = REPO_ROOT) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('envls parse prints what dotenv.parse returns, for every dotenv conformance fixture', () => {
  const dir = join(SHARED, 'conformance/dotenv/fixtures');
  const files = readdirSync(dir);
  assert.ok(files.length >= 5);
  for (const name of files) {
    const path = join(dir, name);
    const run = envls(['parse', path, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), dotenv.parse(readFileSync(path)), name);
  }
});

test('envls parse --expand applies dotenv-expand to the file\'s own values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  writeFileSync(join(dir, '.env'), 'HOST=db\nURL=postgres://${HOST}:${PORT:-5432}/app\nESCAPED=\\$HOST\n');
  const run = envls(['parse', join(dir, '.env'), '--expand']);
  assert.deepEqual(JSON.parse(run.stdout), { HOST: 'db', URL: 'postgres://db:5432/app', ESCAPED: '$HOST' });
});

test('envls check: path:line:col: severity code message, exit 1 on errors, binding per file', () => {
  const run = envls(['check', 'examples/neosync-api']);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^examples\/neosync-api\/\.env: schemas neosync\/api \(# envls-schema comment on line \d+\)/m);
  assert.match(run.stdout, /^examples\/neosync-api\/\.env:1:1: error missingRequired DB_PASS is missing/m);
  assert.match(run.stdout, /^examples\/neosync-api\/\.env:8:11: error invalidValue LOG_LEVEL must be one of/m);
});

test('envls check exits 0 without errors, 2 for a missing file or bad usage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  writeFileSync(join(dir, '.env'), 'A=1\nA=2\n');
  const warnOnly = envls(['check', join(dir, '.env')]);
  assert.equal(warnOnly.code, 0, 'a warning is not an error');
  assert.match(warnOnly.stdout, /warning duplicateKey/);
  const missing = envls(['check', join(dir, 'nope.env')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or no match: .*nope\.env/);
  assert.equal(envls(['check', '--format', 'xml']).code, 2);
  assert.equal(envls(['frobnicate']).code, 2);
});

test('envls check --format json, --schema binds from the command line, globs match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  writeFileSync(join(dir, 'api.env'), 'DB_HOST=db\n');
  writeFileSync(join(dir, 'other.txt'), 'not env\n');
  const run = envls(['check', '*.env', '--schema', 'neosync/api', '--format', 'json'], dir);
  const [report] = JSON.parse(run.stdout);
  assert.equal(report.file, 'api.env');
  assert.deepEqual(report.schemas, ['neosync/api']);
  assert.equal(report.binding.source, 'setting');
  assert.ok(report.diagnostics.some((d: { code: string; line: number }) => d.code === 'missingRequired' && d.line === 1));
  assert.equal(run.code, 1);
});

test('envls check --rules dotenv-linter turns the style rules on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  writeFileSync(join(dir, '.env'), 'b=1\nA=2\n');
  assert.doesNotMatch(envls(['check', join(dir, '.env')]).stdout, /lowercaseKey/);
  const styled = envls(['check', join(dir, '.env'), '--rules', 'dotenv-linter']).stdout;
  assert.match(styled, /warning lowercaseKey/);
  assert.match(styled, /warning unorderedKey/);
});

test('envls check --fix applies the safe fixes and writes only files that changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  writeFileSync(join(dir, 'flux.env'), '# envls-schema: flux\nFLUX_API_BASE=https://flux.example.com/api/\nFLUX_SERVICE_URL=https://x.example.com\nA=1\nA=1\n');
  writeFileSync(join(dir, 'clean.env'), 'PLAIN=1\n');
  const before = statSync(join(dir, 'clean.env')).mtimeMs;
  const run = envls(['check', dir, '--fix']);
  assert.match(run.stdout, /flux\.env: fixed/);
  // The legacy name stays: fix-all never renames a key a program may read.
  assert.equal(readFileSync(join(dir, 'flux.env'), 'utf8'), '# envls-schema: flux\nFLUX_API_BASE=https://flux.example.com/api\nFLUX_SERVICE_URL=https://x.example.com\nA=1\n');
  assert.equal(statSync(join(dir, 'clean.env')).mtimeMs, before, 'an unchanged file is not written');
  assert.doesNotMatch(run.stdout, /clean\.env: fixed/);
});

test('envls check --rules dotenv-linter --fix keeps SAML2_SP_x509 and every value dotenv reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  const text = 'SAML2_SP_x509=cert\nB = 2 \nA=1\n';
  writeFileSync(join(dir, '.env'), text);
  envls(['check', dir, '--rules', 'dotenv-linter', '--fix']);
  const fixed = readFileSync(join(dir, '.env'), 'utf8');
  assert.equal(fixed, 'A=1\nB=2\nSAML2_SP_x509=cert\n');
  assert.deepEqual(dotenv.parse(fixed), dotenv.parse(text));
});

test('envls schemas lists the builtin ids', () => {
  const out = envls(['schemas']).stdout;
  for (const id of ['neosync/api', 'neosync/app', 'neosync/worker', 'neosync/migrations', 'neosync/cli', 'flux', 'flagsmith/api', 'flagsmith/frontend']) {
    assert.match(out, new RegExp(`^${id}\\t`, 'm'));
  }
});

test('envls check --schema-file loads a workspace schema whose id can be bound', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  const fixture = join(REPO_ROOT, 'test/fixtures/protocol/schemas/acme-billing.envls.json');
  writeFileSync(join(dir, 'acme.envls.json'), readFileSync(fixture, 'utf8').replace(/"\$schema": "[^"]*",/, ''));
  writeFileSync(join(dir, 'billing.env'), '# envls-schema: acme/billing\nBILLING_MODE=live\n');
  const run = envls(['check', 'billing.env', '--schema-file', 'acme.envls.json'], dir);
  assert.match(run.stdout, /billing\.env: schemas acme\/billing/);
  assert.match(run.stdout, /error missingRequired BILLING_DATABASE_URL is missing/);
  assert.match(run.stdout, /error missingRequired BILLING_WEBHOOK_SECRET is missing: Required when BILLING_MODE is live/);
  writeFileSync(join(dir, 'broken.envls.json'), '{ "id": ');
  const broken = envls(['check', 'billing.env', '--schema-file', 'broken.envls.json'], dir);
  assert.match(broken.stdout, /^broken\.envls\.json:1:9: error invalidSchema /m);
  assert.match(broken.stdout, /error unknownSchema/);
  assert.equal(broken.code, 1);
});

test('issue 9: the summary counts errors and warnings; paths print as given; parse rejects unknown flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-given-'));
  writeFileSync(join(dir, '.env'), '# envls-schema: neosync/api\nLOG_LEVEL=verbose\nA=1\nA=2\n');
  const absolute = envls(['check', dir]);
  assert.match(absolute.stdout, new RegExp(`^${join(dir, '.env').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:11: error invalidValue`, 'm'), absolute.stdout);
  const errors = (absolute.stdout.match(/:\d+:\d+: error /g) ?? []).length;
  const warnings = (absolute.stdout.match(/:\d+:\d+: warning /g) ?? []).length;
  assert.ok(errors > 0 && warnings > 0);
  assert.match(absolute.stdout, new RegExp(`^${errors} errors?, ${warnings} warnings? in 1 file\\n$`, 'm'));
  const fromParent = envls(['check', `./${dir.split('/').pop()}/.env`], join(dir, '..'));
  assert.match(fromParent.stdout, new RegExp(`^\\./${dir.split('/').pop()}/\\.env:2:11: error`, 'm'), fromParent.stdout);
  const parse = envls(['parse', join(dir, '.env'), '--bogus']);
  assert.equal(parse.code, 2);
  assert.match(parse.stderr, /unknown option --bogus/);
});

test('envls parse --dialect compose prints what docker compose reads, and fails when compose would refuse the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-'));
  const file = join(dir, '.env');
  writeFileSync(file, 'PASS\nHOST=db # comment\nTAG=v1#2\nURL="http://${HOST}:${PORT:-80}"\nLIT=\'$HOST\'\n');
  const run = envls(['parse', '--dialect', 'compose', file]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { HOST: 'db', TAG: 'v1#2', URL: 'http://db:80', LIT: '$HOST' });
  // The same file as dotenv reads it.
  const dotenvRun = envls(['parse', file, '--dialect', 'dotenv']);
  assert.deepEqual(JSON.parse(dotenvRun.stdout), dotenv.parse(readFileSync(file)));
  writeFileSync(file, 'GOOD=1\nBAD NAME=2\n');
  const refused = envls(['parse', '--dialect', 'compose', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /:2: docker compose refuses this file: a name cannot contain a space/);
  assert.equal(envls(['parse', '--dialect', 'yaml', file]).code, 2);
});
