import type { Rule } from '../rule';
import { entriesByKey } from '../entryIndex';

/** An alias or old name used alone: the canonical name is what the documentation uses now. */
export const legacyName: Rule = {
  code: 'legacyName',
  group: 'schema',
  defaultSeverity: 'information',
  description: 'A legacy name or alias is used where the product documents another name.',
  check(ctx) {
    const byKey = entriesByKey(ctx.doc);
    for (const entry of ctx.doc.entries) {
      if (byKey.get(entry.key) !== entry) continue;
      const match = ctx.schemaSet.lookup(entry.key);
      if (!match || match.via !== 'alias') continue;
      const { spec, schema } = match;
      if (byKey.has(spec.name)) continue; // both set: aliasConflict says it
      ctx.report({
        span: entry.keySpan,
        message: `${entry.key} is a legacy name for ${spec.name} in ${schema.title}; ${schema.product} still reads it, but ${spec.name} is the documented name.`,
        info: { legacy: entry.key, canonical: spec.name },
        fixes: [{ title: `Rename to ${spec.name}`, edits: [{ span: entry.keySpan, newText: spec.name }], safe: true, preferred: true }],
      });
    }
  },
};
