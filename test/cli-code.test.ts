/**
 * `envls check --code` through the built CLI: unusedVariable on the env file and unsetVariable in
 * the code files of its app, in text and JSON; without --code neither appears.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT } from './support/lspClient';
import { tempWorkspaces } from './support/tempWorkspace';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function envls(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GIT_CEILING_DIRECTORIES: dirname(cwd) } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const { workspace } = tempWorkspaces('envls-cli-code');

const APP = {
  'package.json': '{"dependencies":{"dotenv":"16"}}',
  '.env': 'DB_HOST=db\nOLD_FLAG=1\n',
  'src/db.js': '// process.env.OLD_FLAG in a comment\nexports.host = process.env.DB_HOST;\nexports.token = process.env.PAYMENT_TOKEN;\nexports.port = process.env.PORT ?? 80;\n',
};

test('check --code: unusedVariable on the env file, unsetVariable in the code file', (t) => {
  const dir = workspace(APP);
  const run = envls(['check', '--code', '.env'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\.env:2:1: hint unusedVariable No code of this app reads OLD_FLAG/m);
  assert.match(run.stdout, /^src\/db\.js:3:29: information unsetVariable PAYMENT_TOKEN is read without a fallback/m);
  assert.ok(!/PORT|DB_HOST is read/.test(run.stdout), 'a fallback and a set variable are not reported');
  const json = JSON.parse(envls(['check', '--code', '--format', 'json', '.env'], dir).stdout);
  const codeReport = json.find((f: { file: string }) => f.file === 'src/db.js');
  assert.deepEqual(codeReport.diagnostics.map((p: { code: string; line: number }) => [p.code, p.line]), [['unsetVariable', 3]]);
});

test('check without --code says nothing about the code; --code with --no-project is a usage error', (t) => {
  const dir = workspace(APP);
  const run = envls(['check', '.env'], dir);
  assert.ok(!/unusedVariable|unsetVariable/.test(run.stdout), run.stdout);
  assert.equal(envls(['check', '--code', '--no-project', '.env'], dir).code, 2);
});
