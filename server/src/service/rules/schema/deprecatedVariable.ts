import type { Fix, Rule } from '../rule';
import { booleanSpellings, parseBoolean } from '../../schema/values';
import { MESSAGE_MAX, sentencesWithin } from '../messageText';

/** A variable the documentation marks deprecated. */
export const deprecatedVariable: Rule = {
  code: 'deprecatedVariable',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'A variable marked deprecated, with its replacement and what changed.',
  fixAll: false,
  docs: {
    example: "# envls-schema: flagsmith/frontend\nALLOW_SIGNUPS=true",
    fix: "Switch to the replacement the message names. A plain rename is offered only when the documentation says the meaning is the same; an inverted flag gets the negated value.",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    ctx.doc.entries.forEach((entry, i) => {
      const match = ctx.index.matches[i];
      const deprecation = match?.spec.deprecated;
      if (!match || !deprecation) return;
      const replacement = deprecation.replacement;
      const fixes: Fix[] = [];
      if (replacement && !byKey.has(replacement)) {
        if (deprecation.renameSafe) {
          fixes.push({ title: `Rename to ${replacement}`, edits: [{ span: entry.keySpan, newText: replacement }], preferred: true });
        } else if (deprecation.inverted) {
          const current = parseBoolean(entry.value, match.spec.boolean);
          // Only where this file's product reads the replacement (it may live in another service).
          const target = ctx.schemaSet.lookup(replacement)?.spec;
          if (current !== undefined && target) {
            const spellings = booleanSpellings(target.boolean ?? match.spec.boolean);
            const negated = current ? spellings.falsy[0] : spellings.truthy[0];
            if (negated !== undefined) {
              fixes.push({
                title: `Replace with ${replacement}=${negated} (inverted meaning)`,
                edits: [{ span: { start: entry.keySpan.start, end: Math.max(entry.rawSpan.end, entry.separatorSpan.end) }, newText: `${replacement}=${negated}` }],
                preferred: true,
              });
            }
          }
        }
      }
      const caveat = deprecation.inverted ? ' (inverted meaning, not a plain rename)' : deprecation.renameSafe ? '' : ' (not a plain rename)';
      const instead = replacement ? ` Use ${replacement} instead${caveat}.` : '';
      ctx.report({
        span: entry.keySpan,
        message: `${entry.key} is deprecated: ${sentencesWithin(deprecation.message, MESSAGE_MAX - entry.key.length - 17 - instead.length)}${instead}`,
        tags: ['deprecated'],
        info: { variable: entry.key, replacement },
        fixes,
      });
    });
  },
};
