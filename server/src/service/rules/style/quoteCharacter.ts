import type { Rule } from '../rule';
import { linted } from './linterLines';
import { keepsLineMeaning } from '../meaning';

/** Values dotenv-linter leaves alone: quotes there are needed or at least defensible. */
const NEEDS_QUOTES = /\\n|\s|[$#&=]/;

/** dotenv-linter's QuoteCharacter: a plain word needs no quotes. */
export const quoteCharacter: Rule = {
  code: 'quoteCharacter',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A value has quote characters it does not need (no blanks, `#`, `$`, `=`, `&` or `\\n` in it).',
  // Needless quotes never change what dotenv reads, so removing them can wait for a person; and
  // whether a value needs them often shows only after the line's other fixes (`A="" ` has a blank
  // in its value until trailingWhitespace removes it), which one fix-all could not finish.
  fixAll: false,
  linterCheck: 'QuoteCharacter',
  docs: {
    example: "APP_NAME=\"demo\"",
    fix: "Remove the quotes (a quick fix you pick; fix-all leaves quotes alone). The fix is marked safe only when dotenv reads the same value without them: a stray or inner quote is part of the value.",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'QuoteCharacter')) {
      const value = line.value;
      if (!value || NEEDS_QUOTES.test(value.text)) continue;
      if (!value.text.includes('"') && !value.text.includes("'")) continue;
      const span = { start: value.start, end: value.start + value.text.length };
      const unquoted = value.text.replace(/["']/g, '');
      // Safe only where dotenv reads the same value without them: a matched pair of quotes around
      // the value. A stray quote (`"abc`, `a"`) or one inside is part of the value dotenv reads.
      const safe = keepsLineMeaning(ctx.doc, line, [{ span, newText: unquoted }]);
      ctx.report({
        span,
        // Never the value itself: it may be a secret.
        message: 'The value has quote characters it does not need.',
        fixes: [{ title: 'Remove the quote characters', edits: [{ span, newText: unquoted }], safe, preferred: safe }],
      });
    }
  },
};
