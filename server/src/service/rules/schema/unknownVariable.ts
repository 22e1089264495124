import type { Rule } from '../rule';
import { NearMissIndex } from '../../schema/nearMiss';
import type { SchemaSet } from '../../schema/schemaSet';

const indexes = new WeakMap<SchemaSet, NearMissIndex>();

/**
 * A name no bound schema knows. Near-misses of known names (typos) and the
 * product's documented look-alikes are warned about; other unknown names stay
 * quiet unless envls.unknownVariables is on (apps add their own variables).
 */
export const unknownVariable: Rule = {
  code: 'unknownVariable',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'A name the bound schemas do not know: a typo of a known name ("did you mean"), or any unknown name when envls.unknownVariables is on.',
  check(ctx) {
    let index = indexes.get(ctx.schemaSet);
    // Names other values refer to are helpers, not unknown variables; only needed when every unknown name is reported.
    let referenced: Set<string> | undefined;
    const isReferenced = (name: string): boolean => {
      if (!referenced) {
        referenced = new Set();
        for (const entry of ctx.doc.entries) for (const ref of entry.references) referenced.add(ref.name);
      }
      return referenced.has(name);
    };
    for (const entry of ctx.doc.entries) {
      if (ctx.schemaSet.lookup(entry.key)) continue;
      const lookAlike = ctx.schemaSet.lookAlike(entry.key);
      if (lookAlike) {
        ctx.report({
          span: entry.keySpan,
          message: `${entry.key}: ${lookAlike.message}`,
          info: { variable: entry.key, suggestions: lookAlike.meant ? [lookAlike.meant] : [] },
          fixes: lookAlike.meant ? [{ title: `Rename to ${lookAlike.meant}`, edits: [{ span: entry.keySpan, newText: lookAlike.meant }], preferred: true }] : [],
        });
        continue;
      }
      if (!index) {
        index = new NearMissIndex(ctx.schemaSet.knownNames());
        indexes.set(ctx.schemaSet, index);
      }
      const suggestions = index.suggest(entry.key);
      if (suggestions.length > 0) {
        ctx.report({
          span: entry.keySpan,
          message: `${entry.key} is not a variable of ${ctx.schemas.map((s) => s.id).join(', ')}. Did you mean ${suggestions.join(' or ')}?`,
          info: { variable: entry.key, suggestions },
          fixes: suggestions.map((name, i) => ({ title: `Rename to ${name}`, edits: [{ span: entry.keySpan, newText: name }], preferred: i === 0 })),
        });
      } else if (ctx.reportAllUnknown && !isReferenced(entry.key)) {
        ctx.report({
          span: entry.keySpan,
          message: `${entry.key} is not a variable of ${ctx.schemas.map((s) => s.id).join(', ')}.`,
          info: { variable: entry.key, suggestions: [] },
        });
      }
    }
  },
};
