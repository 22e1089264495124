import type { Entry, EnvDocument } from '../../parser/model';
import { parseEnv } from '../../parser/parse';
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
      const corrected = problem.corrected !== undefined ? written(ctx.doc, entry, problem.corrected) : undefined;
      if (problem.corrected !== undefined && corrected !== undefined) {
        fixes.push({ title: `Change to ${match.spec.sensitive ? 'the corrected value' : problem.corrected}`, edits: [{ span, newText: corrected }], safe: true, preferred: true });
      }
      for (const value of (problem.replacements ?? []).slice(0, 12)) {
        const text = written(ctx.doc, entry, value);
        if (text !== undefined) fixes.push({ title: `Change to ${value}`, edits: [{ span, newText: text }] });
      }
      // Never echo a secret back, not even in a message.
      const message = match.spec.sensitive ? problem.message.split(entry.value).join('•••') : problem.message;
      ctx.report({ span: span.end > span.start ? span : entry.keySpan, message, info: { variable: match.spec.name }, fixes });
    }
  },
};

/**
 * How to write `value` in place of the entry's raw value so that dotenv reads exactly `value`:
 * in the entry's own quotes if it has some, else bare, else quoted (a bare `#` would start a
 * comment, blanks at the edges would be trimmed). Undefined when no spelling reads back right.
 */
function written(doc: EnvDocument, entry: Entry, value: string): string | undefined {
  const before = doc.text.slice(entry.span.start, entry.rawSpan.start);
  const after = doc.text.slice(entry.rawSpan.end, entry.span.end);
  const candidates = [value, `"${value}"`, `'${value}'`];
  if (entry.quote) candidates.unshift(`${entry.quote}${value}${entry.quote}`);
  return candidates.find((candidate) => {
    const read = parseEnv(before + candidate + after).entries;
    return read.length === 1 && read[0].key === entry.key && read[0].value === value;
  });
}
