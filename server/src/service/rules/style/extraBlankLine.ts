import type { Rule } from '../rule';
import { linted } from './linterLines';
import { outsideEntries } from '../meaning';

/** dotenv-linter's ExtraBlankLine: one blank line is enough to separate groups. */
export const extraBlankLine: Rule = {
  code: 'extraBlankLine',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A blank line follows another blank line.',
  fixAll: true,
  linterCheck: 'ExtraBlankLine',
  docs: {
    example: "A=1\n\n\nB=2",
    fix: "Remove the extra blank line (a safe fix unless the blank line is part of a value).",
  },
  check(ctx) {
    let lastBlank: number | undefined;
    for (const line of linted(ctx.doc, 'ExtraBlankLine')) {
      if (!line.isEmpty) continue;
      const extra = lastBlank !== undefined && lastBlank + 1 === line.line;
      lastBlank = line.line;
      if (!extra) continue;
      // The blank line before this one goes, with its line break: at the end of the file this keeps
      // the final line break (removing the break before the last line would lose it, for
      // endingBlankLine to add again), and blanks on that line go with it.
      const remove = { start: ctx.doc.lineStarts[line.line - 1], end: ctx.doc.lineStarts[line.line] };
      ctx.report({
        span: { start: line.start, end: line.end },
        message: 'Extra blank line: one blank line is enough to separate groups of keys.',
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove the extra blank line', edits: [{ span: remove, newText: '' }], safe: outsideEntries(ctx.doc, remove), preferred: true }],
      });
    }
  },
};
