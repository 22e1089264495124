import type { Rule } from '../rule';
import { leadingBlanks, linted, trailingBlanks } from './linterLines';

/** dotenv-linter's SpaceCharacter: no blanks around `=`. */
export const spaceCharacter: Rule = {
  code: 'spaceCharacter',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A line has spaces around `=`.',
  fixAll: true,
  linterCheck: 'SpaceCharacter',
  docs: {
    example: "APP_PORT = 8080",
    fix: "Write `KEY=value` without blanks around `=` (the safe fix).",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'SpaceCharacter')) {
      // dotenv-linter looks only at lines with exactly one `=`.
      const parts = line.text.split('=');
      if (parts.length !== 2) continue;
      const [before, after] = parts;
      if (!before.endsWith(' ') && !after.startsWith(' ')) continue;
      const eq = line.start + before.length;
      const start = eq - trailingBlanks(before);
      const end = eq + 1 + leadingBlanks(after);
      ctx.report({
        span: { start, end },
        message: 'The line has spaces around =: write KEY=value.',
        fixes: [{ title: 'Remove the spaces around `=`', edits: [{ span: { start, end }, newText: '=' }], safe: true, preferred: true }],
      });
    }
  },
};
