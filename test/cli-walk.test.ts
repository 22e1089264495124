/**
 * Issue 8's CLI defects: the folder walk (symlink loops, links out of the folder, huge
 * folders, the server's schemaFiles walk), EPIPE, buffered output and cached folder reads,
 * `parse` flags, `envls rules`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './support/lspClient';
import { findEnvFiles } from '../server/src/node/envFiles';
import { findSchemaFiles } from '../server/src/node/schemaFiles';
import { walkFiles } from '../server/src/node/walk';
import { ALL_RULES } from '../server/src/service/rules/registry';
import { ruleDocsUrl } from '../server/src/service/rules/docs';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
// A guard against a hang taking the whole run down, not a timed assertion.
const GUARD_MS = 120_000;

function envls(args: string[], cwd = REPO_ROOT, nodeArgs: string[] = []) {
  const run = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8', timeout: GUARD_MS, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'envls-walk-'));
}

test('a folder whose links point back at itself (a -> ., b -> .) is checked once, exit 0', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.env'), 'A=1\n');
  symlinkSync('.', join(dir, 'a'));
  symlinkSync('.', join(dir, 'b'));
  const run = envls(['check', dir]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^0 errors, 0 warnings in 1 file$/m);
});

test('a link to a folder outside the one named is not followed', () => {
  const root = tempDir();
  const inside = join(root, 'project');
  const outside = join(root, 'elsewhere');
  mkdirSync(inside);
  mkdirSync(outside);
  writeFileSync(join(inside, '.env'), 'A=1\n');
  writeFileSync(join(outside, '.env'), 'A=1\nA=2\n');
  symlinkSync(outside, join(inside, 'linked'));
  symlinkSync(join(outside, '.env'), join(inside, 'linked.env'));
  const run = envls(['check', '.', '--format', 'json'], inside);
  assert.deepEqual(JSON.parse(run.stdout).map((r: { file: string }) => r.file), ['.env']);
  assert.equal(run.code, 0);
  const found = findEnvFiles([inside], '/').files;
  assert.deepEqual(found, [join(inside, '.env')], 'neither the linked folder nor the linked file');
  // A file named on the command line is still read through its link.
  assert.deepEqual(findEnvFiles([join(inside, 'linked.env')], '/').files, [join(inside, 'linked.env')]);
});

test('the server\'s schemaFiles walk answers in a looped workspace', { timeout: GUARD_MS }, () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'acme.envls.json'), '{}');
  symlinkSync('.', join(dir, 'a'));
  symlinkSync('.', join(dir, 'b'));
  assert.deepEqual(findSchemaFiles(['**/*.envls.json'], [dir]), [join(dir, 'acme.envls.json')]);
});

test('130,000 files in one folder: found without spreading them into one call', () => {
  const dir = tempDir();
  const sub = join(dir, 'many');
  mkdirSync(sub);
  const count = 130_000;
  for (let i = 0; i < count; i++) writeFileSync(join(sub, `${i}.env`), '');
  let walked = 0;
  for (const _ of walkFiles(dir)) walked++;
  assert.equal(walked, count);
  assert.equal(findEnvFiles([dir], '/').files.length, count);
});

test('node_modules and .git are skipped', () => {
  const dir = tempDir();
  for (const skipped of ['node_modules', '.git']) {
    mkdirSync(join(dir, skipped));
    writeFileSync(join(dir, skipped, '.env'), 'A=1\n');
  }
  writeFileSync(join(dir, '.env'), 'A=1\n');
  assert.deepEqual(findEnvFiles([dir], '/').files, [join(dir, '.env')]);
});

test('envls check | head: a closed pipe ends the output quietly, with the exit code of the check', async () => {
  const dir = tempDir();
  // Enough output (about 1.5 MB) that the pipe fills long after the reader has gone.
  for (let f = 0; f < 20; f++) writeFileSync(join(dir, `${f}.env`), Array.from({ length: 1000 }, () => 'A=1').join('\n'));
  const child = spawn(process.execPath, [CLI, 'check', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (status) => done(status)));
  assert.doesNotMatch(stderr, /EPIPE|Error/, stderr);
  assert.equal(code, 0, 'duplicate keys are warnings: the check itself passes');
});

test('output is buffered (not one write per line) and each folder is listed once', () => {
  const dir = tempDir();
  for (let f = 0; f < 40; f++) writeFileSync(join(dir, `${f}.env`), 'A=1\nA=2\n');
  const preload = join(tempDir(), 'count.cjs');
  writeFileSync(preload, `
    const fs = require('node:fs');
    const counts = { writes: 0, readdir: {} };
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (...args) => { counts.writes++; return write(...args); };
    const readdirSync = fs.readdirSync;
    fs.readdirSync = function (path, ...rest) { counts.readdir[String(path)] = (counts.readdir[String(path)] || 0) + 1; return readdirSync.call(this, path, ...rest); };
    process.on('exit', () => fs.writeSync(2, 'COUNTS ' + JSON.stringify(counts) + '\\n'));
  `);
  const run = envls(['check', dir], REPO_ROOT, ['--require', preload]);
  assert.equal(run.stdout.trim().split('\n').length, 40 * 2 + 1);
  const counts = JSON.parse(/COUNTS (.*)/.exec(run.stderr)![1]);
  assert.ok(counts.writes <= 2, `${counts.writes} writes for 81 lines`);
  // Once by the walk, once by the project scan (the project model's own, with file types), never again per file for detection.
  assert.equal(counts.readdir[dir], 2, 'the folder is read by the walk and the project scan, not again per file for detection');
});

test('envls parse rejects unknown flags, as check does', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.env'), 'A=1\n');
  const run = envls(['parse', join(dir, '.env'), '--expnad']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown option --expnad/);
  assert.equal(envls(['parse', join(dir, '.env'), '--expand']).code, 0);
});

test('envls rules [--json] lists every declared rule with its severity, group, description and docs URL', () => {
  const listed = JSON.parse(envls(['rules', '--json']).stdout) as { code: string; defaultSeverity: string; group: string; description: string; docsUrl: string }[];
  for (const rule of ALL_RULES) {
    const entry = listed.find((r) => r.code === rule.code);
    assert.ok(entry, rule.code);
    assert.deepEqual(entry, { code: rule.code, group: rule.group, defaultSeverity: rule.defaultSeverity, description: rule.description, docsUrl: ruleDocsUrl(rule.code) });
  }
  const text = envls(['rules']).stdout;
  for (const rule of ALL_RULES) assert.match(text, new RegExp(`^${rule.code}\\t${rule.defaultSeverity}\\t${rule.group}\\t.+\\thttps://`, 'm'));
  assert.equal(envls(['rules', '--yaml']).code, 2);
});
