import type { Rule } from '../rule';
import { linted } from './linterLines';

/** Values dotenv-linter leaves alone: quotes there are needed or at least defensible. */
const NEEDS_QUOTES = /\\n|\s|[$#&=]/;

/** dotenv-linter's QuoteCharacter: a plain word needs no quotes. */
export const quoteCharacter: Rule = {
  code: 'quoteCharacter',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A value has quote characters it does not need (no blanks, `#`, `$`, `=`, `&` or `\\n` in it).',
  fixAll: true,
  linterCheck: 'QuoteCharacter',
  docs: {
    example: "APP_NAME=\"demo\"",
    fix: "Remove the quotes (the safe fix, when the quotes are only delimiters).",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'QuoteCharacter')) {
      const value = line.value;
      if (!value || NEEDS_QUOTES.test(value.text)) continue;
      if (!value.text.includes('"') && !value.text.includes("'")) continue;
      const span = { start: value.start, end: value.start + value.text.length };
      const unquoted = value.text.replace(/["']/g, '');
      // Quotes at the edges are delimiters (a pair, or a stray one left open); a quote
      // inside the value is part of it, and removing it would change the value.
      const inner = value.text.slice(1, -1);
      const safe = !inner.includes('"') && !inner.includes("'");
      ctx.report({
        span,
        // Never the value itself: it may be a secret.
        message: 'The value has quote characters it does not need.',
        fixes: [{ title: 'Remove the quote characters', edits: [{ span, newText: unquoted }], safe, preferred: safe }],
      });
    }
  },
};
