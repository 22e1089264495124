// Emacs 28 + eglot 1.9 (Debian's emacs-nox, elpa-eglot), batch, against the built server
// (node dist/server.js --stdio): diagnostics (through flymake), completion, hover (eldoc) and a code
// action arrive. test/e2e/emacs-check.el does the editor side and writes a JSON report; this file
// asserts on it. Run by `npm run test:e2e` (or `node --test test/e2e/emacs.e2e.mjs` after `npm run build`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { FIXTURE_FILES, ROOT, SERVER, copyWorkspace, readText, requireFile, resultsDir, run, tempDir } from './lib.mjs';
import { assertReport } from './report.mjs';

const OUT = resultsDir('emacs');

async function emacsCheck(spec, extra = {}) {
  requireFile(SERVER, "run 'npm run build'");
  requireFile('/usr/bin/emacs', "run 'bash scripts/install-e2e.sh' (apt emacs-nox elpa-eglot)");
  const workspace = copyWorkspace('emacs');
  const state = tempDir('emacs-home');
  const out = join(state, 'report.json');
  const env = {
    ...process.env,
    HOME: state,
    XDG_CONFIG_HOME: join(state, 'config'),
    XDG_CACHE_HOME: join(state, 'cache'),
    ENVLS_SERVER: SERVER,
    ENVLS_FILE: join(workspace, spec.file),
    ENVLS_OUT: out,
    ...extra,
  };
  const started = Date.now();
  const r = await run('emacs', ['--batch', '-Q', '-l', join(ROOT, 'test', 'e2e', 'emacs-check.el')], { env, timeoutMs: 90_000 });
  let report;
  try {
    report = JSON.parse(readText(out));
  } catch (err) {
    throw new Error(`no report from emacs (exit ${r.code}): ${err.message}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  }
  report.wall_ms = Date.now() - started;
  writeFileSync(join(OUT, `${spec.file.replace(/^\./, 'dot')}.json`), JSON.stringify(report, null, 2) + '\n');
  assert.deepEqual(report.errors, [], `emacs errors (exit ${r.code}): ${report.errors.join('\n')}\n${r.stderr}`);
  return report;
}

describe('Emacs 28 + eglot, batch', { timeout: 300_000 }, () => {
  test('Neosync .env: diagnostics, hover and completion with documentation', async (t) => {
    const spec = FIXTURE_FILES.neosync;
    const report = await emacsCheck(spec, { ENVLS_HOVER_KEY: spec.hoverKey, ENVLS_COMPLETION_PREFIX: spec.completionPrefix });
    t.diagnostic(`emacs ${report.emacs}, languageId ${report.language_id}; ${report.wall_ms} ms`);
    assert.equal(report.language_id, 'dotenv');
    assertReport(report, spec, { hover: true, completion: true });
  });

  test('Flux .env.local: diagnostics and the alias-conflict code action', async (t) => {
    const spec = FIXTURE_FILES.flux;
    const report = await emacsCheck(spec, { ENVLS_ACTION_KEY: spec.aliasKey, ENVLS_ACTION_TITLE: spec.quickFixTitle.source, ENVLS_HOVER_KEY: spec.hoverKey });
    t.diagnostic(`${report.wall_ms} ms; actions: ${report.code_actions?.join(' | ')}`);
    assertReport(report, spec, { hover: true, action: true });
  });

  test('Flagsmith prod.env: diagnostics and hover', async (t) => {
    const spec = FIXTURE_FILES.flagsmith;
    const report = await emacsCheck(spec, { ENVLS_HOVER_KEY: spec.hoverKey });
    t.diagnostic(`${report.wall_ms} ms`);
    assertReport(report, spec, { hover: true });
  });
});
