/** The read under the cursor in a code file: the one whose name range holds the position (its end included). */
import type { Position } from 'vscode-languageserver-types';
import type { EnvRead } from './types';

export function readAt(reads: readonly EnvRead[], position: Position): EnvRead | undefined {
  return reads.find(({ range: { start, end } }) =>
    (position.line > start.line || (position.line === start.line && position.character >= start.character)) &&
    (position.line < end.line || (position.line === end.line && position.character <= end.character)));
}
