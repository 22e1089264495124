/**
 * What gets published. A copy of the checkout (its git files, node_modules linked) is packed
 * twice, as a release would be: `npm pack` (the npm package), installed offline into a fresh
 * project where `npx envls check`, `require('envls')`, `import 'envls'` and the types work; and
 * `npm run package` (the .vsix), whose entries are listed. Working on a copy keeps the builds
 * these run from racing the other tests' use of dist/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './support/lspClient';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The code index's parsers: tree-sitter's runtime and the grammars it reads, beside the bundles. */
const TREE_SITTER_FILES = ['dist/tree-sitter.js', 'dist/tree-sitter.wasm', ...['javascript', 'typescript', 'tsx', 'python', 'go', 'ruby', 'php', 'rust', 'bash'].map((g) => `dist/tree-sitter-${g}.wasm`)];

function checkoutCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'envls-package-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    let stat;
    try {
      stat = statSync(join(REPO_ROOT, file));
    } catch {
      continue; // deleted in the work tree, not yet in the index
    }
    if (!stat.isFile()) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(copy, file));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
  // The bundles `npm test` has just built (npm pack below skips `prepare`; the .vsix build makes its own).
  cpSync(join(REPO_ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  return copy;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Entry names of a zip file, from its central directory. */
function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

const copy = checkoutCopy();

/** The builtin schemas as the bundles read them (dist/schemas/, written by the build): the index, the raw files, every body. */
const BUILTIN_SCHEMA_DATA = (() => {
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/schemas/index.json'), 'utf8')) as { schemas: { body: string }[] };
  assert.ok(index.schemas.length > 20);
  return ['dist/schemas/index.json', 'dist/schemas/sources.json', ...index.schemas.map((s) => `dist/schemas/${s.body}`)];
})();

test('npm pack: only runtime files, no dependencies; installed offline, npx envls check and the API work', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined, 'publishable');
  assert.equal(manifest.dependencies, undefined, 'everything the CLI and the API need is bundled');
  assert.match(manifest.engines.node, /^>=\d+$/);

  const packed = run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', copy], copy);
  assert.equal(packed.code, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout);
  const files = (info.files as { path: string }[]).map((f) => f.path).sort();
  for (const file of files) {
    assert.ok(!/\.map$|^test\/|^server\/|^client\/|^scripts\/|^bench\/|^\.|\.ts$/.test(file) || file === 'dist/api.d.ts', `${file} is not a runtime file`);
  }
  for (const needed of ['dist/cli.js', 'dist/api.js', 'dist/api.d.ts', 'dist/server.js', 'dist/re2js.js', 'dist/secretlint.js', 'dist/yaml.js', 'dist/schema-format.js', 'dist/env-spec-parser.js', ...TREE_SITTER_FILES, ...BUILTIN_SCHEMA_DATA, 'README.md', 'LICENSE', 'package.json', 'schemas/envls-schema.schema.json']) {
    assert.ok(files.includes(needed), `${needed} is missing`);
  }

  const project = mkdtempSync(join(tmpdir(), 'envls-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '-D', join(copy, info.filename)], project);
  assert.equal(install.code, 0, install.stderr);

  writeFileSync(join(project, '.env'), 'A=1\nA=2\nB="unclosed\n');
  const npx = run(NPM, ['exec', '--offline', '--no', '--', 'envls', 'check'], project);
  assert.equal(npx.code, 1, npx.stderr);
  assert.match(npx.stdout, /^\.env:3:3: error syntaxError /m);
  assert.match(npx.stdout, /^\.env:1:1: warning duplicateKey /m);
  assert.match(run(NPM, ['exec', '--offline', '--no', '--', 'envls', '--version'], project).stdout, new RegExp(`^${manifest.version.replace(/\./g, '\\.')}$`, 'm'));

  // The code index loads tree-sitter and its grammars from the installed package's dist/.
  writeFileSync(join(project, 'app.py'), 'import os\nurl = os.getenv("DB_URL", "x")  # os.getenv("NOT_THIS")\n');
  const usage = run(NPM, ['exec', '--offline', '--no', '--', 'envls', 'usage', 'DB_URL'], project);
  assert.equal(usage.code, 0, usage.stderr);
  assert.equal(usage.stdout, 'app.py:2:18 (fallback)\n');
  assert.equal(run(NPM, ['exec', '--offline', '--no', '--', 'envls', 'usage', 'NOT_THIS'], project).code, 1);

  const cjs = run(process.execPath, ['-e', `
    const { check, parse, rules } = require('envls');
    const result = check(['.env']);
    console.log(JSON.stringify({ errors: result.errorCount, warnings: result.warningCount, parsed: parse('X=1 # c'), rules: rules().length }));
  `], project);
  assert.equal(cjs.code, 0, cjs.stderr);
  assert.deepEqual(JSON.parse(cjs.stdout), { errors: 1, warnings: 1, parsed: { X: '1' }, rules: JSON.parse(cjs.stdout).rules });
  assert.ok(JSON.parse(cjs.stdout).rules > 20);
  // The builtin schemas come from the package's data files: a bound schema's body, and the raw
  // files a user schema file is composed with (it includes a builtin fragment).
  writeFileSync(join(project, 'mine.envls.json'), JSON.stringify({ id: 'mine', title: 'Mine', product: 'mine', include: ['authjs'] }));
  const schemaData = run(process.execPath, ['-e', `
    const { checkText, schemas } = require('envls');
    const codes = checkText('# envls-schema: neosync/api\\nAUTH_ENABLED=maybe\\n').map((p) => p.code);
    const mine = schemas({ schemaFiles: ['mine.envls.json'] }).find((s) => s.id === 'mine');
    console.log(JSON.stringify({ codes, builtin: schemas().length, mine: mine && mine.variables > 0 }));
  `], project);
  assert.equal(schemaData.code, 0, schemaData.stderr);
  const { codes, builtin, mine } = JSON.parse(schemaData.stdout);
  assert.ok(codes.includes('invalidValue'), codes.join());
  assert.ok(builtin > 20);
  assert.equal(mine, true);
  const esm = run(process.execPath, ['--input-type=module', '-e', `
    import { checkText } from 'envls';
    console.log(checkText('A=1\\nA=2\\n').map((p) => p.code).join());
  `], project);
  assert.equal(esm.stdout.trim(), 'duplicateKey', esm.stderr);

  writeFileSync(join(project, 'use.ts'), [
    "import { check, parse, type Problem, type CheckResult } from 'envls';",
    "const result: CheckResult = check(['.env'], { styleRules: true, schemas: ['flux'] });",
    'const first: Problem | undefined = result.reports[0]?.problems[0];',
    "const value: string | undefined = parse('A=1').A;",
    "// @ts-expect-error severities are a closed set",
    "check(['.env'], { severities: { duplicateKey: 'loud' } });",
    'export { first, value };',
  ].join('\n'));
  const tsc = run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(REPO_ROOT, 'node_modules/@types'), 'use.ts'], project);
  assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);
});

test('npm run package: the .vsix holds no tests, fixtures, sources or source maps', () => {
  const packaged = run(NPM, ['run', 'package'], copy);
  assert.equal(packaged.code, 0, packaged.stdout + packaged.stderr);
  const vsix = join(copy, 'envls.vsix');
  const entries = zipEntries(vsix).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  for (const entry of entries) {
    assert.ok(!/\.map$|\.tsx?$|^test\/|^server\/|^client\/|^scripts\/|^bench\/|^docs\/|^examples\/|^node_modules\//.test(entry) || entry === 'dist/api.d.ts', `${entry} should not be in the .vsix`);
  }
  for (const needed of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/server.js', 'dist/re2js.js', 'dist/secretlint.js', 'dist/yaml.js', 'dist/schema-format.js', ...TREE_SITTER_FILES, 'syntaxes/dotenv.tmLanguage.json', 'language-configuration.json', 'images/icon.png']) {
    assert.ok(entries.some((entry) => entry.toLowerCase() === needed.toLowerCase()), `${needed} is missing from ${entries.join(', ')}`);
  }
  for (const needed of BUILTIN_SCHEMA_DATA) assert.ok(entries.includes(needed), `${needed} is missing from the .vsix`);
  // The extension page shows the packaged README: every relative image it references must be in the .vsix
  // (the package script keeps relative links as they are, --no-rewrite-relative-links).
  const readme = readFileSync(join(copy, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src));
  assert.ok(images.length > 0, 'the README shows pictures');
  for (const image of images) assert.ok(entries.includes(image), `${image} (shown by the README) is missing from the .vsix`);
  // Reported, not asserted: a size is not a correctness property.
  console.log(`envls.vsix: ${(statSync(vsix).size / 1024).toFixed(0)} KiB, ${entries.length} files`);
});
