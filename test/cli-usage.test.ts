/**
 * `envls usage VAR [FOLDER]` through the built CLI (dist/cli.js, which loads the parsers from dist/):
 * text and JSON, exit codes, the folder argument, comments and strings not counted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './support/lspClient';
import { tempWorkspaces } from './support/tempWorkspace';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function envls(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const { workspace } = tempWorkspaces('envls-cli-usage');

const APP = {
  'api/app.py': 'import os\n# os.getenv("DB_URL") in a comment\nurl = os.getenv("DB_URL", "sqlite://")\n',
  'web/src/db.ts': 'const s = "process.env.DB_URL";\nexport const url = process.env.DB_URL;\n',
  'compose.yaml': 'services:\n  api:\n    environment:\n      DB_URL: postgres://db\n',
  'node_modules/dep/index.js': 'module.exports = process.env.DB_URL;\n',
};

test('usage lists path:line:col per read, (fallback) and (sets); exit 0', (t) => {
  const dir = workspace(APP);
  const run = envls(['usage', 'DB_URL'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, 'api/app.py:3:18 (fallback)\ncompose.yaml:4:7 (sets)\nweb/src/db.ts:2:32\n');
});

test('usage FOLDER searches that folder only; paths stay relative to the current folder', (t) => {
  const dir = workspace(APP);
  const run = envls(['usage', 'DB_URL', 'web'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, 'web/src/db.ts:2:32\n');
});

test('usage --json; exit 1 when nothing reads the variable (a set alone is not a read)', (t) => {
  const dir = workspace({ ...APP, 'compose.yaml': 'services:\n  api:\n    environment:\n      ONLY_SET: x\n' });
  const json = envls(['usage', 'DB_URL', '--json'], dir);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  assert.deepEqual(parsed.uses.map((u: { path: string; line: number; column: number; kind: string; hasFallback: boolean; language: string }) => [u.path, u.line, u.column, u.kind, u.hasFallback, u.language]), [
    ['api/app.py', 3, 18, 'read', true, 'python'],
    ['web/src/db.ts', 2, 32, 'read', false, 'typescript'],
  ]);
  assert.equal(parsed.truncated, false);
  const set = envls(['usage', 'ONLY_SET'], dir);
  assert.equal(set.code, 1);
  assert.equal(set.stdout, 'compose.yaml:4:7 (sets)\n');
  const none = envls(['usage', 'NOBODY', '--format', 'json'], dir);
  assert.equal(none.code, 1);
  assert.deepEqual(JSON.parse(none.stdout).uses, []);
});

test('usage: bad usage and an unreadable folder exit 2', (t) => {
  const dir = workspace(APP);
  assert.equal(envls(['usage'], dir).code, 2);
  assert.equal(envls(['usage', 'A', 'b', 'c'], dir).code, 2);
  assert.equal(envls(['usage', 'A', '--nope'], dir).code, 2);
  const missing = envls(['usage', 'A', 'no-such-folder'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read no-such-folder: ENOENT/);
});
