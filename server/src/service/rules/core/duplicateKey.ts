import type { Rule } from '../rule';
import { wholeLinesSpan } from '../edits';
import { replacementKeepsMeaning } from '../meaning';
import type { EnvDocument, Span } from '../../parser/model';
import { lineOfOffset } from '../../parser/lines';

/**
 * A removed line that sat alone between blank lines takes the blank lines below along:
 * otherwise two blank lines meet (extraBlankLine), for another fix to remove.
 */
function withLoneBlankLine(doc: EnvDocument, lines: Span): Span {
  const first = lineOfOffset(doc.lineStarts, lines.start);
  const next = lineOfOffset(doc.lineStarts, lines.end);
  const isBlank = (line: number) => line >= 0 && line < doc.lineStarts.length && doc.text.slice(doc.lineStarts[line], line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length).trim() === '';
  if (lines.end >= doc.text.length || next + 1 >= doc.lineStarts.length) return lines;
  if (!isBlank(first - 1) || !isBlank(next)) return lines;
  let last = next;
  while (last + 1 < doc.lineStarts.length - 1 && isBlank(last + 1)) last++;
  return { start: lines.start, end: doc.lineStarts[last + 1] };
}
import { nameText } from '../messageText';

/** dotenv keeps the last of repeated keys: every earlier one is dead text. */
export const duplicateKey: Rule = {
  code: 'duplicateKey',
  group: 'core',
  defaultSeverity: 'warning',
  description: 'The same key is set more than once; dotenv keeps the last value.',
  fixAll: true,
  linterCheck: 'DuplicatedKey',
  docs: {
    example: "LOG_LEVEL=debug\nLOG_LEVEL=info",
    fix: "Remove the earlier line (the safe fix: dotenv never reads it, so nothing a program reads changes), or comment it out if you want to keep it as a note.",
  },
  check(ctx) {
    const last = ctx.index.byKey;
    for (const entry of ctx.doc.entries) {
      const winner = last.get(entry.key)!;
      if (winner === entry) continue;
      const remove = withLoneBlankLine(ctx.doc, wholeLinesSpan(ctx.doc, entry.span));
      ctx.report({
        span: entry.keySpan,
        message: `${nameText(entry.key)} is set again on line ${winner.line + 1}; dotenv keeps the last value, so this line has no effect.`,
        tags: ['unnecessary'],
        info: { key: entry.key, winnerLine: winner.line },
        fixes: [
          { title: `Remove this ${entry.key} line`, edits: [{ span: remove, newText: '' }], safe: replacementKeepsMeaning(ctx.doc, remove, '', entry), preferred: true },
          { title: `Comment out this ${entry.key} line`, edits: [{ span: { start: remove.start, end: remove.start }, newText: '# ' }] },
        ],
      });
    }
  },
};
