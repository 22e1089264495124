import type { Rule } from '../rule';
import { nameText } from '../messageText';

/** An `# envls-schema:` id (or a setting's) that no loaded schema has. */
export const unknownSchema: Rule = {
  code: 'unknownSchema',
  group: 'core',
  defaultSeverity: 'error',
  description: 'A schema id in an `# envls-schema:` comment or the envls.schemas setting that no schema has.',
  fixAll: false,
  docs: {
    example: "# envls-schema: neosync/apii\nDB_HOST=localhost",
    fix: "Use an id that exists (builtin ids look like `neosync/api`, `flagsmith/api`), or load your own schema with `envls.schemaFiles`.",
  },
  check(ctx) {
    for (const { id, span } of ctx.unknownSchemaIds) {
      ctx.report({
        span: span ?? ctx.anchor ?? { start: 0, end: 0 },
        message: `No schema has the id "${nameText(id)}". Builtin ids look like neosync/api; your own schemas come from envls.schemaFiles.`,
        info: { id },
      });
    }
  },
};
