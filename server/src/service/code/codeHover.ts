/** Hover on a variable name the code reads: its documentation, its value per mode (masked when sensitive) and its file. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CodeContext } from './context';
import { nameMarkdown } from './describeName';
import { readAt } from './readAt';
import type { EnvRead } from './types';

export function codeHover(ctx: CodeContext, reads: readonly EnvRead[], position: Position): Hover | null {
  const read = readAt(reads, position);
  if (!read) return null;
  return { contents: { kind: 'markdown', value: nameMarkdown(ctx, read.name) }, range: read.range };
}
