import type { Rule } from '../rule';
import { nameText } from '../messageText';

/** `${NAME}` that nothing in the file defines and that has no default. */
export const undefinedReference: Rule = {
  code: 'undefinedReference',
  group: 'core',
  defaultSeverity: 'warning',
  description: 'A ${NAME} or $NAME reference to a variable the file does not define (and without a :- default).',
  fixAll: false,
  docs: {
    example: "DATABASE_URL=postgres://${DB_HOST}:5432/app",
    fix: "Define the variable in the file, or give the reference a default: `${DB_HOST:-localhost}` (the quick fix writes `${DB_HOST:-}`).",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    for (const entry of ctx.doc.entries) {
      if (entry.quote === "'") continue; // written literally by intent in most tools
      for (const ref of entry.references) {
        if (ref.operator || byKey.has(ref.name) || ref.name === entry.key) continue;
        ctx.report({
          span: ref.span,
          message: ctx.doc.dialect === 'compose'
            ? `${nameText(ref.name)} is not defined in this file; docker compose will use the shell's value, or an empty string.`
            : `${nameText(ref.name)} is not defined in this file; dotenv-expand will use the process environment's value, or an empty string.`,
          info: { variable: ref.name },
          fixes: [{ title: `Use a default: \${${ref.name}:-}`, edits: [{ span: ref.span, newText: `\${${ref.name}:-}` }] }],
        });
      }
    }
  },
};
