// Writes test/fixtures/real-apps/index.json: one entry per app folder, its set decided by the rule
// below (never by coverage), its stack read from its manifests. Kept: expected findings and the
// held-out floor already recorded. Run after adding an app: `node scripts/real-apps-index.mjs`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'test/fixtures/real-apps';
const INDEX = join(ROOT, 'index.json');
export const RULE =
  'An app is "reference" (catalog schemas may be written from it) when the first byte of sha256(folder name) is divisible by 3, ' +
  'or when envls ships a schema of its own for it (ownSchema); every other app is "held-out": nobody writes schemas from it. ' +
  'Fixed before any coverage was measured; scripts/real-apps-index.mjs applies it and test/real-apps.test.ts checks it.';

export function setByRule(folder, ownSchema) {
  if (ownSchema) return 'reference';
  return createHash('sha256').update(folder).digest()[0] % 3 === 0 ? 'reference' : 'held-out';
}

function stackOf(dir) {
  const has = (name) => existsSync(join(dir, name));
  const text = (name) => (has(name) ? readFileSync(join(dir, name), 'utf8') : '');
  const pkg = has('package.json') ? JSON.parse(text('package.json')) : {};
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  if (/laravel\/framework/.test(text('composer.json'))) return 'laravel';
  if (has('composer.json')) return 'php';
  if (/^\s*gem\s+["']rails["']/m.test(text('Gemfile'))) return 'rails';
  if (/(^|\n)\s*["']?django\b/i.test(text('requirements.txt') + text('pyproject.toml'))) return 'django';
  if (/fastapi/i.test(text('requirements.txt') + text('pyproject.toml'))) return 'fastapi';
  if (has('requirements.txt') || has('pyproject.toml')) return 'python';
  if (has('go.mod')) return 'go';
  if (deps.next) return 'nextjs';
  if (deps.vite) return 'vite';
  if (has('package.json')) return 'node';
  return 'other';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const previous = existsSync(INDEX) ? JSON.parse(readFileSync(INDEX, 'utf8')) : { apps: [] };
  const before = new Map(previous.apps.map((app) => [app.folder, app]));
  const apps = readdirSync(ROOT)
    .filter((name) => statSync(join(ROOT, name)).isDirectory())
    .sort()
    .map((folder) => {
      const old = before.get(folder) ?? {};
      const ownSchema = old.ownSchema;
      return {
        folder,
        set: setByRule(folder, ownSchema),
        stack: old.stack ?? stackOf(join(ROOT, folder)),
        ...(ownSchema ? { ownSchema } : {}),
        ...(old.expected?.length ? { expected: old.expected } : {}),
      };
    });
  const index = { rule: RULE, heldOutFloor: previous.heldOutFloor ?? 0, heldOutFloorNote: previous.heldOutFloorNote ?? '', apps };
  writeFileSync(INDEX, `${JSON.stringify(index, null, 2)}\n`);
  const count = (set) => apps.filter((a) => a.set === set).length;
  console.log(`${apps.length} apps: ${count('reference')} reference, ${count('held-out')} held-out`);
}
