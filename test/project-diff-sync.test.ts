// envls diff and sync on the pure service: diffEnv (keys, values, masking) and planSync, which
// must add exactly what missingExampleVariable's "Add all missing" fix adds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectModel } from '../server/src/service/project/model';
import { keysOfOtherLayers, projectContextFor } from '../server/src/service/project/context';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate, type DiagnosticData } from '../server/src/service/validate';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { diffEnv, isSameEnv } from '../server/src/service/project/diff';
import { planSync } from '../server/src/service/project/sync';
import { applyLspEdits } from './support/lspEdits';
import { makeSchema } from './support/testSchema';

const none = schemaSetFor([]);

test('diffEnv: keys only in one side in each side\'s order, the last entry of a key wins, values only when asked', () => {
  const a = parseEnv('A=1\nB=2\nB=3\nC=x\n');
  const b = parseEnv('Z=0\nB=3\nA=9\n');
  const keys = diffEnv({ doc: a, schemaSet: none }, { doc: b, schemaSet: none });
  assert.deepEqual(keys, { missingFromA: ['Z'], missingFromB: ['C'], differentValues: [] });
  assert.deepEqual(diffEnv({ doc: a, schemaSet: none }, { doc: b, schemaSet: none }, { values: true }).differentValues, [{ key: 'A', a: '1', b: '9' }]);
  assert.ok(isSameEnv(diffEnv({ doc: parseEnv('A=1\n'), schemaSet: none }, { doc: parseEnv('A=1 # same\n'), schemaSet: none }, { values: true })));
});

test('diffEnv: a value one side\'s schema marks sensitive is hidden on both sides', () => {
  const schema = makeSchema('t/s', [{ name: 'SIGNING', sensitive: true }]);
  const found = diffEnv({ doc: parseEnv('SIGNING=abc\n'), schemaSet: none }, { doc: parseEnv('SIGNING=def\n'), schemaSet: schemaSetFor([schema]) }, { values: true });
  assert.deepEqual(found.differentValues, [{ key: 'SIGNING', a: '•••••••• (hidden: sensitive)', b: '•••••••• (hidden: sensitive)' }]);
});

test('planSync adds exactly what "Add all missing from .env.example" adds, and nothing a layer sets', () => {
  const files: Record<string, string> = {
    'package.json': '{"dependencies":{"next":"15"}}',
    '.env.example': '# port\nPORT=3000\nHOST=localhost\n\n# signs\nJWT_SECRET=changeme\nLOCAL_ONLY=1\n# optional\nDEBUG=\n',
    '.env': 'HOST=0.0.0.0\n',
    '.env.local': 'LOCAL_ONLY=2\n',
  };
  const model = new ProjectModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  const ctx = projectContextFor(model, '.env')!;
  const doc = parseEnv(files['.env']);
  const diagnostics = validate({ doc, schemas: [], certainty: 'none', project: ctx }).filter((d) => d.code === 'missingExampleVariable');
  const all = (diagnostics[0].data as DiagnosticData).fixes.find((f) => f.title === 'Add all missing from .env.example')!;
  const plan = planSync(doc, ctx.example!, none, keysOfOtherLayers(ctx));
  assert.equal(plan.text, applyLspEdits(files['.env'], all.edits));
  assert.equal(plan.text, 'HOST=0.0.0.0\n# port\nPORT=3000\n\n# signs\nJWT_SECRET=\n');
  assert.deepEqual(plan.added, ['PORT', 'JWT_SECRET']);
  assert.equal(plan.startLine, 1);
  assert.deepEqual(planSync(parseEnv(plan.text), ctx.example!, none, keysOfOtherLayers(ctx)).added, [], 'a second run adds nothing');
});
