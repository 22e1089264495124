/**
 * The pre-commit hook (.pre-commit-hooks.yaml) with pre-commit from Debian, in a temporary git
 * repository: committing a bad staged .env fails, committing it fixed passes. The hook repository
 * is a snapshot of this checkout; pre-commit installs it as its `language: node` hooks are installed (npm install, whose `prepare`
 * builds dist/, then npm pack and a global install of the tarball), so this takes a minute and
 * runs in its own step: `npm run test:hooks` (.ci/run; scripts/install-e2e.sh installs pre-commit).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../support/lspClient';

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

test('the envls pre-commit hook blocks a commit of a bad .env and lets the fixed one through', { skip: available ? false : 'pre-commit is not installed (apt-get install pre-commit; scripts/install-e2e.sh does)' }, () => {
  const repo = mkdtempSync(join(tmpdir(), 'envls-precommit-'));
  const env = { ...process.env, PRE_COMMIT_HOME: join(repo, '.cache-pre-commit'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  assert.equal(run('git', ['init', '-q']).code, 0);
  writeFileSync(join(repo, '.gitignore'), '.cache-pre-commit/\n');
  writeFileSync(join(repo, 'README.md'), 'not an env file\n');
  writeFileSync(join(repo, '.env'), 'GOOD=1\nQ="unclosed\n');
  run('git', ['add', '.']);

  // The hook repository: this checkout as it is (uncommitted changes included), committed in a temporary repository.
  const hookRepo = mkdtempSync(join(tmpdir(), 'envls-hook-repo-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO_ROOT, file)) || !statSync(join(REPO_ROOT, file)).isFile()) continue;
    mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(hookRepo, file));
  }
  const inHookRepo = (args: string[]) => execFileSync('git', args, { cwd: hookRepo, env, encoding: 'utf8' }).trim();
  inHookRepo(['init', '-q']);
  inHookRepo(['add', '.']);
  inHookRepo(['commit', '-q', '-m', 'snapshot']);
  const rev = inHookRepo(['rev-parse', 'HEAD']);
  writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: envls\n`);
  assert.equal(run('pre-commit', ['install']).code, 0);
  run('git', ['add', '.']);

  const bad = run('git', ['commit', '-q', '-m', 'bad env']);
  assert.notEqual(bad.code, 0, 'the commit is refused');
  assert.match(bad.output, /envls\.+Failed/, bad.output);
  assert.match(bad.output, /\.env:2:3: error syntaxError/);

  writeFileSync(join(repo, '.env'), 'GOOD=1\nQ="closed"\n');
  run('git', ['add', '.env']);
  const good = run('git', ['commit', '-q', '-m', 'good env']);
  assert.equal(good.code, 0, good.output);
  assert.match(good.output, /envls\.+Passed/);
});
