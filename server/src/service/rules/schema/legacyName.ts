import type { Rule } from '../rule';

/** An alias or old name used alone: the canonical name is what the documentation uses now. */
export const legacyName: Rule = {
  code: 'legacyName',
  group: 'schema',
  defaultSeverity: 'information',
  description: 'A legacy name or alias is used where the product documents another name.',
  fixAll: true,
  docs: {
    example: "# envls-schema: flux/app\nNEXTAUTH_URL=https://flux.example.com",
    fix: "Rename the key to the documented name (the safe fix); the product reads the old name too, so nothing changes at run time.",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    ctx.doc.entries.forEach((entry, i) => {
      if (byKey.get(entry.key) !== entry) return;
      const match = ctx.index.matches[i];
      if (!match || match.via !== 'alias') return;
      const { spec, schema } = match;
      if (byKey.has(spec.name)) return; // both set: aliasConflict says it
      ctx.report({
        span: entry.keySpan,
        message: `${entry.key} is a legacy name for ${spec.name} in ${schema.title}; ${schema.product} still reads it, but ${spec.name} is the documented name.`,
        info: { legacy: entry.key, canonical: spec.name },
        fixes: [{ title: `Rename to ${spec.name}`, edits: [{ span: entry.keySpan, newText: spec.name }], safe: true, preferred: true }],
      });
    });
  },
};
