/** The node-side code scan: what it reads and skips (dependencies, build output, .gitignore), caps, file events. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CodeWorkspace } from '../server/src/node/codeScan';

function workspace(t: { after: (fn: () => void) => void }, files: Record<string, string>) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'envls-code-scan-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const noUserGit = (dir: string) => ({ git: { home: join(dir, 'no-home'), xdgConfigHome: join(dir, 'no-home') } });
const TS_READ = 'export const url = process.env.DB_URL;\n';

test('indexes code files of every language; skips dependencies, build output and virtual environments', async (t) => {
  const dir = workspace(t, {
    'src/db.ts': TS_READ,
    'src/app.tsx': 'export const A = () => <p>{process.env.TITLE}</p>;\n',
    'api/main.py': 'import os\nport = os.getenv("PORT", "8000")\n',
    'svc/main.go': 'package main\nfunc main() { _ = os.Getenv("GO_VAR") }\n',
    'scripts/run.sh': 'echo "$SHELL_VAR"\n',
    'Dockerfile': 'FROM node:${NODE_VERSION}\n',
    'compose.yaml': 'services:\n  web:\n    image: app:${TAG}\n',
    'src/nothing.ts': 'export const x = 1;\n',
    'node_modules/pkg/index.js': TS_READ.replace('DB_URL', 'DEP'),
    'dist/bundle.js': TS_READ.replace('DB_URL', 'DIST'),
    'build/out.js': TS_READ.replace('DB_URL', 'BUILD'),
    'out/x.js': TS_READ.replace('DB_URL', 'OUT'),
    '.next/server.js': TS_READ.replace('DB_URL', 'NEXT'),
    'vendor/lib.php': "<?php env('VENDOR');\n",
    'target/gen.rs': 'fn m() { env!("TARGET"); }\n',
    '.venv/lib/site.py': 'import os\nos.getenv("VENV")\n',
    'venv/lib/site.py': 'import os\nos.getenv("VENV2")\n',
    'api/__pycache__/x.py': 'import os\nos.getenv("CACHE")\n',
    'src/app.min.js': TS_READ.replace('DB_URL', 'MIN'),
  });
  const ws = await CodeWorkspace.scan(dir, noUserGit(dir));
  assert.deepEqual(ws.index.namesRead(), ['DB_URL', 'GO_VAR', 'NODE_VERSION', 'PORT', 'SHELL_VAR', 'TAG', 'TITLE']);
  assert.deepEqual(ws.index.readsOf('PORT').map((r) => [r.path, r.read.hasFallback]), [['api/main.py', true]]);
  assert.equal(ws.stats.truncated, false);
  assert.equal(ws.stats.parsed, 7, 'the file without a read is not parsed');
});

test('honours .gitignore (folders and files) in a repository', async (t) => {
  const dir = workspace(t, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'generated/\n*.gen.ts\n',
    'app/.gitignore': 'local.ts\n',
    'src/a.ts': TS_READ,
    'generated/client.ts': TS_READ.replace('DB_URL', 'GENERATED'),
    'src/api.gen.ts': TS_READ.replace('DB_URL', 'GEN'),
    'app/local.ts': TS_READ.replace('DB_URL', 'LOCAL'),
    'app/kept.ts': TS_READ.replace('DB_URL', 'KEPT'),
  });
  const ws = await CodeWorkspace.scan(dir, noUserGit(dir));
  assert.deepEqual(ws.index.namesRead(), ['DB_URL', 'KEPT']);
  const all = await CodeWorkspace.scan(dir, { ...noUserGit(dir), respectGitignore: false });
  assert.deepEqual(all.index.namesRead(), ['DB_URL', 'GEN', 'GENERATED', 'KEPT', 'LOCAL']);
});

test('enabled languages, the file-size cap, the file cap and symbolic links', async (t) => {
  const dir = workspace(t, {
    'a.ts': TS_READ,
    'b.py': 'import os\nos.getenv("PY")\n',
    'big.ts': `${TS_READ.replace('DB_URL', 'BIG')}${'//'.padEnd(2000, 'x')}\n`,
  });
  symlinkSync(join(dir, 'a.ts'), join(dir, 'link.ts'));
  symlinkSync(dir, join(dir, 'loop'));
  const onlyPython = await CodeWorkspace.scan(dir, { ...noUserGit(dir), languages: ['python'] });
  assert.deepEqual(onlyPython.index.namesRead(), ['PY']);
  const small = await CodeWorkspace.scan(dir, { ...noUserGit(dir), maxFileBytes: 1000 });
  assert.deepEqual(small.index.namesRead(), ['DB_URL', 'PY']);
  assert.deepEqual([...small.index.paths()].sort(), ['a.ts', 'b.py'], 'links are not followed');
  const capped = await CodeWorkspace.scan(dir, { ...noUserGit(dir), maxFiles: 1 });
  assert.equal(capped.stats.truncated, true);
  assert.equal(capped.stats.files, 1);
});

test('file events update one file: created, changed, deleted; ignored and skipped paths stay out', async (t) => {
  const dir = workspace(t, { '.git/HEAD': 'x', '.gitignore': 'ignored.ts\n', 'src/a.ts': TS_READ });
  const ws = await CodeWorkspace.scan(dir, noUserGit(dir));
  writeFileSync(join(dir, 'src/b.py'), 'import os\nos.environ["NEW"]\n');
  assert.equal(await ws.onFileEvent(join(dir, 'src/b.py'), 'created'), true);
  assert.deepEqual(ws.index.namesRead(), ['DB_URL', 'NEW']);
  writeFileSync(join(dir, 'src/a.ts'), 'export const u = process.env.CHANGED ?? "";\n');
  assert.equal(await ws.onFileEvent(join(dir, 'src/a.ts'), 'changed'), true);
  assert.deepEqual(ws.index.readsOf('CHANGED').map((r) => r.read.hasFallback), [true]);
  assert.deepEqual(ws.index.namesRead(), ['CHANGED', 'NEW']);
  unlinkSync(join(dir, 'src/b.py'));
  assert.equal(await ws.onFileEvent(join(dir, 'src/b.py'), 'deleted'), true);
  assert.deepEqual(ws.index.namesRead(), ['CHANGED']);
  writeFileSync(join(dir, 'ignored.ts'), TS_READ.replace('DB_URL', 'IGNORED'));
  assert.equal(await ws.onFileEvent(join(dir, 'ignored.ts'), 'created'), false);
  mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/x/i.js'), TS_READ.replace('DB_URL', 'DEP'));
  assert.equal(await ws.onFileEvent(join(dir, 'node_modules/x/i.js'), 'created'), false);
  assert.equal(await ws.onFileEvent(join(dir, 'README.md'), 'created'), false);
  assert.equal(await ws.onFileEvent(join(dir, 'src'), 'deleted'), true, 'a deleted folder takes its files');
  assert.deepEqual(ws.index.namesRead(), []);
});

test('worker threads and the main thread build the same index', async (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    files[`src/f${i}.ts`] = `// process.env.COMMENT_${i}\nexport const v${i} = process.env.VAR_${i % 7} ?? "d";\n`;
    files[`api/m${i}.py`] = `import os\nx = os.environ["PY_${i % 5}"]\n`;
  }
  const dir = workspace(t, files);
  const pooled = await CodeWorkspace.scan(dir, noUserGit(dir));
  const alone = await CodeWorkspace.scan(dir, { ...noUserGit(dir), workers: false });
  const snapshot = (ws: CodeWorkspace) => [...ws.index.paths()].sort().map((path) => ws.index.file(path));
  assert.deepEqual(snapshot(pooled), snapshot(alone));
  assert.equal(pooled.index.namesRead().length, 12);
});
