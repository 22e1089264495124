// The project's rules, fixes, hover and completion on the pure service: a ProjectModel in memory,
// projectContextFor, then validate / hover / completion with that context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { ProjectModel } from '../server/src/service/project/model';
import { projectContextFor, type GitFacts, type ProjectContext } from '../server/src/service/project/context';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate, type DiagnosticData } from '../server/src/service/validate';
import { getHover } from '../server/src/service/hover';
import { getCompletions, resolveCompletion } from '../server/src/service/completion';
import { quickFixes } from '../server/src/service/codeActions';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { makeSchema } from './support/testSchema';
import { applyLspEdits } from './support/lspEdits';
import type { ResolvedSchema } from '../server/src/service/schema/types';

const pkg = (deps: Record<string, string>) => JSON.stringify({ dependencies: deps });

function project(files: Record<string, string>, path: string, git?: GitFacts): ProjectContext {
  const model = new ProjectModel(Object.entries(files).map(([p, text]) => ({ path: p, text })));
  return projectContextFor(model, path, git)!;
}

function check(files: Record<string, string>, path: string, options: { git?: GitFacts; schemas?: ResolvedSchema[] } = {}): Diagnostic[] {
  const ctx = project(files, path, options.git);
  const schemas = options.schemas ?? [];
  return validate({ doc: parseEnv(files[path]), schemas, certainty: schemas.length ? 'explicit' : 'none', project: ctx });
}

const only = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const messages = (diagnostics: Diagnostic[], code: string) => only(diagnostics, code).map((d) => d.message);
const fixesOf = (d: Diagnostic) => (d.data as DiagnosticData).fixes;
const fix = (d: Diagnostic, title: string) => {
  const found = fixesOf(d).find((f) => f.title === title);
  assert.ok(found, `no fix "${title}" in ${JSON.stringify(fixesOf(d).map((f) => f.title))}`);
  return found!;
};

// ------------------------------------------------------------ shadowedVariable

test('shadowedVariable: Next.js order, overridden in development and production, in effect in test', () => {
  const files = { 'package.json': pkg({ next: '15' }), '.env': 'API_URL=http://prod\nPORT=3000\n', '.env.local': 'API_URL=http://localhost\n' };
  const found = only(check(files, '.env'), 'shadowedVariable');
  assert.deepEqual(found.map((d) => d.message), ['API_URL is overridden by .env.local in development and production (Next.js order).']);
  assert.equal(found[0].range.start.line, 0);
  assert.equal(found[0].tags, undefined, 'in effect in test: not unnecessary');
  assert.deepEqual(messages(check(files, '.env.local'), 'shadowedVariable'), [], 'the winner is not shadowed');
});

test('shadowedVariable: unnecessary where the line takes effect in no mode', () => {
  const files = {
    'package.json': pkg({ next: '15' }),
    '.env': 'API_URL=http://prod\n',
    '.env.development': 'API_URL=http://dev\n',
    '.env.production': 'API_URL=http://prod2\n',
    '.env.test': 'API_URL=http://test\n',
  };
  const [d] = only(check(files, '.env'), 'shadowedVariable');
  assert.equal(d.message, 'API_URL is overridden by .env.development in development (Next.js order); by .env.production in production (Next.js order); by .env.test in test (Next.js order); this line takes effect in no mode.');
  assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
});

test('shadowedVariable: Vite order, later files win', () => {
  const files = { 'package.json': pkg({ vite: '6' }), '.env': 'VITE_API=a\n', '.env.production': 'VITE_API=b\n' };
  assert.deepEqual(messages(check(files, '.env'), 'shadowedVariable'), ['VITE_API is overridden by .env.production in production (Vite order).']);
  assert.deepEqual(messages(check(files, '.env.production'), 'shadowedVariable'), []);
});

test('shadowedVariable: docker compose env_file, the last file wins', () => {
  const files = {
    'compose.yaml': 'services:\n  web:\n    env_file:\n      - common.env\n      - web.env\n',
    'common.env': 'LOG_LEVEL=info\nREGION=eu\n',
    'web.env': 'LOG_LEVEL=debug\n',
  };
  const [d] = only(check(files, 'common.env'), 'shadowedVariable');
  assert.equal(d.message, 'LOG_LEVEL is overridden by web.env in compose:web (docker compose env_file order); this line takes effect in no mode.');
  assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
});

test('shadowedVariable: an explicit envls.loadOrder list is named by the setting, its one mode not named', () => {
  const files = { '.env': 'A=1\n', '.env.shared': 'A=2\n' };
  const model = new ProjectModel(Object.entries(files).map(([p, text]) => ({ path: p, text })), { loadOrder: { '.': ['.env', '.env.shared'] } });
  const ctx = projectContextFor(model, '.env.shared')!;
  const found = validate({ doc: parseEnv(files['.env.shared']), project: ctx }).filter((d) => d.code === 'shadowedVariable');
  assert.deepEqual(found.map((d) => d.message), ['A is overridden by .env (envls.loadOrder: first file wins); this line takes effect in no mode.']);
});

test('a file alone (no project) gets none of the project codes', () => {
  const doc = parseEnv('API_URL=x\nJWT_SECRET=changeme\n');
  const codes = validate({ doc }).map((d) => d.code);
  for (const code of ['shadowedVariable', 'missingExampleVariable', 'undocumentedVariable', 'notGitignored', 'insecureValue']) assert.ok(!codes.includes(code), code);
});

// ------------------------------------------------------------ missingRequired, merged

test('missingRequired counts the files loaded together: a .env.local of overrides lacks nothing .env sets', () => {
  const schema = makeSchema('t/app', [{ name: 'DATABASE_URL', required: { kind: 'always' } }, { name: 'API_KEY', required: { kind: 'always' } }]);
  const files = { 'package.json': pkg({ next: '15' }), '.env': 'DATABASE_URL=postgres://db\n', '.env.local': 'DATABASE_URL=postgres://localhost\n' };
  assert.deepEqual(messages(check(files, '.env.local', { schemas: [schema] }), 'missingRequired'), ['API_KEY is missing: required.']);
  const all = { ...files, '.env': 'DATABASE_URL=postgres://db\nAPI_KEY=k\n' };
  assert.deepEqual(messages(check(all, '.env.local', { schemas: [schema] }), 'missingRequired'), []);
  // Alone, the override file would lack both.
  assert.equal(validate({ doc: parseEnv(files['.env.local']), schemas: [schema], certainty: 'explicit' }).filter((d) => d.code === 'missingRequired').length, 1);
});

// ------------------------------------------------------------ missingExampleVariable

const EXAMPLE = [
  '# Copy to .env',
  '',
  '# Database',
  '# The primary database',
  'DATABASE_URL=postgres://localhost/app',
  'DB_POOL=10',
  '',
  '# Signing key for sessions',
  'JWT_SECRET=changeme',
  'SENTRY_DSN= # optional',
  '# optional: only for the mailer',
  'SMTP_HOST=',
  '',
  'PORT=3000',
  '',
].join('\n');

test('missingExampleVariable: each variable no layer sets, optional ones left out', () => {
  const files = { '.env.example': EXAMPLE, '.env': 'DB_POOL=5\n' };
  const found = only(check(files, '.env'), 'missingExampleVariable');
  assert.deepEqual(found.map((d) => d.message), [
    'DATABASE_URL from .env.example is not set in this file.',
    'JWT_SECRET from .env.example is not set in this file.',
    'PORT from .env.example is not set in this file.',
  ]);
  assert.equal(found[0].severity, 2);
});

test('missingExampleVariable: "Add X from .env.example" inserts the comments and the value, never a sensitive one', () => {
  const files = { '.env.example': EXAMPLE, '.env': 'DB_POOL=5' };
  const found = only(check(files, '.env'), 'missingExampleVariable');
  const text = files['.env'];
  assert.equal(applyLspEdits(text, fix(found[0], 'Add DATABASE_URL from .env.example').edits), 'DB_POOL=5\n# Database\n# The primary database\nDATABASE_URL=postgres://localhost/app\n');
  assert.equal(applyLspEdits(text, fix(found[1], 'Add JWT_SECRET from .env.example').edits), 'DB_POOL=5\n# Signing key for sessions\nJWT_SECRET=\n');
});

test('missingExampleVariable: "Add all missing" keeps the example order and grouping', () => {
  const files = { '.env.example': EXAMPLE, '.env': 'DB_POOL=5\n' };
  const [first] = only(check(files, '.env'), 'missingExampleVariable');
  assert.equal(
    applyLspEdits(files['.env'], fix(first, 'Add all missing from .env.example').edits),
    'DB_POOL=5\n# Database\n# The primary database\nDATABASE_URL=postgres://localhost/app\n\n# Signing key for sessions\nJWT_SECRET=\n\nPORT=3000\n',
  );
});

test('missingExampleVariable: a variable set by another layer is not missing; the example itself is not checked', () => {
  const files = { 'package.json': pkg({ next: '15' }), '.env.example': 'A=1\nB=2\n', '.env': 'A=1\nB=2\n', '.env.local': 'B=3\n' };
  assert.deepEqual(messages(check(files, '.env.local'), 'missingExampleVariable'), []);
  const partial = { ...files, '.env': 'B=2\n' };
  assert.deepEqual(messages(check(partial, '.env.local'), 'missingExampleVariable'), ['A from .env.example is not set by this file or the files loaded with it.']);
  assert.deepEqual(check(files, '.env.example').filter((d) => d.source === 'envls').map((d) => d.code), []);
});

test('an empty .env copied from nothing: every listed variable is missing, and CRLF files get CRLF lines', () => {
  const files = { '.env.example': 'A=1\r\n\r\nB=2\r\n', '.env': 'X=1\r\n' };
  const [first] = only(check(files, '.env'), 'missingExampleVariable');
  assert.equal(applyLspEdits(files['.env'], fix(first, 'Add all missing from .env.example').edits), 'X=1\r\nA=1\r\n\r\nB=2\r\n');
});

// ------------------------------------------------------------ undocumentedVariable

test('undocumentedVariable: the fix adds the variable to the example, its value only when not sensitive', () => {
  const files = { '.env.example': 'A=1', '.env': 'A=2\nFEATURE=beta\nSTRIPE_SECRET_KEY=sk_live_x\nDB=postgres://u:pw@h/db\n' };
  const found = only(check(files, '.env'), 'undocumentedVariable');
  assert.deepEqual(found.map((d) => d.message), ['FEATURE is not listed in .env.example.', 'STRIPE_SECRET_KEY is not listed in .env.example.', 'DB is not listed in .env.example.']);
  assert.equal(found[0].severity, 3);
  const added = found.map((d) => {
    const f = fixesOf(d)[0];
    assert.deepEqual(f.target, { path: '.env.example' });
    assert.equal(f.safe, undefined);
    return applyLspEdits(files['.env.example'], f.edits);
  });
  assert.deepEqual(added, ['A=1\nFEATURE=beta\n', 'A=1\nSTRIPE_SECRET_KEY=\n', 'A=1\nDB=\n']);
});

test('quick fixes that edit another file become WorkspaceEdits of that file, or are left out without a URI for it', () => {
  const files = { '.env.example': 'A=1\n', '.env': 'A=2\nB=3\n' };
  const diagnostics = check(files, '.env');
  const actions = quickFixes('file:///w/.env', diagnostics, undefined, (path) => `file:///w/${path}`);
  const action = actions.find((a) => a.title === 'Add B to .env.example')!;
  assert.deepEqual(action.edit, { changes: { 'file:///w/.env.example': [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'B=3\n' }] } });
  assert.equal(quickFixes('file:///w/.env', diagnostics).find((a) => a.title === 'Add B to .env.example'), undefined);
});

// ------------------------------------------------------------ insecureValue from the example

test('insecureValue: a secret still at the example value, with the generate fix; never a non-secret, never in the example', () => {
  const files = { '.env.example': EXAMPLE, '.env': EXAMPLE.replace('# Copy to .env', '# mine') };
  const diagnostics = check(files, '.env');
  const found = only(diagnostics, 'insecureValue');
  assert.deepEqual(found.map((d) => d.message), ['JWT_SECRET still holds the placeholder from .env.example; anyone who can read the example knows it.']);
  const generate = fix(found[0], 'Generate a strong random value for JWT_SECRET');
  assert.match(applyLspEdits(files['.env'], generate.edits), /\nJWT_SECRET=[A-Za-z0-9_-]{32}\n/);
  assert.deepEqual(only(check(files, '.env.example'), 'insecureValue'), []);
  // A faithful copy: nothing is missing, nothing undocumented.
  assert.deepEqual(diagnostics.map((d) => d.code), ['insecureValue']);
});

test('insecureValue from the example: an empty example value or a changed secret is fine; a schema finding is not doubled', () => {
  assert.deepEqual(only(check({ '.env.example': 'API_TOKEN=\n', '.env': 'API_TOKEN=\n' }, '.env'), 'insecureValue'), []);
  assert.deepEqual(only(check({ '.env.example': 'API_TOKEN=x\n', '.env': 'API_TOKEN=Zq3vR8tLw2NpY6cKd9FhJ4mB\n' }, '.env'), 'insecureValue'), []);
  const schema = makeSchema('t/app', [{ name: 'AUTH_KEY', type: 'secret', placeholders: ['changeme'] }]);
  const found = only(check({ '.env.example': 'AUTH_KEY=changeme\n', '.env': 'AUTH_KEY=changeme\n' }, '.env', { schemas: [schema] }), 'insecureValue');
  assert.equal(found.length, 1);
  assert.match(String(found[0].message), /documented placeholder/);
});

// ------------------------------------------------------------ notGitignored

test('notGitignored: silent outside a repository and on ignored files, examples and schemas', () => {
  const files = { '.env': 'A=1\n', '.env.example': 'A=\n' };
  assert.deepEqual(only(check(files, '.env'), 'notGitignored'), []);
  assert.deepEqual(only(check(files, '.env', { git: { ignored: true, tracked: false } }), 'notGitignored'), []);
  assert.deepEqual(only(check(files, '.env.example', { git: { ignored: false, tracked: true } }), 'notGitignored'), []);
});

test('notGitignored: the message, stronger when tracked, and the fix adds the pattern to the nearest .gitignore', () => {
  const files = { 'apps/web/package.json': '{}', 'apps/web/.env.local': 'A=1\n' };
  const [d] = only(check(files, 'apps/web/.env.local', { git: { ignored: false, tracked: false, gitignore: { path: '.gitignore', text: 'node_modules' } } }), 'notGitignored');
  assert.equal(d.message, '.env.local is not ignored by git: its values would be committed. Add it to .gitignore.');
  assert.equal(d.severity, 2);
  const f = fix(d, 'Add /apps/web/.env.local to .gitignore');
  assert.deepEqual(f.target, { path: '.gitignore' });
  assert.equal(applyLspEdits('node_modules', f.edits), 'node_modules\n/apps/web/.env.local\n');

  const [tracked] = only(check(files, 'apps/web/.env.local', { git: { ignored: false, tracked: true, gitignore: { path: 'apps/web/.gitignore' } } }), 'notGitignored');
  assert.match(String(tracked.message), /is tracked by git: its values are in the repository's history/);
  const create = fix(tracked, 'Add .env.local to apps/web/.gitignore');
  assert.deepEqual(create.target, { path: 'apps/web/.gitignore', create: true });
  const [action] = quickFixes('file:///w/apps/web/.env.local', [tracked], undefined, (p) => `file:///w/${p}`);
  assert.deepEqual(action.edit?.documentChanges?.[0], { kind: 'create', uri: 'file:///w/apps/web/.gitignore', options: { ignoreIfExists: true } });
});

// ------------------------------------------------------------ hover and completion

test('hover on a key: the effective value per mode and its file, masked when sensitive, and what overrides it', () => {
  const files = {
    'package.json': pkg({ next: '15' }),
    '.env.example': '# Where the API lives\nAPI_URL=http://example\n',
    '.env': 'API_URL=http://prod\nAPI_TOKEN=shared-token-value\n',
    '.env.local': 'API_URL=http://localhost\nAPI_TOKEN=local-token-value\n',
  };
  const ctx = project(files, '.env', undefined);
  const doc = parseEnv(files['.env']);
  const text = (line: number) => {
    const hover = getHover(doc, schemaSetFor([]), { line, character: 1 }, ctx)!;
    return (hover.contents as { value: string }).value;
  };
  const api = text(0);
  assert.ok(api.includes('From .env.example: Where the API lives'), api);
  assert.ok(api.includes('**Effective value** (Next.js order):\n- development: `` http://localhost `` from .env.local\n- production: `` http://localhost `` from .env.local\n- test: `` http://prod `` from .env'), api);
  assert.ok(api.includes('Overridden by .env.local in development, production'), api);
  const token = text(1);
  assert.ok(!token.includes('token-value'), token);
  assert.ok(token.includes('- development: `` •••••••• (hidden: sensitive) `` from .env.local'), token);
  const localCtx = project(files, '.env.local');
  const local = (getHover(parseEnv(files['.env.local']), schemaSetFor([]), { line: 0, character: 1 }, localCtx)!.contents as { value: string }).value;
  assert.ok(local.includes('Overrides .env in development, production'), local);
});

test('completion: an empty .env completes every name of the example, with its non-sensitive values and comments', () => {
  const files = { '.env.example': '# Port to listen on\nPORT=3000\nJWT_SECRET=changeme\n', '.env': '' };
  const ctx = project(files, '.env');
  const doc = parseEnv('');
  const list = getCompletions(doc, schemaSetFor([]), { line: 0, character: 0 }, { project: ctx });
  assert.deepEqual(list.items.map((i) => [i.label, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : undefined]), [
    ['PORT', 'PORT=${1:3000}'],
    ['JWT_SECRET', 'JWT_SECRET=$0'],
  ]);
  const resolved = resolveCompletion({ ...list.items[0] }, schemaSetFor([]), ctx);
  assert.deepEqual(resolved.documentation, { kind: 'markdown', value: '**PORT** — from .env.example\n\nPort to listen on' });
  const valueDoc = parseEnv('PORT=\nJWT_SECRET=\n');
  const values = getCompletions(valueDoc, schemaSetFor([]), { line: 0, character: 5 }, { project: ctx });
  assert.deepEqual(values.items.map((i) => i.label), ['3000']);
  const secret = getCompletions(valueDoc, schemaSetFor([]), { line: 1, character: 11 }, { project: ctx });
  assert.ok(!secret.items.some((i) => i.label === 'changeme'));
});

test('invalidValue: a placeholder in an example is no value of the type; the same in a values file still is', () => {
  // vercel/ai-chatbot's .env.example holds `****` for a URL (test/fixtures/real-apps).
  const schema = makeSchema('t/app', [{ name: 'SERVICE_URL', type: 'url' }]);
  const files = { '.env.example': 'SERVICE_URL=****\n', '.env': 'SERVICE_URL=****\n' };
  assert.deepEqual(only(check(files, '.env.example', { schemas: [schema] }), 'invalidValue'), []);
  assert.equal(only(check(files, '.env', { schemas: [schema] }), 'invalidValue').length, 1);
  // A real value of the wrong type in an example is still reported.
  assert.equal(only(check({ '.env.example': 'SERVICE_URL=just words\n' }, '.env.example', { schemas: [schema] }), 'invalidValue').length, 1);
});
