import type { Rule } from '../rule';
import { invalidLeadingLength, linted } from './linterLines';
import { nameText } from '../messageText';

const NOT_WORD = /[^\p{Alphabetic}\p{N}_]/u;
const NOT_WORD_ALL = /[^\p{Alphabetic}\p{N}_]/gu;

/** dotenv-linter's IncorrectDelimiter: words in a key are joined by `_` only. */
export const incorrectDelimiter: Rule = {
  code: 'incorrectDelimiter',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A key joins its words with something other than `_` (`-`, `.`, a space …).',
  // A rename (dotenv reads `DB-HOST` as it is) or a new key (dotenv skips `ENV 17=`): the user picks it.
  fixAll: false,
  linterCheck: 'IncorrectDelimiter',
  docs: {
    example: "DB-HOST=localhost",
    fix: "Join the words with `_`. The quick fix renames the key, and only when you pick it: a program reading the old name must be changed too, so fix-all never applies it.",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'IncorrectDelimiter')) {
      const key = line.key;
      if (!key) continue;
      // Leading characters are leadingCharacter's business, not delimiters.
      const from = invalidLeadingLength(key.text);
      const body = key.text.slice(from).trimEnd();
      const bad = NOT_WORD.exec(body.trimStart());
      if (!bad) continue;
      const start = key.start + from;
      const fixed = body.replace(NOT_WORD_ALL, '_');
      ctx.report({
        span: { start: key.start, end: start + body.length },
        message: `The key ${nameText(key.text.trimEnd())} uses "${bad[0]}" as a delimiter: join the words of a key with _.`,
        info: { key: key.text },
        fixes: [{
          title: `Rename to ${key.text.slice(0, from)}${fixed}`,
          edits: [{ span: { start, end: start + body.length }, newText: fixed }],
          preferred: true,
        }],
      });
    }
  },
};
