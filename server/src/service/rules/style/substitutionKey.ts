import type { FixEdit, Rule } from '../rule';
import { isEscaped, leadingBlanks, linted } from './linterLines';
import { nameText } from '../messageText';

const NAME = /^[A-Za-z0-9_]+/;

interface Segment {
  /** Offset, in the trimmed value, of the text after `$` (up to the next `$`). */
  at: number;
  text: string;
  incorrect: boolean;
  escaped: boolean;
}

/**
 * dotenv-linter's SubstitutionKeyChecker, step for step: the value is cut at
 * each `$`; a piece is wrong when it has `{` without `}` or the reverse, or
 * something else than a name between them.
 */
function segments(value: string): Segment[] {
  const out: Segment[] = [];
  let rest = value;
  let base = 0;
  for (let index = rest.indexOf('$'); index !== -1; index = rest.indexOf('$')) {
    const raw = rest.slice(index + 1);
    const next = raw.indexOf('$');
    const text = next === -1 ? raw : raw.slice(0, next);
    const close = text.indexOf('}');
    const open = text.startsWith('{');
    const incorrect = open !== (close !== -1) || (close !== -1 && /[^A-Za-z0-9_]/.test(text.slice(1, close)));
    // Like dotenv-linter, escaping is looked at in the text since the previous `$` only.
    out.push({ at: base + index + 1, text, incorrect, escaped: isEscaped(rest.slice(0, index)) });
    base += index + 1 + text.length;
    rest = next === -1 ? '' : raw.slice(next);
  }
  return out;
}

/** dotenv-linter's SubstitutionKey: `${NAME}` needs both braces. */
export const substitutionKey: Rule = {
  code: 'substitutionKey',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A `${NAME}` reference misses a brace or has something else than a name inside.',
  // Adding a brace changes the value dotenv reads (`${HOST` becomes `${HOST}`): the user picks it.
  fixAll: false,
  linterCheck: 'SubstitutionKey',
  docs: {
    example: "URL=http://${HOST",
    fix: "Write `${NAME}` with both braces, or `$NAME` (the quick fix adds the missing brace when its place is clear; fix-all does not, since the value dotenv reads changes).",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'SubstitutionKey')) {
      if (!line.value || !line.key) continue;
      const value = line.value.text.trim();
      if (value.startsWith("'")) continue;
      const base = line.value.start + leadingBlanks(line.value.text);
      const bad = segments(value).filter((s) => s.incorrect && !s.escaped);
      if (bad.length === 0) continue;
      const first = bad[0];
      const edits = bad.flatMap((s) => braceEdit(value, s, base));
      ctx.report({
        span: { start: base + first.at - 1, end: base + first.at + first.text.length },
          message: `The key ${nameText(line.key.text.trimEnd())} has a malformed reference${shownReference(first)}: write ${'${NAME}'} or $NAME.`,
        info: { key: line.key.text },
        fixes: edits.length > 0 && edits.length === bad.length
          ? [{ title: 'Complete the braces of the reference', edits, preferred: true }]
          : [],
      });
    }
  },
};

/**
 * The reference up to the end of its name (`${NAME`, `$NAME`), never further: the rest
 * of the piece runs to the next `$` and may hold a value (a `:-` default, a password).
 */
function shownReference(s: Segment): string {
  const open = s.text.startsWith('{');
  const name = NAME.exec(open ? s.text.slice(1) : s.text)?.[0];
  return name ? ` $${open ? '{' : ''}${nameText(name)}` : '';
}

/**
 * The one missing brace, when it is clear where it goes: `${NAME` gets its `}`
 * (unless a `}` comes later: `${A$B}` could mean several things), `$NAME}` its `{`.
 */
function braceEdit(value: string, s: Segment, base: number): FixEdit[] {
  if (s.text.startsWith('{')) {
    if (s.text.includes('}') || value.indexOf('}', s.at) !== -1) return [];
    const name = NAME.exec(s.text.slice(1))?.[0];
    if (!name) return [];
    const at = base + s.at + 1 + name.length;
    return [{ span: { start: at, end: at }, newText: '}' }];
  }
  const name = NAME.exec(s.text)?.[0];
  if (!name || s.text[name.length] !== '}') return [];
  const at = base + s.at;
  return [{ span: { start: at, end: at }, newText: '{' }];
}
