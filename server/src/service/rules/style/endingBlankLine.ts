import type { Rule } from '../rule';
import { lineBreakOf } from '../edits';
import { linterLines } from './linterLines';
import { outsideEntries, replacementKeepsMeaning } from '../meaning';

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
    fix: "End the file with a line break (the safe fix adds one, or removes the blanks of a last line that has nothing else).",
  },
  check(ctx) {
    const { text } = ctx.doc;
    const lines = linterLines(ctx.doc);
    const last = lines[lines.length - 1];
    if (!last || text.endsWith('\n') || text.endsWith('\r')) return;
    if (last.disabled.has('EndingBlankLine')) return;
    // A last line of blanks becomes nothing rather than a blank line: a line break after it would
    // leave two blank lines at the end (extraBlankLine), and removing that one would undo this.
    const blankTail = last.isEmpty && outsideEntries(ctx.doc, { start: last.start, end: last.end });
    const fix = blankTail
      ? { title: 'Remove the blanks at the end of the file', edits: [{ span: { start: last.start, end: last.end }, newText: '' }], safe: true, preferred: true }
      : {
          title: 'Add a line break at the end of the file',
          edits: [{ span: { start: text.length, end: text.length }, newText: lineBreakOf(text) }],
          // `KEY:` at the very end is nothing to dotenv, and `KEY:` + line break is KEY='' (its `:`
          // separator wants a blank after it): checked, not assumed.
          safe: replacementKeepsMeaning(ctx.doc, { start: text.length, end: text.length }, lineBreakOf(text)),
          preferred: true,
        };
    ctx.report({
      span: { start: last.start, end: last.end },
      message: 'The file does not end with a line break.',
      fixes: [fix],
    });
  },
};
