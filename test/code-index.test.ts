/** The pure code index: set/delete, per-folder answers, kinds, caps and the generation counter. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeIndex } from '../server/src/service/code/codeIndex';
import { codeLanguageOf } from '../server/src/service/code/languages';
import type { EnvRead } from '../server/src/service/code/types';

function read(name: string, line = 0, kind: EnvRead['kind'] = 'read', hasFallback = false): EnvRead {
  return { name, range: { start: { line, character: 0 }, end: { line, character: name.length } }, hasFallback, kind };
}

test('readsOf and namesRead answer per folder; an app folder does not see a sibling', () => {
  const index = new CodeIndex();
  index.setFile('apps/web/src/a.ts', 'typescript', [read('DB_URL', 3), read('PORT', 5, 'read', true)]);
  index.setFile('apps/web/src/b.ts', 'typescript', [read('DB_URL', 1)]);
  index.setFile('apps/webhooks/main.py', 'python', [read('DB_URL', 2)]);
  index.setFile('compose.yaml', 'dockercompose', [read('PORT', 4, 'set')]);
  assert.deepEqual(index.readsOf('DB_URL', 'apps/web').map((r) => `${r.path}:${r.read.range.start.line}`), ['apps/web/src/a.ts:3', 'apps/web/src/b.ts:1']);
  assert.deepEqual(index.readsOf('DB_URL').map((r) => r.path), ['apps/web/src/a.ts', 'apps/web/src/b.ts', 'apps/webhooks/main.py']);
  assert.deepEqual(index.readsOf('DB_URL', (path) => path.endsWith('.py')).map((r) => r.language), ['python']);
  assert.deepEqual(index.namesRead('apps/web'), ['DB_URL', 'PORT']);
  assert.deepEqual(index.namesRead('apps/webhooks/'), ['DB_URL']);
  assert.deepEqual(index.namesRead('.'), ['DB_URL', 'PORT']);
  assert.deepEqual(index.namesRead('', 'set'), ['PORT']);
  assert.deepEqual(index.readsOf('PORT').map((r) => r.read.kind), ['read', 'set']);
  assert.deepEqual(index.readsOf('NOPE'), []);
});

test('setFile replaces a file’s reads; deleteFile and deleteFolder remove them; generation moves on change', () => {
  const index = new CodeIndex();
  index.setFile('src/a.ts', 'typescript', [read('A'), read('B')]);
  const first = index.generation;
  index.setFile('src/a.ts', 'typescript', [read('B')]);
  assert.ok(index.generation > first);
  assert.deepEqual(index.namesRead(), ['B']);
  index.setFile('src/a.ts', 'typescript', []);
  assert.equal(index.size, 0, 'a file without reads is not kept');
  assert.deepEqual(index.namesRead(), []);
  index.setFile('src/a.ts', 'typescript', [read('A')]);
  index.setFile('src/deep/b.ts', 'typescript', [read('A')]);
  index.setFile('srcx/c.ts', 'typescript', [read('A')]);
  index.deleteFile('src/a.ts');
  assert.deepEqual(index.readsOf('A').map((r) => r.path), ['src/deep/b.ts', 'srcx/c.ts']);
  const before = index.generation;
  index.deleteFile('src/never.ts');
  assert.equal(index.generation, before, 'nothing changed');
  index.deleteFolder('src');
  assert.deepEqual(index.readsOf('A').map((r) => r.path), ['srcx/c.ts']);
});

test('memory is bounded: files and reads per file are capped, and what is left out is told', () => {
  const index = new CodeIndex({ maxFiles: 2, maxReadsPerFile: 3 });
  index.setFile('a.ts', 'typescript', [read('A1'), read('A2'), read('A3'), read('A4')]);
  index.setFile('b.ts', 'typescript', [read('B')]);
  index.setFile('c.ts', 'typescript', [read('C')]);
  assert.equal(index.size, 2);
  assert.deepEqual(index.namesRead(), ['A1', 'A2', 'A3', 'B']);
  assert.deepEqual([...index.truncated], [['a.ts', 'reads'], ['c.ts', 'file']]);
  index.deleteFile('b.ts');
  index.setFile('c.ts', 'typescript', [read('C')]);
  assert.deepEqual(index.namesRead(), ['A1', 'A2', 'A3', 'C']);
  assert.deepEqual([...index.truncated], [['a.ts', 'reads']]);
});

test('codeLanguageOf maps names and extensions', () => {
  const cases: Record<string, string | undefined> = {
    'src/a.ts': 'typescript', 'a.d.ts': undefined, 'a.tsx': 'typescriptreact', 'a.mjs': 'javascript', 'a.jsx': 'javascriptreact',
    'app.py': 'python', 'main.go': 'go', 'config/app.rb': 'ruby', 'Rakefile': 'ruby', 'index.php': 'php', 'main.rs': 'rust',
    'run.sh': 'shellscript', 'x.bash': 'shellscript', 'Dockerfile': 'dockerfile', 'docker/Dockerfile.dev': 'dockerfile',
    'api.dockerfile': 'dockerfile', 'Containerfile': 'dockerfile', 'compose.yaml': 'dockercompose', 'docker-compose.yml': 'dockercompose',
    'docker-compose.override.yml': 'dockercompose', 'compose.prod.yaml': 'dockercompose', 'config.yaml': undefined, 'README.md': undefined,
    'Makefile': undefined, 'script': undefined,
  };
  for (const [path, language] of Object.entries(cases)) assert.equal(codeLanguageOf(path), language, path);
});
