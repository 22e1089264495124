/**
 * Issue 8: one type per concept. A schema detection was declared twice
 * (`Detection` in schema/detect.ts, `DetectionResult` in binding.ts); it is now
 * declared once, in schema/types.ts, and used by both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return name.endsWith('.ts') ? [p] : [];
  });
}

test('a schema detection is declared once, in schema/types.ts', () => {
  const declaring = [...sources(path.join(root, 'server/src')), ...sources(path.join(root, 'client/src'))]
    .filter((file) => /confidence: 'confident' \| 'weak'/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
  assert.deepEqual(declaring, [path.join('server', 'src', 'service', 'schema', 'types.ts')]);
});
