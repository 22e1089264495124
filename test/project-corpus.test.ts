/**
 * THE corpus test of the example as contract: every `.env.example`-like file of the shared corpus is
 * copied to `.env` beside it, as the apps' READMEs tell users to do, and the copy is analysed with its
 * project (the example and the copy, in memory) and without. The secrets left at the example's value
 * must be reported as insecureValue, and nothing else may be new: a faithful copy is missing nothing,
 * documents everything and shadows nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CORPUS_DIR, corpusFiles } from './support/corpus';
import { analyze } from '../server/src/service/analyze';
import { bindingInputFor } from '../server/src/node/bindFile';
import { SchemaGlobs } from '../server/src/node/schemaGlobs';
import { SchemaStore } from '../server/src/node/schemaStore';
import { DEFAULT_SETTINGS, validationSettings } from '../server/src/protocol/settings';
import { ProjectModel } from '../server/src/service/project/model';
import { projectContextFor } from '../server/src/service/project/context';
import { roleOfName } from '../server/src/service/project/roles';
import { entriesByKey } from '../server/src/service/rules/entryIndex';
import { isSensitiveName } from '../server/src/service/sensitivity';
import type { DiagnosticData } from '../server/src/service/validate';

/** The name a corpus file had in its repository: authjs/env-examples keeps it after the last `__`, before `@commit`. */
function originalName(file: string): string {
  return path.basename(file).replace(/@[^@]*$/, '').split('__').pop()!;
}

const examples = corpusFiles(({ name, rel }) => !rel.includes('/extracted/') && roleOfName(originalName(name))?.role === 'example');
const store = new SchemaStore();
const settings = validationSettings(DEFAULT_SETTINGS);
const key = (d: Diagnostic) => `${d.range.start.line}:${String(d.code)}:${String(d.message)}`;

test('the corpus has example files to copy (authjs env-examples, Flagsmith frontend/.env-example)', () => {
  assert.ok(examples.length >= 17, `${examples.length} examples`);
});

test('copying each example to .env: the secrets left at the example value are reported, nothing else is new', (t) => {
  let secretsLeft = 0;
  for (const file of examples) {
    const rel = path.relative(CORPUS_DIR, file);
    const text = readFileSync(file, 'utf8');
    const exampleName = originalName(file);
    const model = new ProjectModel([{ path: exampleName, text }, { path: '.env', text }]);
    const context = projectContextFor(model, '.env');
    assert.equal(context?.example?.path, exampleName, rel);
    const bind = bindingInputFor(path.join(path.dirname(file), '.env'), store, { schemaGlobs: new SchemaGlobs(DEFAULT_SETTINGS.schemas), detect: DEFAULT_SETTINGS.detect });
    const alone = analyze(text, bind, settings);
    const withProject = analyze(text, bind, settings, context);

    // What a person would call "a secret left at the example's value".
    const expected = new Set<string>();
    for (const entry of entriesByKey(withProject.doc).values()) {
      if (entry.value !== '' && entry.references.length === 0 && isSensitiveName(entry.key, withProject.schemaSet)) expected.add(entry.key);
    }
    secretsLeft += expected.size;

    const insecure = new Set(withProject.diagnostics.filter((d) => d.code === 'insecureValue').map((d) => (d.data as DiagnosticData).info?.variable));
    for (const name of expected) assert.ok(insecure.has(name), `${rel}: ${name} left at the example value is not reported`);

    const before = new Set(alone.diagnostics.map(key));
    const added = withProject.diagnostics.filter((d) => !before.has(key(d)));
    for (const d of added) {
      const info = (d.data as DiagnosticData).info;
      assert.equal(d.code, 'insecureValue', `${rel}: new ${String(d.code)}: ${String(d.message)}`);
      assert.equal(info?.reason, 'exampleValue', rel);
      assert.ok(expected.has(String(info?.variable)), `${rel}: ${String(info?.variable)} is not a secret`);
      assert.ok(!String(d.message).includes(String(entriesByKey(withProject.doc).get(String(info?.variable))?.value)), `${rel}: the message shows the value`);
    }
  }
  assert.ok(secretsLeft > 0, 'the corpus examples hold secrets with placeholder values');
  // For the record (the report quotes it): files and secrets found.
  t.diagnostic(`${examples.length} examples, ${secretsLeft} secrets left at the example value`);
});
