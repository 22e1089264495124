// Runs the TextMate grammar tests (test/grammar/*.env, `# SYNTAX TEST "source.dotenv"` or "source.env-spec" headers) with
// vscode-tmgrammar-test from the e2e tools folder (bash scripts/install-e2e.sh installs it there).
// Prints a closing "N passed, N failed" line and exits non-zero on any failure.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const tools = process.env.ENVLS_E2E_TOOLS ?? join(root, '.e2e', 'tools');
const bin = join(tools, 'node_modules', '.bin', 'vscode-tmgrammar-test');
if (!existsSync(bin)) {
  console.error(`vscode-tmgrammar-test not found at ${bin}: run 'bash scripts/install-e2e.sh' first`);
  process.exit(1);
}
const cases = readdirSync(join(root, 'test', 'grammar')).filter((f) => f.endsWith('.env')).sort();
if (cases.length === 0) {
  console.error('no test/grammar/*.env cases');
  process.exit(1);
}
const r = spawnSync(bin, ['-g', 'syntaxes/dotenv.tmLanguage.json', '-g', 'syntaxes/env-spec.tmLanguage.json', ...cases.map((f) => `test/grammar/${f}`)], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
});
process.stdout.write(r.stdout ?? '');
process.stderr.write(r.stderr ?? '');
const passed = (r.stdout.match(/^✓ /gm) ?? []).length;
const failed = (r.stdout.match(/^✖ /gm) ?? []).length + (r.stdout.match(/^ERROR /gm) ?? []).length;
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 && passed === cases.length ? 0 : 1);
