/**
 * The CLI with the project model: `envls check` checks a file with its layers, its example and
 * git; `envls diff` and `envls sync`. Each test builds its own temporary folder (outside this
 * repository, so git facts are only those of a repository the test creates).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './support/lspClient';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function envls(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'envls-cli-project-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const EXAMPLE = '# Where the app listens\nPORT=3000\n\n# Signs session cookies\nJWT_SECRET=changeme\nDATABASE_URL=postgres://app:examplepw@localhost/app\n';

test('check: a secret left at the example\'s value is reported, a copied PORT is not; --no-project checks the file alone', () => {
  const dir = folder({ '.env.example': EXAMPLE, '.env': EXAMPLE });
  const run = envls(['check', '--format', 'json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const reports = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; message: string; line: number }[] }[];
  const env = reports.find((r) => r.file === '.env')!;
  const insecure = env.diagnostics.filter((d) => d.code === 'insecureValue');
  assert.deepEqual(insecure.map((d) => d.line), [5]);
  assert.match(insecure[0].message, /JWT_SECRET still holds the placeholder from \.env\.example/);
  assert.doesNotMatch(run.stdout, /changeme|examplepw/, 'no secret value in the output');
  assert.deepEqual(reports.find((r) => r.file === '.env.example')!.diagnostics.filter((d) => d.code === 'insecureValue'), [], 'never in the example itself');
  const alone = envls(['check', '--no-project', '--format', 'json'], dir);
  assert.ok(!alone.stdout.includes('placeholder from .env.example'), alone.stdout);
});

test('check: shadowedVariable between .env and .env.local of a Next.js app; missingExampleVariable and undocumentedVariable', () => {
  const dir = folder({
    'package.json': '{"dependencies":{"next":"15.0.0"}}',
    '.env': 'API_URL=http://localhost:3000\nFEATURE=beta\n',
    '.env.local': 'API_URL=http://localhost:4000\n',
    '.env.example': 'API_URL=\nFEATURE=\nSMTP_HOST=\n',
  });
  const run = envls(['check', '.env'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\.env:1:1: information shadowedVariable API_URL is overridden by \.env\.local in development and production \(Next\.js order\)\.$/m);
  assert.match(run.stdout, /^\.env:1:1: warning missingExampleVariable SMTP_HOST from \.env\.example is not set by this file or the files loaded with it\.$/m);
  const local = envls(['check', '.env.local'], dir);
  assert.match(local.stdout, /^\.env\.local:1:1: warning missingExampleVariable SMTP_HOST/m);
  assert.doesNotMatch(local.stdout, /missingExampleVariable FEATURE/, '.env, loaded with it, sets FEATURE');
  writeFileSync(join(dir, '.env'), 'API_URL=http://localhost:3000\nFEATURE=beta\nSMTP_HOST=mail\nEXTRA=1\n');
  assert.match(envls(['check', '.env'], dir).stdout, /^\.env:4:1: information undocumentedVariable EXTRA is not listed in \.env\.example\.$/m);
});

test('check: notGitignored in a git repository, stronger when tracked; --fix never edits .gitignore or the example', (t) => {
  const dir = folder({ '.env.example': 'PORT=3000\n', '.env': 'PORT=4000 \n', '.gitignore': 'node_modules\n' });
  const init = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  if (init.status !== 0) return t.skip('git is not installed');
  const run = envls(['check', '.env'], dir);
  assert.match(run.stdout, /^\.env:1:1: warning notGitignored \.env is not ignored by git: its values would be committed\. Add it to \.gitignore\.$/m);
  assert.doesNotMatch(envls(['check', '.env.example'], dir).stdout, /notGitignored/, 'an example is meant to be committed');
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('add', '.env');
  assert.match(envls(['check', '.env'], dir).stdout, /warning notGitignored \.env is tracked by git: its values are in the repository's history/);
  const fixed = envls(['check', '.env', '--rules', 'dotenv-linter', '--fix'], dir);
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), 'PORT=4000\n', 'the file\'s own safe fix (trailing space) is applied');
  assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), 'node_modules\n');
  assert.equal(readFileSync(join(dir, '.env.example'), 'utf8'), 'PORT=3000\n');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.env\n');
  git('rm', '-q', '--cached', '.env');
  assert.doesNotMatch(envls(['check', '.env'], dir).stdout, /notGitignored/);
});

test('check outside a git repository says nothing about git', () => {
  const dir = folder({ '.env': 'PORT=1\n' });
  assert.doesNotMatch(envls(['check'], dir).stdout, /notGitignored/);
});

test('diff: keys only in one side, exit 1; equal files exit 0; unreadable or bad usage exit 2', () => {
  const dir = folder({ '.env': 'A=1\nB=2\nC=3\n', '.env.example': 'A=1\nD=\nB=\n', 'same.env': 'B=9\nA=1\nC=3\n' });
  const run = envls(['diff', '.env', '.env.example'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '.env is missing keys: D\n.env.example is missing keys: C\n');
  const same = envls(['diff', '.env', 'same.env'], dir);
  assert.equal(same.code, 0);
  assert.equal(same.stdout, '.env and same.env have the same keys\n');
  assert.equal(envls(['diff', '.env', 'same.env', '--values'], dir).code, 1, 'B differs');
  assert.equal(envls(['diff', '.env', 'nope.env'], dir).code, 2);
  assert.equal(envls(['diff', '.env'], dir).code, 2);
  assert.equal(envls(['diff', '.env', 'same.env', '--frob'], dir).code, 2);
});

test('diff --values lists differing values, sensitive ones masked; --format json', () => {
  const dir = folder({
    a: 'PORT=3000\nJWT_SECRET=hunter2pw\nDATABASE_URL=postgres://app:s3cr3tPassw0rd@db/app\nSAME=x\n',
    b: 'PORT=4000\nJWT_SECRET=changeme\nDATABASE_URL=postgres://app:otherpw77@db/app\nSAME=x\nONLY_B=1\n',
  });
  const run = envls(['diff', 'a', 'b', '--values'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, [
    'a is missing keys: ONLY_B',
    'Different values:',
    '  PORT: a: 3000 | b: 4000',
    '  JWT_SECRET: a: •••••••• (hidden: sensitive) | b: •••••••• (hidden: sensitive)',
    '  DATABASE_URL: a: postgres://app:••••@db/app | b: postgres://app:••••@db/app',
    '',
  ].join('\n'));
  const json = envls(['diff', 'a', 'b', '--values', '--format', 'json'], dir);
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.stdout);
  assert.deepEqual(parsed.missingFromA, ['ONLY_B']);
  assert.deepEqual(parsed.missingFromB, []);
  assert.deepEqual(parsed.differentValues.map((d: { key: string }) => d.key), ['PORT', 'JWT_SECRET', 'DATABASE_URL']);
  assert.equal(parsed.same, false);
  for (const secret of ['hunter2pw', 'changeme', 's3cr3tPassw0rd', 'otherpw77']) {
    assert.ok(!run.stdout.includes(secret) && !json.stdout.includes(secret), secret);
  }
  const keysOnly = JSON.parse(envls(['diff', 'a', 'b', '--json'], dir).stdout);
  assert.deepEqual(keysOnly.differentValues, [], 'values are compared only with --values');
});

const SYNC_EXAMPLE = [
  '# The port the app listens on',
  'PORT=3000',
  'HOST=localhost',
  '',
  '# Signs session cookies',
  'JWT_SECRET=changeme',
  '# optional: only for debugging',
  'DEBUG=',
  '',
].join('\n');

test('sync previews the missing variables as a diff and writes nothing without --write', () => {
  const dir = folder({ '.env.example': SYNC_EXAMPLE, '.env': 'HOST=0.0.0.0\n' });
  const run = envls(['sync'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, [
    '--- .env',
    '+++ .env',
    '@@ -1,0 +2,5 @@',
    '+# The port the app listens on',
    '+PORT=3000',
    '+',
    '+# Signs session cookies',
    '+JWT_SECRET=',
    '2 variables from .env.example to add; run with --write to write .env.',
    '',
  ].join('\n'));
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), 'HOST=0.0.0.0\n');
});

test('sync --write: the exact text, no value overwritten, comments copied, secrets empty; then nothing is missing', () => {
  const dir = folder({ '.env.example': SYNC_EXAMPLE, '.env': 'HOST=0.0.0.0' });
  const run = envls(['sync', '--write'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Added 2 variables from \.env\.example to \.env\.\n$/);
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), 'HOST=0.0.0.0\n# The port the app listens on\nPORT=3000\n\n# Signs session cookies\nJWT_SECRET=\n');
  const again = envls(['sync', '--write'], dir);
  assert.equal(again.stdout, '.env has every variable of .env.example\n');
});

test('sync --from --to: creates a missing target; the default example is the app\'s nearest; errors exit 2', () => {
  const dir = folder({ 'template.env': 'A=1\n', '.env.sample': 'B=2\n' });
  assert.equal(envls(['sync', '--from', 'template.env', '--to', 'new.env', '--write'], dir).code, 0);
  assert.equal(readFileSync(join(dir, 'new.env'), 'utf8'), 'A=1\n');
  const byDefault = envls(['sync', '--to', '.env', '--write'], dir);
  assert.equal(byDefault.code, 0, byDefault.stderr);
  assert.equal(readFileSync(join(dir, '.env'), 'utf8'), 'B=2\n', '.env.sample is the nearest example');
  const none = folder({});
  const missing = envls(['sync'], none);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no example .* found for \.env; name one with --from/);
  assert.ok(!existsSync(join(none, '.env')));
  assert.equal(envls(['sync', '--from', 'nope.example'], dir).code, 2);
  assert.equal(envls(['sync', '--frob'], dir).code, 2);
});
