import type { Fix, Rule } from '../rule';
import { leadingBlanks, linted, type LinterLine } from './linterLines';
import { keepsLineMeaning } from '../meaning';
import type { EnvDocument } from '../../parser/model';

/** dotenv-linter's ValueWithoutQuotes: a value with blanks is quoted. */
export const valueWithoutQuotes: Rule = {
  code: 'valueWithoutQuotes',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A value with whitespace in it is not quoted.',
  fixAll: true,
  linterCheck: 'ValueWithoutQuotes',
  docs: {
    example: "GREETING=hello world",
    fix: "Surround the value with quotes (the safe fix picks quotes that keep the value dotenv reads; none is offered when the value has an inline comment).",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'ValueWithoutQuotes')) {
      const value = line.value;
      if (!value) continue;
      const raw = value.text.trim();
      if (!/\s/.test(raw)) continue;
      if ((raw.startsWith("'") && raw.endsWith("'")) || (raw.startsWith('"') && raw.endsWith('"'))) continue;
      const start = value.start + leadingBlanks(value.text);
      const span = { start, end: start + raw.length };
      ctx.report({
        span,
        message: raw.includes('#')
          ? 'This value has whitespace and is not quoted (the text after # is a comment, not part of the value).'
          : 'This value has whitespace and is not quoted: surround it with quotes.',
        fixes: quoteFix(ctx.doc, line, raw, span),
      });
    }
  },
};

/**
 * Quotes that keep the value dotenv reads: double quotes unless the value has a
 * backslash or a double quote (dotenv expands `\n` only between double quotes),
 * else single quotes unless it refers to a variable (dotenv-expand skips those).
 * With an inline comment there is no such fix: quoting would pull the comment
 * into the value, which is what dotenv-linter's own fix does.
 */
function quoteFix(doc: EnvDocument, line: LinterLine, raw: string, span: { start: number; end: number }): Fix[] {
  if (raw.includes('#')) return [];
  const candidates = [`"${raw}"`, `'${raw}'`];
  for (const quoted of candidates) {
    if (quoted.startsWith("'") && raw.includes('$')) continue;
    const edits = [{ span, newText: quoted }];
    if (keepsLineMeaning(doc, line, edits)) return [{ title: 'Surround the value with quotes', edits, safe: true, preferred: true }];
  }
  return [];
}
