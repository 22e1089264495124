// `npm run test:e2e`: envls in real editors — VS Code (code-server + Chromium), Neovim 0.7, Emacs eglot.
// Packages envls.vsix (npm run package, which also builds dist/server.js), then runs
// test/e2e/*.e2e.mjs with node's test runner, one file at a time. Screenshots and logs go to
// test-results/e2e/. Runs `bash scripts/install-e2e.sh` first when an editor or tool is missing.
// Usage: node scripts/e2e.mjs [vscode|neovim|emacs ...] [--no-package]
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const tools = process.env.ENVLS_E2E_TOOLS ?? join(root, '.e2e', 'tools');
const args = process.argv.slice(2);
const noPackage = args.includes('--no-package');
const all = ['vscode', 'neovim', 'emacs'];
const editors = args.filter((a) => !a.startsWith('--'));
for (const e of editors) if (!all.includes(e)) throw new Error(`unknown editor ${e} (one of ${all.join(', ')})`);
const selected = editors.length ? editors : all;

const needs = {
  vscode: [join(tools, 'node_modules', '.bin', 'code-server'), join(tools, 'node_modules', 'playwright-core', 'package.json'), '/usr/bin/chromium'],
  neovim: ['/usr/bin/nvim'],
  emacs: ['/usr/bin/emacs', '/usr/share/emacs/site-lisp/elpa'],
};
function step(title, cmd, cmdArgs) {
  console.log(`\n== ${title}: ${cmd} ${cmdArgs.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  console.log(`== ${title}: exit ${r.status ?? r.signal} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

const missing = () => selected.flatMap((e) => needs[e]).filter((p) => !existsSync(p));
if (missing().length) {
  // The installer is idempotent (apt packages and a version-stamped .e2e/tools).
  console.log(`missing: ${missing().join(', ')}`);
  if (step('install editors and tools', 'bash', ['scripts/install-e2e.sh']) !== 0 || missing().length) {
    console.error(`still missing: ${missing().join(', ')}`);
    process.exit(1);
  }
}

if (!noPackage) {
  const [what, script] = selected.includes('vscode') ? ['package envls.vsix', 'package'] : ['build dist/', 'build'];
  if (step(what, 'npm', ['run', script]) !== 0) process.exit(1);
}
mkdirSync(join(root, 'test-results', 'e2e'), { recursive: true });
const files = selected.map((e) => `test/e2e/${e}.e2e.mjs`);
process.exit(step('editor tests', process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files]));
