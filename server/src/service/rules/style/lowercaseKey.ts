import type { Rule } from '../rule';
import { isBareExport, linted } from './linterLines';
import { nameText } from '../messageText';

/** dotenv-linter's LowercaseKey: keys are upper case. */
export const lowercaseKey: Rule = {
  code: 'lowercaseKey',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A key has lower-case letters; environment variable names are conventionally upper case.',
  // A rename: a program reading the old name breaks (SAML2_SP_x509). The user picks it.
  fixAll: false,
  linterCheck: 'LowercaseKey',
  docs: {
    example: "app_port=8080",
    fix: "Write the key in upper case. The quick fix renames it, and only when you pick it: a program reading the old name must be changed too, so fix-all never renames a key.",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'LowercaseKey')) {
      const key = line.key;
      if (!key || isBareExport(line)) continue; // `export` alone is a keyword, not a key
      const upper = key.text.toUpperCase();
      if (upper === key.text) continue;
      const span = { start: key.start, end: key.start + key.text.length };
      ctx.report({
        span,
        message: `The key ${nameText(key.text)} has lower-case letters: write it as ${nameText(upper.trimEnd())}.`,
        info: { key: key.text },
        fixes: [{ title: `Rename to ${upper.trimEnd()}`, edits: [{ span, newText: upper }], preferred: true }],
      });
    }
  },
};
