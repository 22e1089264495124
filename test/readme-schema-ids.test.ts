/**
 * Issue 9: the README's list of builtin ids is what `envls schemas` prints, and `--schema`
 * accepts every one of them, fragments included (`authjs`). Runs the built CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '..');
const cli = path.join(repo, 'dist/cli.js');

function listedIds(): string[] {
  const out = execFileSync(process.execPath, [cli, 'schemas'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
}

test("the README's builtin ids are exactly the ids `envls schemas` lists", () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const paragraph = /^Builtin ids[^\n]*(?:\n(?!\n)[^\n]*)*/m.exec(readme)?.[0];
  assert.ok(paragraph, 'a "Builtin ids" paragraph');
  const inReadme = [...paragraph.matchAll(/`([a-z0-9-]+(?:\/[a-z0-9-]+)?)`/g)].map((m) => m[1]);
  assert.deepEqual([...inReadme].sort(), [...listedIds()].sort());
});

test('--schema accepts every id `envls schemas` lists, fragments included', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'envls-ids-'));
  const file = path.join(dir, 'a.env');
  writeFileSync(file, 'A=1\n');
  const ids = listedIds();
  assert.ok(ids.includes('authjs'), 'fragments are listed');
  for (const id of ids) {
    const run = spawnSync(process.execPath, [cli, 'check', '--schema', id, '--format', 'json', file], { encoding: 'utf8' });
    const [result] = JSON.parse(run.stdout) as { schemas: string[]; diagnostics: { code: string }[] }[];
    assert.deepEqual(result.schemas, [id], id);
    assert.ok(!result.diagnostics.some((d) => d.code === 'unknownSchema'), `${id}: ${run.stdout}`);
  }
});
