// Writes test/fixtures/real-apps/index.json: one entry per app folder, its set decided by the rule
// below (never by coverage), its stack read from its manifests. Kept: expected findings and the
// held-out floor already recorded. Run after adding an app: `node --import tsx scripts/real-apps-index.ts`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'test/fixtures/real-apps';
const INDEX = join(ROOT, 'index.json');
import { RULE, setByRule, type RealAppsIndex, type RealApp } from './coverage-measure';

function stackOf(dir: string): string {
  const has = (name: string) => existsSync(join(dir, name));
  const text = (name: string) => (has(name) ? readFileSync(join(dir, name), 'utf8') : '');
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

{
  const previous: Partial<RealAppsIndex> = existsSync(INDEX) ? JSON.parse(readFileSync(INDEX, 'utf8')) : {};
  const before = new Map((previous.apps ?? []).map((app) => [app.folder, app]));
  const apps = readdirSync(ROOT)
    .filter((name) => statSync(join(ROOT, name)).isDirectory())
    .sort()
    .map((folder): RealApp => {
      const old: Partial<RealApp> = before.get(folder) ?? {};
      const ownSchema = old.ownSchema;
      return {
        folder,
        set: setByRule(folder, ownSchema),
        stack: old.stack ?? stackOf(join(ROOT, folder)),
        ...(ownSchema ? { ownSchema } : {}),
        ...(old.expected?.length ? { expected: old.expected } : {}),
      };
    });
  const index: RealAppsIndex = { rule: RULE, heldOutFloor: previous.heldOutFloor ?? 0, heldOutFloorNote: previous.heldOutFloorNote ?? '', apps };
  writeFileSync(INDEX, `${JSON.stringify(index, null, 2)}\n`);
  const count = (set: string) => apps.filter((a) => a.set === set).length;
  console.log(`${apps.length} apps: ${count('reference')} reference, ${count('held-out')} held-out`);
}
