// The node-side scan: what it finds and skips, symlink loops, git-ignored folders, the bound, file events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ProjectWorkspace, scanWorkspace } from '../server/src/node/projectScan';

function workspace(t: { after: (fn: () => void) => void }, files: Record<string, string>) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'envls-scan-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const noUserGit = (dir: string) => ({ git: { home: join(dir, 'no-home'), xdgConfigHome: join(dir, 'no-home') } });

test('finds manifests, compose files and env files; skips dependency and build folders', (t) => {
  const dir = workspace(t, {
    'package.json': '{"dependencies":{"next":"15"}}',
    '.env': 'A=1\n',
    '.env.local': 'A=2\n',
    'compose.yaml': 'services:\n  web:\n    env_file: .env\n',
    'apps/api/pyproject.toml': 'dependencies = ["python-dotenv"]\n',
    'apps/api/.env.example': 'A=\n',
    'src/index.ts': 'x',
    'node_modules/pkg/.env': 'A=1\n',
    'node_modules/pkg/package.json': '{}',
    'dist/.env': 'A=1\n',
    'build/.env': 'A=1\n',
    'vendor/.env': 'A=1\n',
    'venv/.env': 'A=1\n',
    '.venv/.env': 'A=1\n',
  });
  const scan = scanWorkspace(dir, noUserGit(dir));
  assert.deepEqual(scan.files.map((f) => f.path).sort(), ['.env', '.env.local', 'apps/api/.env.example', 'apps/api/pyproject.toml', 'compose.yaml', 'package.json']);
  assert.equal(scan.truncated, false);
  const ws = ProjectWorkspace.scan(dir, noUserGit(dir));
  assert.deepEqual(ws.model.allApps().map((a) => [a.folder, a.plan.convention]), [['', 'nextjs'], ['apps/api', 'python-dotenv']]);
  assert.equal(ws.model.effectiveValues('', 'development').get('A')!.value, '2');
});

test('a symlink loop and links to folders are not followed; a link to a file is read', (t) => {
  const dir = workspace(t, { 'app/.env': 'A=1\n', 'shared/real.env': 'B=1\n' });
  symlinkSync(dir, join(dir, 'app', 'loop'));
  symlinkSync(join(dir, 'shared'), join(dir, 'linked-folder'));
  symlinkSync(join(dir, 'shared', 'real.env'), join(dir, 'app', '.env.production'));
  const scan = scanWorkspace(dir, noUserGit(dir));
  assert.deepEqual(scan.files.map((f) => f.path).sort(), ['app/.env', 'app/.env.production', 'shared/real.env']);
  const production = scan.files.find((f) => f.path === 'app/.env.production')!;
  assert.equal(typeof production.text === 'function' ? production.text() : production.text, 'B=1\n');
});

test('folders git ignores are skipped, env files git ignores are kept', (t) => {
  const dir = workspace(t, {
    '.gitignore': 'generated/\n.env.local\n',
    '.env': 'A=1\n',
    '.env.local': 'A=2\n',
    'generated/.env': 'A=3\n',
  });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const scan = ProjectWorkspace.scan(dir, noUserGit(dir));
  assert.deepEqual(scan.model.allApps()[0].envFiles.map((f) => f.path), ['.env', '.env.local']);
  assert.deepEqual(scanWorkspace(dir, { ...noUserGit(dir), respectGitignore: false }).files.map((f) => f.path).sort(), ['.env', '.env.local', 'generated/.env']);
});

test('the scan stops after maxEntries directory entries and says so', (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 50; i++) files[`d${i}/.env`] = 'A=1\n';
  const dir = workspace(t, files);
  const scan = scanWorkspace(dir, { ...noUserGit(dir), maxEntries: 20 });
  assert.equal(scan.truncated, true);
  assert.ok(scan.files.length < 20);
});

test('file events update the model without a rescan', (t) => {
  const dir = workspace(t, { 'package.json': '{"dependencies":{"vite":"6"}}', '.env': 'A=base\n' });
  const ws = ProjectWorkspace.scan(dir, noUserGit(dir));
  const winner = (mode: string) => ws.model.effectiveValues('', mode).get('A')?.path;
  assert.equal(winner('production'), '.env');

  writeFileSync(join(dir, '.env.production'), 'A=prod\n');
  assert.equal(ws.onFileEvent(join(dir, '.env.production'), 'created'), true);
  assert.equal(winner('production'), '.env.production');

  writeFileSync(join(dir, '.env.production'), 'B=1\n');
  ws.onFileEvent(join(dir, '.env.production'), 'changed');
  assert.equal(winner('production'), '.env');

  unlinkSync(join(dir, '.env.production'));
  ws.onFileEvent(join(dir, '.env.production'), 'deleted');
  assert.deepEqual(ws.model.app('')!.orders.get('production'), ['.env']);

  // A new manifest makes a new app.
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', '.env'), 'A=sub\n');
  ws.onFileEvent(join(dir, 'sub', '.env'), 'created');
  assert.equal(ws.model.appOf('sub/.env')!.folder, '');
  writeFileSync(join(dir, 'sub', 'go.mod'), 'module sub\n');
  ws.onFileEvent(join(dir, 'sub', 'go.mod'), 'created');
  assert.equal(ws.model.appOf('sub/.env')!.folder, 'sub');

  // Events the model does not care about, or from skipped folders, change nothing.
  assert.equal(ws.onFileEvent(join(dir, 'src', 'index.ts'), 'created'), false);
  assert.equal(ws.onFileEvent(join(dir, 'node_modules', 'x', '.env'), 'created'), false);
  assert.equal(ws.onFileEvent(join(dir, '..', 'outside', '.env'), 'created'), false);
});
