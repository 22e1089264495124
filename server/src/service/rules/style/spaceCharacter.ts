import type { Rule } from '../rule';
import { leadingBlanks, linted, trailingBlanks } from './linterLines';
import { keepsLineMeaning } from '../meaning';

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
    fix: "Write `KEY=value` without blanks around `=` (a safe fix wherever dotenv reads the same key and value afterwards).",
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
      // Blanks after `=` that end the line are trailing whitespace (its own fix removes them): the
      // two fixes would otherwise overlap and one fix-all could apply only one of them.
      const end = eq + 1 + (after.trim() === '' ? 0 : leadingBlanks(after));
      const edits = [{ span: { start, end }, newText: '=' }];
      ctx.report({
        span: { start, end },
        message: 'The line has spaces around =: write KEY=value.',
        fixes: start === end - 1 ? [] : [{ title: 'Remove the spaces around `=`', edits, safe: keepsLineMeaning(ctx.doc, line, edits), preferred: true }],
      });
    }
  },
};
