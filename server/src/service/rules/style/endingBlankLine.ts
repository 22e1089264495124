import type { Rule } from '../rule';
import { lineBreakOf } from '../edits';
import { linterLines } from './linterLines';

/** dotenv-linter's EndingBlankLine: a file ends with a line break. */
export const endingBlankLine: Rule = {
  code: 'endingBlankLine',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'The file does not end with a line break.',
  fixAll: true,
  linterCheck: 'EndingBlankLine',
  docs: {
    example: "APP_PORT=8080",
    fix: "End the file with a line break (the safe fix adds one).",
  },
  check(ctx) {
    const { text } = ctx.doc;
    const lines = linterLines(ctx.doc);
    const last = lines[lines.length - 1];
    if (!last || text.endsWith('\n') || text.endsWith('\r')) return;
    if (last.disabled.has('EndingBlankLine')) return;
    ctx.report({
      span: { start: last.start, end: last.end },
      message: 'The file does not end with a line break.',
      fixes: [{ title: 'Add a line break at the end of the file', edits: [{ span: { start: text.length, end: text.length }, newText: lineBreakOf(text) }], safe: true, preferred: true }],
    });
  },
};
