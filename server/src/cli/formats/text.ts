/**
 * Text output, as compilers print it: `path:line:col: severity code message`, with the
 * schemas each file got and why. On a terminal: colour and a per-file summary at the end.
 */
import type { CheckResult, FileReport, Problem } from '../../api';
import type { Paint } from '../color';
import type { Output } from '../output';

export interface TextOptions {
  quiet: boolean;
  paint: Paint;
  /** A per-file summary after the problems (a terminal). */
  fileSummary: boolean;
}

export function problemLine(file: string, p: Problem, paint: Paint): string {
  const severity = p.severity === 'error' ? paint.red(p.severity) : p.severity === 'warning' ? paint.yellow(p.severity) : paint.cyan(p.severity);
  return `${paint.bold(`${file}:${p.line}:${p.column}:`)} ${severity} ${paint.dim(p.code)} ${p.message.replace(/\s*\n\s*/g, ' ')}`;
}

export function shownProblems(report: FileReport, quiet: boolean): Problem[] {
  return quiet ? report.problems.filter((p) => p.severity === 'error') : report.problems;
}

export function writeText(out: Output, result: CheckResult, options: TextOptions): void {
  const { paint, quiet } = options;
  let files = 0;
  for (const report of result.reports) {
    if (report.kind === 'env') {
      files++;
      if (report.fixesApplied > 0) out.line(`${report.file}: fixed (${report.fixesApplied} fix(es) applied)`);
      if (!quiet) out.line(paint.dim(`${report.file}: ${sourcesText(report)}`));
    }
    for (const problem of shownProblems(report, quiet)) out.line(problemLine(report.file, problem, paint));
  }
  if (options.fileSummary) writeFileSummary(out, result, options);
  const summary = checkSummary(result.errorCount, result.warningCount, files);
  out.line(result.errorCount > 0 ? paint.red(summary) : result.warningCount > 0 ? paint.yellow(summary) : summary);
}

/** Each schema and why it applies (`nextjs (next in package.json)`), then the example completion and hover read. */
export function sourcesText(report: FileReport): string {
  const schemas = report.sources.filter((s) => s.kind !== 'example');
  const example = report.sources.find((s) => s.kind === 'example');
  const listed = schemas.length > 0 ? `schemas ${schemas.map((s) => `${s.id} (${s.why})`).join(', ')}` : 'no schema';
  return example ? `${listed}; names and comments from ${example.id.replace(/^project:/, '')}` : listed;
}

function writeFileSummary(out: Output, result: CheckResult, { paint, quiet }: TextOptions): void {
  const rows = result.reports
    .map((report) => ({
      file: report.file,
      errors: report.problems.filter((p) => p.severity === 'error').length,
      warnings: report.problems.filter((p) => p.severity === 'warning').length,
    }))
    .filter((row) => row.errors > 0 || (!quiet && row.warnings > 0));
  if (rows.length === 0) return;
  out.line('');
  for (const row of rows) {
    const errors = `${row.errors} error(s)`.padEnd(11);
    const warnings = `${row.warnings} warning(s)`.padEnd(13);
    out.line(`  ${row.errors > 0 ? paint.red(errors) : paint.dim(errors)} ${row.warnings > 0 ? paint.yellow(warnings) : paint.dim(warnings)} ${row.file}`);
  }
  out.line('');
}

/** "3 errors, 2 warnings in 4 files". */
function checkSummary(errors: number, warnings: number, files: number): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}`;
}
