/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request's lines. Escaping as @actions/core's command.ts does:
 * the message escapes % CR LF; property values escape : and , too.
 */
import type { CheckResult, Problem } from '../../api';
import type { Output } from '../output';
import { shownProblems } from './text';

const LEVEL: Record<Problem['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function writeGithub(out: Output, result: CheckResult, quiet: boolean): void {
  for (const report of result.reports) {
    // Annotations need paths from the repository root, with forward slashes.
    const file = report.file.split('\\').join('/');
    for (const p of shownProblems(report, quiet)) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`envls(${p.code})`)}`,
      ].join(',');
      out.line(`::${LEVEL[p.severity]} ${properties}::${escapeData(p.message)}`);
    }
  }
}
