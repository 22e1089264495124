/**
 * `--format sarif`: a SARIF 2.1.0 log (what GitHub code scanning uploads). The rules are
 * every diagnostic code envls declares, each with its documentation page as helpUri;
 * results carry regions (1-based, UTF-16 columns, end exclusive, as LSP ranges are) and
 * the diagnostic's message only: no snippet, so no value of the file reaches the log.
 * Each checked env file is an artifact whose `properties.schemas` say which schemas apply and why.
 */
import { pathToFileURL } from 'node:url';
import type { CheckResult, Problem, RuleInfo } from '../../api';
import type { Output } from '../output';
import { shownProblems } from './text';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/envls/envls';

const LEVEL: Record<Problem['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A relative path as a URI reference (segments percent-encoded); an absolute one as a file: URI. */
function artifactLocation(file: string, path: string): { uri: string; uriBaseId?: string } {
  const posix = file.split('\\').join('/');
  if (posix.startsWith('/') || posix.startsWith('../') || /^[A-Za-z]:/.test(posix)) return { uri: pathToFileURL(path).href };
  return { uri: posix.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarifLog(result: CheckResult, rules: readonly RuleInfo[], version: string, quiet: boolean): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));
  const results = [];
  for (const report of result.reports) {
    for (const p of shownProblems(report, quiet)) {
      const index = ruleIndex.get(p.code);
      results.push({
        ruleId: p.code,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: artifactLocation(report.file, report.path),
            region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
          },
        }],
      });
    }
  }
  const artifacts = result.reports
    .filter((report) => report.kind === 'env')
    .map((report) => ({ location: artifactLocation(report.file, report.path), properties: { schemas: report.sources } }));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'envls',
          version,
          informationUri: INFORMATION_URI,
          rules: rules.map((rule) => ({
            id: rule.code,
            name: rule.code,
            shortDescription: { text: rule.description },
            helpUri: rule.docsUrl,
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            properties: { tags: [rule.group] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      artifacts,
      results,
    }],
  };
}

export function writeSarif(out: Output, result: CheckResult, rules: readonly RuleInfo[], version: string, quiet: boolean): void {
  out.line(JSON.stringify(sarifLog(result, rules, version, quiet), null, 2));
}
