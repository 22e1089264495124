// Neovim 0.7 (Debian's apt neovim), headless, against the built server (node dist/server.js --stdio):
// diagnostics, completion, hover and a code action arrive. test/e2e/nvim-check.lua does the editor
// side and writes a JSON report; this file asserts on it. Run by `npm run test:e2e` (or
// `node --test test/e2e/neovim.e2e.mjs` after `npm run build`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CODE, FIXTURE_FILES, NAVIGATION, ROOT, SERVER, copyWorkspace, readText, requireFile, resultsDir, run, tempDir } from './lib.mjs';
import { assertReport } from './report.mjs';

const OUT = resultsDir('neovim');

async function nvimCheck(spec, extra = {}) {
  requireFile(SERVER, "run 'npm run build'");
  requireFile('/usr/bin/nvim', "run 'bash scripts/install-e2e.sh' (apt neovim)");
  const workspace = copyWorkspace('neovim');
  const state = tempDir('nvim-state');
  const out = join(state, 'report.json');
  const env = {
    ...process.env,
    HOME: state,
    XDG_STATE_HOME: join(state, 'state'),
    XDG_DATA_HOME: join(state, 'data'),
    XDG_CACHE_HOME: join(state, 'cache'),
    XDG_CONFIG_HOME: join(state, 'config'),
    ENVLS_SERVER: SERVER,
    ENVLS_FILE: join(workspace, spec.file),
    ENVLS_OUT: out,
    ...extra,
  };
  const started = Date.now();
  const r = await run('nvim', ['--headless', '--clean', '-n', '-u', join(ROOT, 'test', 'e2e', 'nvim-check.lua')], { env, timeoutMs: 90_000 });
  const report = JSON.parse(readText(out));
  report.wall_ms = Date.now() - started;
  writeFileSync(join(OUT, `${spec.file.replace(/^\./, 'dot').replace(/\//g, '_')}.json`), JSON.stringify(report, null, 2) + '\n');
  assert.deepEqual(report.errors, [], `nvim errors (exit ${r.code}): ${report.errors.join('\n')}\n${r.stderr}`);
  return report;
}

describe('Neovim 0.7 headless (vim.lsp.start_client)', { timeout: 300_000 }, () => {
  test('Neosync .env: diagnostics, hover and completion with documentation', async (t) => {
    const spec = FIXTURE_FILES.neosync;
    const report = await nvimCheck(spec, { ENVLS_HOVER_KEY: spec.hoverKey, ENVLS_COMPLETION_PREFIX: spec.completionPrefix });
    t.diagnostic(`nvim ${report.nvim}, 0.7 filetype for ${spec.file}: ${report.detected_filetype}; ${report.wall_ms} ms`);
    assertReport(report, spec, { hover: true, completion: true });
  });

  test('Flux .env.local: diagnostics and the alias-conflict code action', async (t) => {
    const spec = FIXTURE_FILES.flux;
    const report = await nvimCheck(spec, { ENVLS_ACTION_KEY: spec.aliasKey, ENVLS_ACTION_TITLE: spec.quickFixTitle.source, ENVLS_HOVER_KEY: spec.hoverKey });
    t.diagnostic(`${report.wall_ms} ms; actions: ${report.code_actions?.join(' | ')}`);
    assertReport(report, spec, { hover: true, action: true });
  });

  test('Flagsmith prod.env: diagnostics and hover', async (t) => {
    const spec = FIXTURE_FILES.flagsmith;
    const report = await nvimCheck(spec, { ENVLS_HOVER_KEY: spec.hoverKey });
    t.diagnostic(`${report.wall_ms} ms`);
    assertReport(report, spec, { hover: true });
  });

  test('nav.env: vim.lsp.buf.definition on ${DB_USER} lands on its line; vim.lsp.buf.rename renames every use', async (t) => {
    const spec = NAVIGATION;
    const report = await nvimCheck(spec, {
      ENVLS_DEFINITION_AT: `${spec.referenceLine}:${spec.referenceCharacter}`,
      ENVLS_RENAME_AT: `${spec.definitionLine}:0`,
      ENVLS_RENAME_TO: spec.newName,
    });
    t.diagnostic(`${report.wall_ms} ms; definition: ${JSON.stringify(report.definition)}`);
    assert.ok(report.diagnostics.some((d) => d.code === 'undefinedReference'), 'diagnostics arrived');
    assert.deepEqual({ ...report.definition, file: undefined }, { line: spec.definitionLine, character: 0, text: `${spec.name}=app`, file: undefined });
    assert.equal(report.text_after_rename, spec.renamed(readText(join(ROOT, 'test', 'e2e', 'workspace', spec.file))).replace(/\n$/, ''));
  });

  test('code and .env together: vim.lsp.buf.definition on os.getenv("ORDERS_URL") in a Python file lands on its .env line', async (t) => {
    const report = await nvimCheck({ file: CODE.pyFile }, { ENVLS_LANGUAGE_ID: 'python', ENVLS_DEFINITION_AT: `${CODE.pyRead.line}:${CODE.pyRead.character}` });
    t.diagnostic(`${report.wall_ms} ms; definition: ${JSON.stringify(report.definition)}`);
    assert.match(report.definition.file, /codeapp\/\.env$/);
    assert.deepEqual({ line: report.definition.line, character: report.definition.character, text: report.definition.text }, { line: CODE.envLine, character: 0, text: 'ORDERS_URL=http://orders.internal' });
  });
});
