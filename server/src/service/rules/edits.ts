/** Span helpers shared by the rules that build fixes. */
import type { EnvDocument, Span } from '../parser/model';
import { lineOfOffset } from '../parser/lines';

/** From the start of the first line of `span` to the start of the line after its end (line break included). */
export function wholeLinesSpan(doc: Pick<EnvDocument, 'lineStarts' | 'text'>, span: Span): Span {
  const first = lineOfOffset(doc.lineStarts, span.start);
  const last = lineOfOffset(doc.lineStarts, Math.max(span.start, span.end - 1));
  const end = last + 1 < doc.lineStarts.length ? doc.lineStarts[last + 1] : doc.text.length;
  return { start: doc.lineStarts[first], end };
}

/** The line break this document uses (its first one), for inserted lines. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf === -1 && text.indexOf('\r') !== -1) return '\r';
  return '\n';
}
