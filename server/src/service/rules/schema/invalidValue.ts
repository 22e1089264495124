import type { Entry, EnvDocument } from '../../parser/model';
import { parseEnv } from '../../parser/parse';
import type { Fix, Rule } from '../rule';
import { checkValue } from '../../schema/checkValue';
import { isSensitiveName } from '../../sensitivity';
import { placeholderOf } from '../../placeholders';
import type { VariableSpec } from '../../schema/types';

/** A URL with a password (`scheme://user:pw@host`): sensitive whatever the variable's name. */
const URL_CREDENTIAL = /\/\/[^/@\s]*:[^/@\s]*@/;

/** A value that does not fit its variable's type, allowed values or constraints. */
export const invalidValue: Rule = {
  code: 'invalidValue',
  group: 'schema',
  defaultSeverity: 'error',
  description: 'A value that breaks its variable type, allowed values, range, URL scheme, pattern, prefix/suffix or trailing-slash rule.',
  fixAll: true,
  docs: {
    example: "# envls-schema: neosync/api\nDB_PORT=fivethousand",
    fix: "Write a value of the documented type or one of the allowed values. When the correction is certain (a trailing slash, a missing suffix) and the corrected value passes the same check, it is a safe fix and fix-all applies it, changing only that value; the allowed values are offered one by one.",
  },
  check(ctx) {
    ctx.doc.entries.forEach((entry, i) => {
      const match = ctx.index.matches[i];
      if (!match || entry.references.length > 0) return; // with references: known only after expansion
      if (entry.passThrough) return; // compose takes the shell's value: nothing in the file to check
      // An example is a template no program loads: its placeholders (`****`, `<your url>`) are there to
      // be replaced, not values of the variable's type (vercel/ai-chatbot's `.env.example`).
      if (ctx.project?.role.role === 'example' && placeholderOf(entry.value, entry.key) !== undefined) return;
      const hidden = match.spec.sensitive === true || isSensitiveName(entry.key, ctx.schemaSet) || URL_CREDENTIAL.test(entry.value);
      const problem = checkValue(match.spec, entry.value, { hideValue: hidden });
      if (!problem) return;
      const fixes: Fix[] = [];
      const span = entry.rawSpan;
      const correction = correctedValue(match.spec, entry.value);
      const corrected = correction ? written(ctx.doc, entry, correction.value) : undefined;
      if (correction && corrected !== undefined) {
        // Safe only when the corrected value passes the same check: `https://x/` for a URL that must
        // end in /api loses its slash and gains /api, or it is no correction at all.
        fixes.push({ title: `Change to ${hidden ? 'the corrected value' : correction.value}`, edits: [{ span, newText: corrected }], safe: correction.valid, preferred: true });
      }
      for (const value of (problem.replacements ?? []).slice(0, 12)) {
        const text = written(ctx.doc, entry, value);
        if (text !== undefined) fixes.push({ title: `Change to ${value}`, edits: [{ span, newText: text }] });
      }
      // Never echo a secret back, not even in a message.
      const message = hidden && entry.value.length > 0 ? problem.message.split(entry.value).join('•••') : problem.message;
      ctx.report({ span: span.end > span.start ? span : entry.keySpan, message, info: { variable: match.spec.name }, fixes, severity: problem.severity });
    });
  },
};

/** Most certain corrections chained on one value (each removes one problem: a slash, a suffix). */
const MAX_CORRECTIONS = 4;

/**
 * The value after every certain correction checkValue knows, one after the other, and
 * whether the result passes the check. Undefined when there is no certain correction.
 */
export function correctedValue(spec: VariableSpec, value: string): { value: string; valid: boolean } | undefined {
  let current = value;
  let problem = checkValue(spec, current);
  for (let i = 0; i < MAX_CORRECTIONS && problem?.corrected !== undefined && problem.corrected !== current; i++) {
    current = problem.corrected;
    problem = checkValue(spec, current);
  }
  return current === value ? undefined : { value: current, valid: problem === undefined };
}

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
