// Each convention's order, replayed from the example of the documentation its module cites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectModel, type ProjectFileInput } from '../server/src/service/project/model';
import { CONVENTIONS } from '../server/src/service/project/conventions';

const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}) => JSON.stringify({ dependencies: deps, scripts });

function model(files: Record<string, string>, options = {}): ProjectModel {
  const inputs: ProjectFileInput[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return new ProjectModel(inputs, options);
}

/** The value of `key` the program reads in `mode` of the app at `folder`, with its file. */
function read(m: ProjectModel, mode: string, key: string, folder = ''): [string, string] | undefined {
  const effective = m.effectiveValues(folder, mode).get(key);
  return effective && [effective.value, effective.path];
}

test('every convention cites its documentation', () => {
  for (const convention of CONVENTIONS.values()) assert.match(convention.source, /^https:\/\//, convention.name);
});

test('Next.js: .env.development.local wins over .env in development (the load-order example); .env.local is not read in test', () => {
  const m = model({
    'package.json': pkg({ next: '15.0.0' }),
    '.env': 'DB_HOST=from-env\nONLY_BASE=1\n',
    '.env.development.local': 'DB_HOST=from-dev-local\n',
    '.env.local': 'DB_HOST=from-local\nLOCAL=1\n',
    '.env.test': 'DB_HOST=from-test\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'nextjs');
  assert.equal(app.plan.reason, 'package.json depends on next');
  assert.deepEqual([...app.orders.keys()], ['development', 'production', 'test']);
  assert.deepEqual(app.orders.get('development'), ['.env.development.local', '.env.local', '.env']);
  assert.deepEqual(app.orders.get('test'), ['.env.test', '.env']);
  assert.deepEqual(read(m, 'development', 'DB_HOST'), ['from-dev-local', '.env.development.local']);
  assert.deepEqual(read(m, 'production', 'DB_HOST'), ['from-local', '.env.local']);
  assert.deepEqual(read(m, 'test', 'DB_HOST'), ['from-test', '.env.test']);
  assert.equal(read(m, 'test', 'LOCAL'), undefined);
  assert.deepEqual(read(m, 'test', 'ONLY_BASE'), ['1', '.env']);
});

test('Vite: `vite build` reads .env.production; `--mode staging` reads .env.staging; mode files beat generic ones', () => {
  const m = model({
    'package.json': pkg({ vite: '6.0.0' }),
    '.env': 'VITE_APP_TITLE=generic\nDB_PASSWORD=foobar\n',
    '.env.local': 'VITE_APP_TITLE=generic-local\n',
    '.env.production': 'VITE_APP_TITLE=My App\n',
    '.env.staging': 'NODE_ENV=production\nVITE_APP_TITLE=My App (staging)\n',
    '.env.staging.local': 'EXTRA=1\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'vite');
  assert.deepEqual([...app.orders.keys()], ['development', 'production', 'staging']);
  assert.deepEqual(app.orders.get('staging'), ['.env.staging.local', '.env.staging', '.env.local', '.env']);
  assert.deepEqual(read(m, 'production', 'VITE_APP_TITLE'), ['My App', '.env.production']);
  assert.deepEqual(read(m, 'staging', 'VITE_APP_TITLE'), ['My App (staging)', '.env.staging']);
  assert.deepEqual(read(m, 'development', 'VITE_APP_TITLE'), ['generic-local', '.env.local']);
  assert.deepEqual(read(m, 'staging', 'DB_PASSWORD'), ['foobar', '.env']);
});

test('varlock: .env, .env.local, .env.[env], .env.[env].local in increasing precedence; a .env.schema alone names it, and is no layer', () => {
  // https://varlock.dev/guides/environments/ (its example: APP_ENV=development loads .env.development and .env.development.local).
  const m = model({
    'pyproject.toml': '[project]\nname = "api"\n',
    '.env.schema': '# @currentEnv=$APP_ENV\n# ---\n# @type=enum(development, test, staging, production)\nAPP_ENV=development\n',
    '.env': 'DB=env\nONLY_BASE=1\n',
    '.env.local': 'DB=local\n',
    '.env.development': 'DB=development\n',
    '.env.development.local': 'DB=development-local\n',
    '.env.staging': 'DB=staging\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'varlock');
  assert.equal(app.plan.reason, 'the app has a .env.schema (varlock)');
  assert.deepEqual([...app.orders.keys()], ['development', 'preview', 'staging', 'production', 'test']);
  assert.deepEqual(app.orders.get('development'), ['.env.development.local', '.env.development', '.env.local', '.env']);
  assert.deepEqual(read(m, 'development', 'DB'), ['development-local', '.env.development.local']);
  assert.deepEqual(read(m, 'staging', 'DB'), ['staging', '.env.staging']);
  assert.deepEqual(read(m, 'production', 'DB'), ['local', '.env.local']);
  assert.deepEqual(read(m, 'test', 'ONLY_BASE'), ['1', '.env']);
  assert.equal(read(m, 'development', 'APP_ENV'), undefined, 'the schema is not a layer');
  assert.equal(model({ 'package.json': pkg({ varlock: '0.1.0' }), '.env': '' }).app('')!.plan.reason, 'package.json depends on varlock');
  assert.equal(model({ 'package.json': pkg({ next: '15.0.0' }), '.env.schema': '', '.env': '' }).app('')!.plan.convention, 'nextjs', 'a framework loads its own files');
});

test('SvelteKit uses the order of Vite, which loads its files', () => {
  const m = model({ 'package.json': pkg({ '@sveltejs/kit': '2.0.0', vite: '6.0.0' }), '.env': 'A=1\n', '.env.production': 'A=2\n' });
  assert.equal(m.app('')!.plan.convention, 'sveltekit');
  assert.deepEqual(read(m, 'production', 'A'), ['2', '.env.production']);
});

test('Nuxt reads only .env (other files need --dotenv)', () => {
  const m = model({ 'package.json': pkg({ nuxt: '3.0.0', vite: '6.0.0' }), '.env': 'MY_ENV_VARIABLE=hello\n', '.env.local': 'MY_ENV_VARIABLE=local\n' });
  assert.equal(m.app('')!.plan.convention, 'nuxt');
  assert.deepEqual(read(m, 'default', 'MY_ENV_VARIABLE'), ['hello', '.env']);
  assert.deepEqual(m.layersOf('.env.local'), []);
});

test("Rails' dotenv: the README's precedence table, .env.local N/A in test", () => {
  const m = model({
    Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'dotenv-rails', groups: [:development, :test]\n",
    '.env': 'S3_BUCKET=base\n',
    '.env.local': 'S3_BUCKET=local\n',
    '.env.development': 'S3_BUCKET=dev\n',
    '.env.development.local': 'S3_BUCKET=dev-local\n',
    '.env.test': 'S3_BUCKET=test\n',
    '.env.test.local': 'S3_BUCKET=test-local\n',
    '.env.production': 'S3_BUCKET=prod\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'rails-dotenv');
  assert.deepEqual(app.orders.get('development'), ['.env.development.local', '.env.local', '.env.development', '.env']);
  assert.deepEqual(app.orders.get('test'), ['.env.test.local', '.env.test', '.env']);
  assert.deepEqual(app.orders.get('production'), ['.env.local', '.env.production', '.env']);
  assert.deepEqual(read(m, 'production', 'S3_BUCKET'), ['local', '.env.local']);
  assert.deepEqual(read(m, 'test', 'S3_BUCKET'), ['test-local', '.env.test.local']);
});

test('dotenvx: `run -f .env.local -f .env` gives local (first wins); with --overload, World (later wins)', () => {
  const m = model({
    'package.json': pkg({ '@dotenvx/dotenvx': '1.0.0' }, {
      first: 'dotenvx run -f .env.local -f .env -- node index.js',
      overload: 'dotenvx run -f .env.local -f .env --overload -- node index.js',
      plain: 'dotenvx run -- node index.js',
    }),
    '.env.local': 'HELLO=local\n',
    '.env': 'HELLO=World\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'dotenvx');
  assert.deepEqual(read(m, 'first', 'HELLO'), ['local', '.env.local']);
  assert.deepEqual(read(m, 'overload', 'HELLO'), ['World', '.env']);
  assert.deepEqual(read(m, 'plain', 'HELLO'), ['World', '.env']);
});

test("dotenv: `config({ path: ['.env.local', '.env'] })` set with envls.loadOrder: first wins, `override` makes the last win", () => {
  const files = { 'package.json': pkg({ dotenv: '17.0.0' }), '.env.local': 'A=local\n', '.env': 'A=base\nB=base\n' };
  assert.equal(model(files).app('')!.plan.convention, 'dotenv');
  assert.deepEqual(read(model(files), 'default', 'A'), ['base', '.env']);
  const first = model(files, { loadOrder: { '.': ['.env.local', '.env'] } });
  assert.equal(first.app('')!.plan.convention, 'explicit');
  assert.deepEqual(read(first, 'default', 'A'), ['local', '.env.local']);
  const override = model(files, { loadOrder: { '.': { files: ['.env.local', '.env'], override: true } } });
  assert.deepEqual(read(override, 'default', 'A'), ['base', '.env']);
});

test('python-dotenv and django-environ read .env', () => {
  const py = model({ 'pyproject.toml': '[project]\ndependencies = ["python-dotenv>=1.0", "fastapi"]\n', '.env': 'A=1\n' });
  assert.equal(py.app('')!.plan.convention, 'python-dotenv');
  const dj = model({ 'requirements.txt': 'Django==5.0\ndjango-environ==0.11.2\n', '.env': 'A=1\n' });
  assert.equal(dj.app('')!.plan.convention, 'django-environ');
  assert.deepEqual(read(dj, 'default', 'A'), ['1', '.env']);
});

test('docker compose: env_file [./a.env, ./b.env] — the value from the last file stands', () => {
  const m = model({
    'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file:\n      - ./a.env\n      - ./b.env\n  db:\n    env_file: .env\n',
    'a.env': 'VAR=a\nONLY_A=1\n',
    'b.env': 'VAR=b\n',
    '.env': 'TAG=1\n',
  });
  const app = m.app('')!;
  assert.equal(app.plan.convention, 'compose');
  assert.deepEqual([...app.orders.keys()], ['compose:web', 'compose:db']);
  assert.deepEqual(app.orders.get('compose:web'), ['b.env', 'a.env']);
  assert.deepEqual(read(m, 'compose:web', 'VAR'), ['b', 'b.env']);
  assert.deepEqual(read(m, 'compose:web', 'ONLY_A'), ['1', 'a.env']);
  assert.deepEqual(read(m, 'compose:db', 'TAG'), ['1', '.env']);
});

test('envls.loadOrder names a convention for some folders, globs and exact keys', () => {
  const files = {
    'apps/web/package.json': pkg({}),
    'apps/web/.env': 'A=1\n',
    'apps/web/.env.production': 'A=2\n',
    'apps/api/package.json': pkg({}),
    'apps/api/.env': 'A=1\n',
  };
  const m = model(files, { loadOrder: { 'apps/*': 'vite', 'apps/api': 'dotenv' } });
  assert.equal(m.app('apps/web')!.plan.convention, 'vite');
  assert.equal(m.app('apps/web')!.plan.reason, 'envls.loadOrder');
  assert.equal(m.app('apps/api')!.plan.convention, 'dotenv');
  assert.equal(model(files, { loadOrder: 'nextjs' }).app('apps/api')!.plan.convention, 'nextjs');
  // An unknown name is no choice: detection decides.
  assert.equal(model(files, { loadOrder: 'nope' }).app('apps/api')!.plan.convention, 'dotenv');
});
