/** Offsets <-> LSP positions. JavaScript string offsets are UTF-16, as LSP's default encoding. */
import type { Position, Range } from 'vscode-languageserver-types';
import { lineOfOffset } from './parser/lines';
import type { EnvDocument, Span } from './parser/model';

export function positionAt(doc: Pick<EnvDocument, 'lineStarts'>, offset: number): Position {
  const line = lineOfOffset(doc.lineStarts, offset);
  return { line, character: offset - doc.lineStarts[line] };
}

export function rangeOf(doc: Pick<EnvDocument, 'lineStarts'>, span: Span): Range {
  return { start: positionAt(doc, span.start), end: positionAt(doc, span.end) };
}

export function offsetAt(doc: Pick<EnvDocument, 'lineStarts' | 'text'>, position: Position): number {
  if (position.line >= doc.lineStarts.length) return doc.text.length;
  const start = doc.lineStarts[Math.max(0, position.line)];
  const nextStart = position.line + 1 < doc.lineStarts.length ? doc.lineStarts[position.line + 1] : doc.text.length;
  return Math.min(start + Math.max(0, position.character), nextStart);
}

/** The end of a line's content (before its line break). */
export function lineContentEnd(doc: Pick<EnvDocument, 'lineStarts' | 'text'>, line: number): number {
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  while (end > doc.lineStarts[line] && (doc.text.charCodeAt(end - 1) === 10 || doc.text.charCodeAt(end - 1) === 13)) end--;
  return end;
}
