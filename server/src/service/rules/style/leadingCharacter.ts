import type { FixEdit, Rule } from '../rule';
import { invalidLeadingLength, isKeyStart, leadingBlanks, linted } from './linterLines';
import { keepsLineMeaning } from '../meaning';
import { nameText } from '../messageText';

/** dotenv-linter's LeadingCharacter: a line must start with a letter or `_`. */
export const leadingCharacter: Rule = {
  code: 'leadingCharacter',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A line starts with something other than a letter or `_` (a blank, a digit, `.`, `-`, `*` …).',
  fixAll: true,
  linterCheck: 'LeadingCharacter',
  docs: {
    example: " APP_PORT=8080\n*DEBUG=1",
    fix: "Start the key at the beginning of the line with a letter or `_`. The quick fix removes the leading characters when a name is left; it is safe (fix-all applies it) only for blanks, since removing `*`, `.` or a digit renames the key dotenv reads or sets one it skipped.",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'LeadingCharacter')) {
      if (line.isEmpty) continue;
      const first = String.fromCodePoint(line.text.codePointAt(0)!);
      if (isKeyStart(first)) continue;
      const key = line.key!;
      const blanks = leadingBlanks(line.text);
      const invalid = invalidLeadingLength(key.text);
      const message = blanks > 0
        ? 'The line starts with whitespace: a key should start at the beginning of the line.'
        : `The key ${nameText(key.text)} starts with "${(key.text.slice(0, invalid) || first).slice(0, 8)}": a key should start with a letter or _.`;
      const edits: FixEdit[] = [];
      // Keep a leading `export`: only the blanks before it and the bad characters of the key go.
      if (blanks > 0) edits.push({ span: { start: line.start, end: line.start + blanks }, newText: '' });
      if (invalid > 0) edits.push({ span: { start: key.start, end: key.start + invalid }, newText: '' });
      // Nothing would be left of the key (`=VALUE`, `123=x`): no fix can guess the name. Removing only
      // blanks needs no name.
      const cleaned = key.text.slice(invalid).trim();
      const fixable = edits.length > 0 && (cleaned.length > 0 || invalid === 0);
      ctx.report({
        span: { start: line.start, end: Math.max(line.start + blanks, key.start + invalid, line.start + first.length) },
        message,
        // Removing blanks keeps the key; removing `*` or `.` renames it (dotenv reads `.F`, `1AB`) or
        // creates it (dotenv skips `*AB`): only the first is safe.
        fixes: fixable ? [{ title: 'Remove the leading characters', edits: mergeAdjacent(edits), safe: keepsLineMeaning(ctx.doc, line, edits), preferred: true }] : [],
      });
    }
  },
};

function mergeAdjacent(edits: FixEdit[]): FixEdit[] {
  if (edits.length === 2 && edits[0].span.end === edits[1].span.start) {
    return [{ span: { start: edits[0].span.start, end: edits[1].span.end }, newText: '' }];
  }
  return edits;
}
