/**
 * The `invalidSchema` diagnostic: a problem of a user's schema file, placed on that
 * file. Built here once for the server (published on the schema file) and the CLI.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { computeLineStarts } from '../parser/lines';
import { positionAt } from '../positions';
import type { SchemaProblem } from './validateFile';

export const INVALID_SCHEMA_CODE = 'invalidSchema';

export function invalidSchemaDiagnostics(text: string, problems: readonly SchemaProblem[]): Diagnostic[] {
  const doc = { lineStarts: computeLineStarts(text) };
  const at = (offset: number) => positionAt(doc, Math.max(0, Math.min(offset, text.length)));
  return problems.map((problem) => ({
    range: { start: at(problem.start), end: at(problem.end) },
    severity: 1,
    source: 'envls',
    code: INVALID_SCHEMA_CODE,
    message: problem.message,
  }));
}
