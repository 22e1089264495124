import type { Rule } from '../rule';
import { linted, trailingBlanks } from './linterLines';
import { keepsLineMeaning } from '../meaning';

/** dotenv-linter's TrailingWhitespace: no spaces at the end of a line. */
export const trailingWhitespace: Rule = {
  code: 'trailingWhitespace',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A line ends with spaces.',
  fixAll: true,
  linterCheck: 'TrailingWhitespace',
  docs: {
    example: "APP_PORT=8080   ",
    fix: "Remove the spaces at the end of the line (a safe fix unless they are part of a value).",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'TrailingWhitespace')) {
      if (!line.text.endsWith(' ')) continue;
      const span = { start: line.end - trailingBlanks(line.text), end: line.end };
      const edits = [{ span, newText: '' }];
      ctx.report({
        span,
        message: 'Trailing whitespace at the end of the line.',
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove the trailing whitespace', edits, safe: keepsLineMeaning(ctx.doc, line, edits), preferred: true }],
      });
    }
  },
};
