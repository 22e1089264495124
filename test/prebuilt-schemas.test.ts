/**
 * The bundles carry the builtin schemas composed and validated at build time: without a user
 * schema file no JSON Schema validator is compiled when they run (ajv compiles validators with
 * the Function constructor, counted here); with one, it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './support/lspClient';

function compiledFunctions(args: string[]): number {
  const run = spawnSync(process.execPath, ['-r', join(REPO_ROOT, 'test/support/countFunctions.cjs'), join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  const match = /compiled functions: (\d+)/.exec(run.stderr);
  assert.ok(match, run.stderr);
  return Number(match[1]);
}

test('no JSON Schema validator is compiled without a user schema file', () => {
  assert.equal(compiledFunctions(['check', 'examples']), 0);
});

test('a user schema file is still validated (the validator is compiled then)', () => {
  assert.ok(compiledFunctions(['check', 'examples', '--schema-file', 'test/fixtures/protocol/schemas/acme-billing.envls.json']) > 0);
});
