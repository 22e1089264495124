import type { Rule } from '../rule';
import { linted } from './linterLines';
import { lineContentEnd } from '../../positions';

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
    fix: "Remove the extra blank line (the safe fix).",
  },
  check(ctx) {
    let lastBlank: number | undefined;
    for (const line of linted(ctx.doc, 'ExtraBlankLine')) {
      if (!line.isEmpty) continue;
      const extra = lastBlank !== undefined && lastBlank + 1 === line.line;
      lastBlank = line.line;
      if (!extra) continue;
      // The line break before this line and this line's blanks: works for the last line too,
      // which has no line break of its own.
      const remove = { start: lineContentEnd(ctx.doc, line.line - 1), end: line.end };
      ctx.report({
        span: { start: line.start, end: line.end },
        message: 'Extra blank line: one blank line is enough to separate groups of keys.',
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove the extra blank line', edits: [{ span: remove, newText: '' }], safe: true, preferred: true }],
      });
    }
  },
};
