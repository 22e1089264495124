// Git ignore decisions as git makes them (compared with `git check-ignore` on the same repository),
// tracked vs ignored vs neither, and silence outside a repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GitIgnoreOracle, excludesFileFromConfig } from '../server/src/node/projectGit';

/** A temporary folder with a HOME of its own, so that no user configuration takes part. */
function sandbox(t: { after: (fn: () => void) => void }) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'envls-git-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const home = join(dir, 'home');
  const xdg = join(home, '.config');
  mkdirSync(xdg, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: xdg, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });
  const write = (path: string, text = '') => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  return { dir, home, xdg, env, git, write };
}

test('core.excludesFile is read from a git config text', () => {
  assert.equal(excludesFileFromConfig('[user]\n\tname = x\n[core]\n\texcludesFile = ~/.my-ignore\n', '/h'), '/h/.my-ignore');
  assert.equal(excludesFileFromConfig('[core]\nexcludesfile = "/abs/ignore"\n[other]\nexcludesfile = /no\n', '/h'), '/abs/ignore');
  assert.equal(excludesFileFromConfig('[alias]\n\texcludesfile = /no\n', '/h'), undefined);
});

test('isGitIgnored agrees with `git check-ignore` on nested .gitignore files, negations, info/exclude and the global excludes file', (t) => {
  const s = sandbox(t);
  s.git(s.dir, 'init', '-q', 'repo');
  const repo = join(s.dir, 'repo');
  s.write('home/.gitconfig', `[core]\n\texcludesFile = ${join(s.home, 'global-ignore')}\n`);
  s.write('home/global-ignore', '*.global\n.env.secret\n*.both\n');
  s.write('repo/.git/info/exclude', 'excluded-by-info/\n*.info\n!keep.both\n');
  s.write('repo/.gitignore', '.env*\n!.env.example\n/build-out/\nlogs/\n*.local\n');
  s.write('repo/apps/web/.gitignore', '!.env.production\n.env.example\n');
  s.write('repo/apps/api/.gitignore', '!*.local\n');
  s.write('repo/logs/.gitignore', '!keep.env\n');
  const paths = [
    '.env', '.env.local', '.env.example', '.env.production', 'x.global', '.env.secret', 'a.info', 'excluded-by-info/.env.example',
    'build-out/.env.example', 'nested/build-out/.env.example', 'logs/keep.env', 'deep/logs/x', 'apps/web/.env.production',
    'apps/web/.env.example', 'apps/web/.env', 'apps/api/.env.local', 'apps/api/x.local', 'apps/api/plain.txt', 'README.md', 'apps/web/src/.env.example', 'keep.both', 'other.both',
  ];
  for (const path of paths) s.write(`repo/${path}`, 'A=1\n');
  const oracle = GitIgnoreOracle.forPath(repo, { home: s.home, xdgConfigHome: s.xdg })!;
  const checked = paths.map((path) => {
    let gitSays: boolean;
    try {
      s.git(repo, 'check-ignore', '--no-index', '-q', path);
      gitSays = true;
    } catch {
      gitSays = false;
    }
    return [path, gitSays];
  });
  assert.deepEqual(paths.map((path) => [path, oracle.isGitIgnored(join(repo, path))]), checked);
  // The comparison means something: both answers occur.
  assert.ok(checked.some(([, ignored]) => ignored) && checked.some(([, ignored]) => !ignored));
});

test('the XDG global ignore file counts when core.excludesFile is not set', (t) => {
  const s = sandbox(t);
  s.git(s.dir, 'init', '-q', 'repo');
  const repo = join(s.dir, 'repo');
  s.write('home/.config/git/ignore', '.env\n');
  s.write('repo/.env', 'A=1\n');
  assert.equal(GitIgnoreOracle.forPath(repo, { home: s.home, xdgConfigHome: s.xdg })!.isGitIgnored(join(repo, '.env')), true);
  assert.equal(GitIgnoreOracle.forPath(repo, { home: join(s.dir, 'elsewhere'), xdgConfigHome: join(s.dir, 'elsewhere') })!.isGitIgnored(join(repo, '.env')), false);
});

test('tracked, ignored, neither; a .gitignore change is seen after invalidate()', async (t) => {
  const s = sandbox(t);
  s.git(s.dir, 'init', '-q', 'repo');
  const repo = join(s.dir, 'repo');
  s.write('repo/.gitignore', '.env.local\n');
  s.write('repo/.env', 'A=1\n');
  s.write('repo/.env.local', 'A=2\n');
  s.write('repo/.env.production', 'A=3\n');
  s.git(repo, 'add', '.env', '.gitignore');
  s.git(repo, 'commit', '-q', '-m', 'x');
  const oracle = GitIgnoreOracle.forPath(join(repo, '.env'), { home: s.home, xdgConfigHome: s.xdg })!;
  assert.equal(oracle.repositoryRoot, repo);
  const state = async (name: string) => [oracle.isGitIgnored(join(repo, name)), await oracle.isTrackedByGit(join(repo, name))];
  assert.deepEqual(await state('.env'), [false, true]);
  assert.deepEqual(await state('.env.local'), [true, false]);
  assert.deepEqual(await state('.env.production'), [false, false]);
  s.write('repo/.gitignore', '.env.local\n.env.production\n');
  assert.equal(oracle.isGitIgnored(join(repo, '.env.production')), false, 'cached until told');
  oracle.invalidate();
  assert.equal(oracle.isGitIgnored(join(repo, '.env.production')), true);
});

test('worktrees: .git is a file; info/exclude comes from the common git directory', (t) => {
  const s = sandbox(t);
  s.git(s.dir, 'init', '-q', 'repo');
  const repo = join(s.dir, 'repo');
  s.write('repo/README', 'x');
  s.git(repo, 'add', 'README');
  s.git(repo, 'commit', '-q', '-m', 'x');
  s.git(repo, 'worktree', 'add', '-q', join(s.dir, 'wt'));
  s.write('repo/.git/info/exclude', '.env.shared\n');
  s.write('wt/.env.shared', 'A=1\n');
  const oracle = GitIgnoreOracle.forPath(join(s.dir, 'wt'), { home: s.home, xdgConfigHome: s.xdg })!;
  assert.equal(oracle.repositoryRoot, join(s.dir, 'wt'));
  assert.equal(oracle.isGitIgnored(join(s.dir, 'wt', '.env.shared')), true);
});

test('outside a git repository there is no answer', async (t) => {
  const s = sandbox(t);
  s.write('plain/.env', 'A=1\n');
  assert.equal(GitIgnoreOracle.forPath(join(s.dir, 'plain'), { home: s.home, xdgConfigHome: s.xdg }), undefined);
  s.git(s.dir, 'init', '-q', 'repo');
  const oracle = GitIgnoreOracle.forPath(join(s.dir, 'repo'), { home: s.home, xdgConfigHome: s.xdg })!;
  assert.equal(oracle.isGitIgnored(join(s.dir, 'plain', '.env')), undefined);
  assert.equal(await oracle.isTrackedByGit(join(s.dir, 'plain', '.env')), undefined);
});
