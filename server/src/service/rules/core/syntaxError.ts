import type { Rule } from '../rule';

/** What dotenv passes over silently, as found by the parser. */
export const syntaxError: Rule = {
  code: 'syntaxError',
  group: 'core',
  defaultSeverity: 'error',
  description: 'A line dotenv silently ignores or reads differently than it looks (no `=`, bad name, unterminated quote, text after a quote).',
  fixAll: false,
  docs: {
    example: "APP_PORT 8080\nGREETING=\"hello\n9LIVES=1",
    fix: "Add the missing `=`, close the quote, or rename the key to letters, digits and `_` (not starting with a digit). The quick fix comments the line out where nothing else is clear.",
  },
  check(ctx) {
    for (const problem of ctx.doc.problems) {
      const fixes = [];
      if (problem.kind === 'noSeparator' || problem.kind === 'invalidKey') {
        fixes.push({ title: 'Comment out this line', edits: [{ span: { start: problem.span.start, end: problem.span.start }, newText: '# ' }] });
      }
      // A bare name may be meant for docker compose (which passes the shell's value through): a warning, not an error.
      ctx.report({ span: problem.span, message: problem.message, fixes, info: { kind: problem.kind }, severity: problem.bareName ? 'warning' : undefined });
    }
  },
};
