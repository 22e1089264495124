import type { Rule } from '../rule';

/** An alias or old name used alone: the canonical name is what the documentation uses now. */
export const legacyName: Rule = {
  code: 'legacyName',
  group: 'schema',
  defaultSeverity: 'information',
  description: 'A legacy name or alias is used where the product documents another name.',
  // A rename: an app that still reads the old name (or a tool beside it) breaks. The user picks it.
  fixAll: false,
  docs: {
    example: "# envls-schema: flux/app\nNEXTAUTH_URL=https://flux.example.com",
    fix: "Rename the key to the documented name (the quick fix). Fix-all never renames: another program reading this file may still read the old name.",
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
        fixes: [{ title: `Rename to ${spec.name}`, edits: [{ span: entry.keySpan, newText: spec.name }], preferred: true }],
      });
    });
  },
};
