// Assertions shared by the Neovim and Emacs checks: both write a JSON report of what the server sent.
import assert from 'node:assert/strict';

/**
 * report: { diagnostics: [{ code, source, message, line }], hover?, completion?: [{ label, documentation }],
 *           code_actions?: [title], applied?, text_after? }
 */
export function assertReport(report, spec, { hover = false, completion = false, action = false } = {}) {
  const codes = report.diagnostics.map((d) => d.code);
  for (const code of spec.codes) assert.ok(codes.includes(code), `no ${code} diagnostic in ${spec.file}; got ${JSON.stringify(codes)}`);
  for (const d of report.diagnostics) assert.equal(d.source, 'envls', `diagnostic source ${d.source}`);
  const missing = report.diagnostics.find((d) => d.code === 'missingRequired');
  assert.match(missing.message, new RegExp(spec.missing), 'missingRequired names the missing variable');
  const invalid = report.diagnostics.find((d) => d.code === 'invalidValue');
  assert.match(invalid.message, new RegExp(spec.invalidKey), 'invalidValue names the variable');
  if (hover) assert.match(String(report.hover ?? ''), spec.hoverText, `hover on ${spec.hoverKey}: ${report.hover}`);
  if (completion) {
    const item = (report.completion ?? []).find((c) => c.label === spec.completionItem);
    assert.ok(item, `completion after ${spec.completionPrefix} lacks ${spec.completionItem}: ${JSON.stringify((report.completion ?? []).map((c) => c.label))}`);
    assert.match(String(item.documentation ?? ''), spec.completionDoc, `documentation of ${spec.completionItem}`);
  }
  if (action) {
    assert.ok((report.code_actions ?? []).some((a) => spec.quickFixTitle.test(a)), `code actions on ${spec.aliasKey}: ${JSON.stringify(report.code_actions)}`);
    assert.ok(report.applied, 'the code action was applied');
    assert.doesNotMatch(report.text_after, new RegExp(`^${spec.aliasKey}=`, 'm'), `${spec.aliasKey} line still there after the fix`);
    assert.match(report.text_after, /^AUTH_SECRET=/m);
  }
}
