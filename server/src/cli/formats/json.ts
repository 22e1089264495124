/**
 * `--format json`, a stable contract (documented in the README; fields may be added, never
 * renamed or removed): an array with one object per file.
 */
import type { CheckResult } from '../../api';
import type { Output } from '../output';
import { shownProblems } from './text';

export function writeJson(out: Output, result: CheckResult, quiet: boolean): void {
  const files = result.reports.map((report) => ({
    file: report.file,
    schemas: report.schemas,
    binding: report.binding,
    sources: report.sources,
    diagnostics: shownProblems(report, quiet).map((p) => ({
      line: p.line,
      column: p.column,
      endLine: p.endLine,
      endColumn: p.endColumn,
      severity: p.severity,
      code: p.code,
      message: p.message,
    })),
  }));
  out.line(JSON.stringify(files, null, 2));
}
