import type { Fix, Rule } from '../rule';
import { checkValue } from '../../schema/checkValue';

/** A value that does not fit its variable's type, allowed values or constraints. */
export const invalidValue: Rule = {
  code: 'invalidValue',
  group: 'schema',
  defaultSeverity: 'error',
  description: 'A value that breaks its variable type, allowed values, range, URL scheme, pattern, prefix/suffix or trailing-slash rule.',
  check(ctx) {
    for (const entry of ctx.doc.entries) {
      if (entry.references.length > 0) continue; // known only after expansion
      const match = ctx.schemaSet.lookup(entry.key);
      if (!match) continue;
      const problem = checkValue(match.spec, entry.value);
      if (!problem) continue;
      const fixes: Fix[] = [];
      const span = entry.rawSpan;
      if (problem.corrected !== undefined) {
        fixes.push({ title: `Change to ${match.spec.sensitive ? 'the corrected value' : problem.corrected}`, edits: [{ span, newText: problem.corrected }], safe: true, preferred: true });
      }
      for (const value of (problem.replacements ?? []).slice(0, 12)) {
        fixes.push({ title: `Change to ${value}`, edits: [{ span, newText: value }] });
      }
      // Never echo a secret back, not even in a message.
      const message = match.spec.sensitive ? problem.message.split(entry.value).join('•••') : problem.message;
      ctx.report({ span: span.end > span.start ? span : entry.keySpan, message, info: { variable: match.spec.name }, fixes });
    }
  },
};
