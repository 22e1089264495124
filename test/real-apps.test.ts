/**
 * The real apps of test/fixtures/real-apps (their .env.example files and manifests, with sources):
 * each has a source at a commit, its set follows the rule fixed in index.json before coverage was
 * measured, envls reports no error-severity diagnostic on any of them that index.json does not
 * record (an expected finding: a real error in the file, with why), and the share of the held-out
 * apps' variables a bound schema documents stays at least the measured floor.
 * `npm run coverage` prints the same measurement in full.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../server/src/api';
import { exampleFiles, measure, readIndex, readSource, REAL_APPS_DIR, RULE, setByRule } from '../scripts/coverage-measure';
import { REPO_ROOT } from './support/lspClient';

const index = readIndex(REPO_ROOT);
const folders = readdirSync(join(REPO_ROOT, REAL_APPS_DIR)).filter((name) => statSync(join(REPO_ROOT, REAL_APPS_DIR, name)).isDirectory());

test('index.json lists every app folder, and only those', () => {
  assert.deepEqual(index.apps.map((a) => a.folder).sort(), [...folders].sort());
  assert.ok(index.apps.length >= 50, `at least 50 apps (${index.apps.length})`);
});

test('every app has a SOURCE.json naming its repository, commit and files; its examples are there', () => {
  for (const folder of folders) {
    const source = readSource(REPO_ROOT, folder);
    assert.match(source.repository, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, folder);
    assert.match(source.commit, /^[0-9a-f]{40}$/, `${folder}: a full commit id`);
    assert.ok(source.examples.length > 0, folder);
    assert.equal(typeof source.license, 'string', folder);
    for (const file of exampleFiles(REPO_ROOT, folder)) assert.ok(existsSync(file), `${folder}: ${file}`);
  }
});

test('each app is in the set the rule gives it (reference or held-out), and the rule is the one written', () => {
  assert.equal(index.rule, RULE);
  for (const app of index.apps) assert.equal(app.set, setByRule(app.folder, app.ownSchema), app.folder);
  const reference = index.apps.filter((a) => a.set === 'reference').length;
  assert.ok(reference > 0 && reference < index.apps.length / 2, `about a third reference (${reference} of ${index.apps.length})`);
});

const coverage = measure(api, REPO_ROOT);

test('no error-severity diagnostic on a real example that index.json does not record as a real error (or a known false positive)', () => {
  const unexpected = coverage.errors.filter((e) => !e.expected);
  assert.deepEqual(unexpected.map((e) => `${e.folder}/${e.file}:${e.line} ${e.code}: ${e.message}`), []);
  // A recorded finding that no longer occurs is removed from index.json (the list never hides a new one).
  assert.deepEqual(
    coverage.staleExpected.map((e) => `${e.folder}/${e.file}:${e.line} ${e.code}`),
    [],
    'no longer reported (fixed, or the file changed): remove these entries from test/fixtures/real-apps/index.json',
  );
});

test('the held-out apps: a bound schema documents at least the measured share of their variables', () => {
  const { heldOut } = coverage.totals;
  assert.ok(index.heldOutFloor > 0, 'a measured floor is recorded');
  assert.ok(heldOut.variables > 500, `enough variables to measure (${heldOut.variables})`);
  assert.ok(heldOut.share >= index.heldOutFloor, `held-out share ${(heldOut.share * 100).toFixed(1)}% is below the floor ${(index.heldOutFloor * 100).toFixed(1)}%`);
});

test('the measurement counts a name only when a bound schema knows it (never from the example itself)', () => {
  for (const app of coverage.apps) {
    if (app.schemas.length === 0) assert.equal(app.documented.length, 0, `${app.folder}: no schema, nothing documented`);
    for (const name of app.documented) assert.ok(app.variables.includes(name), `${app.folder}: ${name}`);
  }
  // An app whose manifests declare Laravel gets the laravel schema, and its APP_KEY counts as documented.
  const laravelApp = coverage.apps.find((a) => a.stack === 'laravel' && a.variables.includes('APP_KEY'));
  assert.ok(laravelApp?.schemas.includes('laravel') && laravelApp.documented.includes('APP_KEY'));
});
