// The pure project model: roles, apps of a monorepo, layers, effective values, overrides, examples, updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectModel, type ProjectFileInput } from '../server/src/service/project/model';
import { roleOfName } from '../server/src/service/project/roles';
import { readLoadOrderSetting } from '../server/src/service/project/loadOrderSetting';
import { pythonRequires, gemfileHas } from '../server/src/service/project/manifests';
import { seededRandom } from './support/randomEnv';

const pkg = (deps: Record<string, string> = {}) => JSON.stringify({ dependencies: deps });
const inputs = (files: Record<string, string>): ProjectFileInput[] => Object.entries(files).map(([path, text]) => ({ path, text }));

test('roles from file names', () => {
  const cases: Record<string, ReturnType<typeof roleOfName>> = {
    '.env': { role: 'values' },
    'prod.env': { role: 'values' },
    '.env-local': { role: 'values' },
    '.env.production': { role: 'mode', mode: 'production' },
    '.env.local': { role: 'local' },
    '.env.production.local': { role: 'local', mode: 'production' },
    '.env.example': { role: 'example' },
    '.env.sample': { role: 'example' },
    '.env.template': { role: 'example' },
    '.env.dist': { role: 'example' },
    'example.env': { role: 'example' },
    '.env-example': { role: 'example' },
    '.env.production.example': { role: 'example', mode: 'production' },
    '.env.schema': { role: 'schema' },
    'package.json': undefined,
    '.envrc': undefined,
  };
  for (const [name, role] of Object.entries(cases)) assert.deepEqual(roleOfName(name), role, name);
});

test('manifest readers: PEP 503 names, Gemfile gems', () => {
  assert.ok(pythonRequires('python_dotenv==1.0\n', 'python-dotenv'));
  assert.ok(pythonRequires('[project]\ndependencies = [\n  "Python-Dotenv[cli]>=1",\n]\n', 'python-dotenv'));
  assert.ok(!pythonRequires('python-dotenv-extra==1\n', 'python-dotenv'));
  assert.ok(!pythonRequires('# python-dotenv is not used\n', 'python-dotenv'));
  assert.ok(gemfileHas('gem "dotenv", "~> 3.0"\n', 'dotenv'));
  assert.ok(!gemfileHas('gem "dotenv-rails"\n', 'dotenv'));
});

test('monorepo: each env file belongs to its nearest folder with a manifest, else the workspace folder', () => {
  const m = new ProjectModel(inputs({
    'package.json': pkg(),
    '.env': 'ROOT=1\n',
    'apps/web/package.json': pkg({ next: '15' }),
    'apps/web/.env.local': 'A=1\n',
    'apps/web/config/.env.extra': 'A=1\n',
    'services/api/pyproject.toml': '[project]\ndependencies = ["python-dotenv"]\n',
    'services/api/.env': 'A=1\n',
    'services/worker/go.mod': 'module worker\n',
    'services/worker/.env': 'A=1\n',
    'tools/no-manifest/.env': 'A=1\n',
    'README.md': '# not in the model\n',
  }));
  assert.deepEqual(m.allApps().map((a) => [a.folder, a.plan.convention]), [
    ['', 'dotenv'],
    ['apps/web', 'nextjs'],
    ['services/api', 'python-dotenv'],
    ['services/worker', 'dotenv'],
  ]);
  assert.equal(m.appOf('apps/web/config/.env.extra')!.folder, 'apps/web');
  assert.equal(m.appOf('tools/no-manifest/.env')!.folder, '');
  assert.deepEqual(m.app('')!.envFiles.map((f) => f.path), ['.env', 'tools/no-manifest/.env']);
  assert.deepEqual(m.layersOf('tools/no-manifest/.env'), [], 'only the app folder\'s own .env loads');
  assert.deepEqual(m.layersOf('apps/web/.env.local').map((l) => l.mode), ['development', 'production']);
});

test('no manifest anywhere: the workspace folder is the app', () => {
  const m = new ProjectModel(inputs({ '.env': 'A=1\n', 'sub/.env': 'B=1\n' }));
  assert.deepEqual(m.allApps().map((a) => a.folder), ['']);
});

const nextApp = {
  'package.json': pkg({ next: '15' }),
  '.env': '# defaults\nDB_HOST=localhost\nDB_USER=myuser\nDB_USER=again\nAPI_URL=http://base\n',
  '.env.local': 'DB_HOST=my-laptop\n',
  '.env.development': 'API_URL=http://dev\n',
  '.env.production': 'API_URL=https://prod\n',
  '.env.example': 'DB_HOST=\nDB_USER=\nAPI_URL=\nJWT_SECRET=changeme\n',
};

test('effective value of a key in each mode and the file it comes from; last entry in a file wins', () => {
  const m = new ProjectModel(inputs(nextApp));
  const value = (path: string, key: string) => m.effectiveValue(path, key).map((v) => [v.mode, v.effective?.value, v.effective?.path]);
  assert.deepEqual(value('.env', 'DB_HOST'), [
    ['development', 'my-laptop', '.env.local'],
    ['production', 'my-laptop', '.env.local'],
    ['test', 'localhost', '.env'],
  ]);
  assert.deepEqual(value('.env', 'DB_USER'), [['development', 'again', '.env'], ['production', 'again', '.env'], ['test', 'again', '.env']]);
  assert.deepEqual(value('.env', 'API_URL').map((v) => v[1]), ['http://dev', 'https://prod', 'http://base']);
  // A file no mode loads (the example) shows every mode of its app.
  assert.deepEqual(value('.env.example', 'JWT_SECRET'), [['development', undefined, undefined], ['production', undefined, undefined], ['test', undefined, undefined]]);
  assert.equal(m.effectiveValue('.env', 'DB_HOST')[0].effective!.entry.line, 0);
});

test('overrides: what an entry overrides and is overridden by, per mode', () => {
  const m = new ProjectModel(inputs(nextApp));
  assert.deepEqual(m.overridesOf('.env', 'DB_HOST').map((o) => [o.mode, o.wins, o.winner, o.overriddenBy, o.overrides]), [
    ['development', false, '.env.local', ['.env.local'], []],
    ['production', false, '.env.local', ['.env.local'], []],
    ['test', true, '.env', [], []],
  ]);
  assert.deepEqual(m.overridesOf('.env.local', 'DB_HOST').map((o) => [o.mode, o.wins, o.overrides]), [
    ['development', true, ['.env']],
    ['production', true, ['.env']],
  ]);
  assert.deepEqual(m.overridesOf('.env.development', 'API_URL').map((o) => [o.mode, o.wins, o.overrides]), [['development', true, ['.env']]]);
  assert.deepEqual(m.overridesOf('.env', 'NOT_THERE'), []);
  // An earlier duplicate entry is read in no mode: its own file's later entry wins over it.
  const doc = m.document('.env')!;
  const [firstUser, lastUser] = doc.entries.filter((e) => e.key === 'DB_USER');
  assert.deepEqual(m.overridesOf('.env', 'DB_USER', firstUser).map((o) => [o.mode, o.wins, o.overriddenBy, o.overriddenInFile]), [
    ['development', false, ['.env'], true],
    ['production', false, ['.env'], true],
    ['test', false, ['.env'], true],
  ]);
  assert.deepEqual(m.overridesOf('.env', 'DB_USER', lastUser).map((o) => [o.wins, o.overriddenInFile]), [[true, undefined], [true, undefined], [true, undefined]]);
  assert.deepEqual(m.layersOf('.env.development')[0].files, ['.env.local', '.env.development', '.env']);
});

test('nearest example: own mode first, then .env.example, in the file\'s folder then up to the app folder', () => {
  const m = new ProjectModel(inputs({
    'package.json': pkg(),
    '.env': '',
    '.env.sample': '',
    '.env.example': '',
    '.env.production': '',
    '.env.production.example': '',
    'docker/.env': '',
    'other/package.json': pkg(),
    'other/.env': '',
  }));
  assert.equal(m.nearestExample('.env'), '.env.example');
  assert.equal(m.nearestExample('.env.production'), '.env.production.example');
  assert.equal(m.nearestExample('docker/.env'), '.env.example');
  assert.equal(m.nearestExample('other/.env'), undefined, 'an example of another app is not this app\'s contract');
  assert.equal(m.nearestExample('.env.example'), '.env.sample');
});

test('compose: env_file forms, raw format, paths outside the workspace, project .env for interpolation', () => {
  const m = new ProjectModel(inputs({
    'deploy/compose.yaml': [
      'x-env: &env',
      '  env_file: [./common.env]',
      'services:',
      '  web:',
      '    <<: *env',
      '  api:',
      '    env_file:',
      '      - path: ./api.env',
      '        required: false',
      '      - path: ../secrets/raw.env',
      '        format: raw',
      '      - /etc/absolute.env',
      '      - ../../outside.env',
    ].join('\n'),
    'deploy/common.env': 'A=1\n',
    'deploy/api.env': 'A=2\n',
    'secrets/raw.env': 'A=3\n',
    'deploy/.env': 'TAG=1\n',
    '.env': 'ROOT=1\n',
  }));
  assert.deepEqual(m.composeReads('deploy/common.env'), { envFileOf: [{ composeFile: 'deploy/compose.yaml', service: 'web', raw: false }], interpolationFor: [] });
  assert.deepEqual(m.composeReads('secrets/raw.env').envFileOf, [{ composeFile: 'deploy/compose.yaml', service: 'api', raw: true }]);
  assert.deepEqual(m.composeReads('deploy/.env'), { envFileOf: [], interpolationFor: ['deploy/compose.yaml'] });
  assert.deepEqual(m.composeReads('.env'), { envFileOf: [], interpolationFor: [] });
  assert.deepEqual(m.app('')!.orders.get('compose:api'), ['secrets/raw.env', 'deploy/api.env']);
});

test('compose: bad YAML and alias bombs read as no services, without throwing', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'services: {}'].join('\n');
  for (const text of ['services: [unclosed', bomb, '- just a list', '']) {
    const m = new ProjectModel(inputs({ 'compose.yaml': text, '.env': 'A=1\n' }));
    assert.deepEqual(m.composeReads('.env').envFileOf, []);
  }
});

test('envls.loadOrder is read tolerantly', () => {
  assert.equal(readLoadOrderSetting('vite'), 'vite');
  assert.equal(readLoadOrderSetting(42), undefined);
  assert.deepEqual(readLoadOrderSetting({ a: 'vite', b: ['.env', 3], c: { files: ['.env'], override: 'yes' }, d: { nope: 1 } }), {
    a: 'vite',
    b: ['.env'],
    c: { files: ['.env'], override: false },
  });
});

test('env files are read only when a query needs them', () => {
  let reads = 0;
  const m = new ProjectModel([
    { path: 'package.json', text: pkg({ next: '15' }) },
    { path: '.env', text: () => (reads++, 'A=1\n') },
    { path: '.env.local', text: () => (reads++, 'B=1\n') },
  ]);
  assert.equal(m.app('')!.orders.get('development')!.length, 2);
  assert.equal(reads, 0);
  assert.equal(m.effectiveValues('', 'development').get('A')!.value, '1');
  assert.equal(reads, 2);
  m.effectiveValues('', 'production');
  assert.equal(reads, 2, 'parsed once');
});

/** A comparable snapshot of everything the model answers. */
function snapshot(m: ProjectModel, paths: string[], keys: string[]): unknown {
  return {
    apps: m.allApps().map((a) => ({ folder: a.folder, convention: a.plan.convention, orders: [...a.orders], env: a.envFiles.map((f) => f.path) })),
    values: paths.map((p) => keys.map((k) => m.effectiveValue(p, k).map((v) => [v.app, v.mode, v.effective?.value, v.effective?.path]))),
    overrides: paths.map((p) => keys.map((k) => m.overridesOf(p, k))),
    examples: paths.map((p) => m.nearestExample(p)),
    layers: paths.map((p) => m.layersOf(p)),
    compose: paths.map((p) => m.composeReads(p)),
  };
}

test('incremental updates give the same answers as a model built from scratch (random add/change/delete)', () => {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const folders = ['', 'apps/a', 'apps/b', 'apps/b/nested'];
  const names = ['.env', '.env.local', '.env.development', '.env.production.local', '.env.example', '.env.staging'];
  const manifests = [pkg({ next: '1' }), pkg({ vite: '1' }), pkg(), 'gem "dotenv-rails"\n'];
  const keys = ['A', 'B', 'C'];
  const files = new Map<string, string>();
  const m = new ProjectModel();
  for (let step = 0; step < 600; step++) {
    const folder = pick(folders);
    const r = random();
    let path: string;
    let text: string;
    if (r < 0.15) {
      const manifest = pick(manifests);
      path = `${folder === '' ? '' : folder + '/'}${manifest.startsWith('gem') ? 'Gemfile' : 'package.json'}`;
      text = manifest;
    } else if (r < 0.2) {
      path = `${folder === '' ? '' : folder + '/'}compose.yaml`;
      // `../` reaches a file of another app: adding or removing it must update this app's orders too.
      text = `services:\n  s:\n    env_file: [${pick(names)}, ../${pick(names)}, ${pick(names)}]\n`;
    } else {
      path = `${folder === '' ? '' : folder + '/'}${pick(names)}`;
      text = keys.filter(() => random() < 0.6).map((k) => `${k}=${Math.floor(random() * 10)}`).join('\n');
    }
    if (files.has(path) && random() < 0.35) {
      files.delete(path);
      m.deleteFile(path);
    } else {
      files.set(path, text);
      m.setFile({ path, text });
    }
    if (step % 10 === 9) {
      const envPaths = [...files.keys()].filter((p) => roleOfName(p.slice(p.lastIndexOf('/') + 1)));
      const fresh = new ProjectModel([...files].map(([p, t]) => ({ path: p, text: t })));
      assert.deepEqual(snapshot(m, envPaths, keys), snapshot(fresh, envPaths, keys), `after step ${step}`);
    }
  }
});

test('a new envls.loadOrder re-plans every app', () => {
  const m = new ProjectModel(inputs({ 'package.json': pkg(), '.env': 'A=1\n', '.env.local': 'A=2\n' }));
  assert.equal(m.effectiveValues('', 'default').get('A')!.path, '.env');
  m.setOptions({ loadOrder: { '.': ['.env.local', '.env'] } });
  assert.equal(m.app('')!.plan.convention, 'explicit');
  assert.equal(m.effectiveValues('', 'default').get('A')!.path, '.env.local');
});
