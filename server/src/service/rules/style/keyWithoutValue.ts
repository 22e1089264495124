import type { Rule } from '../rule';
import { isBareExport, linted, trailingBlanks } from './linterLines';
import { nameText } from '../messageText';

/** dotenv-linter's KeyWithoutValue: a key with no `=` (dotenv skips the line). */
export const keyWithoutValue: Rule = {
  code: 'keyWithoutValue',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A line has a key but no `=`; dotenv skips it.',
  // Adding `=` creates a variable dotenv did not read before: the user picks it.
  fixAll: false,
  linterCheck: 'KeyWithoutValue',
  docs: {
    example: "APP_PORT",
    fix: "Add `=` (an empty value) or `=value`. The quick fix adds `=`; fix-all does not, since the key would then be set where dotenv skipped it. A line that is only `export` gets no fix: it has no key to complete.",
  },
  check(ctx) {
    for (const line of linted(ctx.doc, 'KeyWithoutValue')) {
      if (line.isEmpty || line.text.includes('=')) continue;
      const key = line.key!;
      const end = line.end - trailingBlanks(line.text);
      if (isBareExport(line)) {
        // Adding `=` would create a variable named `export`: no fix, the line lacks its key.
        ctx.report({ span: { start: key.start, end }, message: 'The line has export but no key: dotenv ignores this line. Write export KEY=value.' });
        continue;
      }
      ctx.report({
        span: { start: key.start, end },
        message: `The key ${nameText(key.text)} has no = sign: dotenv ignores this line. Add = (an empty value) or =value.`,
        info: { key: key.text },
        fixes: [{ title: `Add \`=\` after ${key.text}`, edits: [{ span: { start: end, end }, newText: '=' }], preferred: true }],
      });
    }
  },
};
