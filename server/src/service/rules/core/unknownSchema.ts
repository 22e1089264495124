import type { Rule } from '../rule';

/** An `# envls-schema:` id (or a setting's) that no loaded schema has. */
export const unknownSchema: Rule = {
  code: 'unknownSchema',
  group: 'core',
  defaultSeverity: 'error',
  description: 'A schema id in an `# envls-schema:` comment or the envls.schemas setting that no schema has.',
  check(ctx) {
    for (const { id, span } of ctx.unknownSchemaIds) {
      ctx.report({
        span: span ?? ctx.anchor ?? { start: 0, end: 0 },
        message: `No schema has the id "${id}". Builtin ids look like neosync/api or flagsmith/api; workspace schemas come from envls.schemaFiles.`,
        info: { id },
      });
    }
  },
};
