import { MESSAGE_MAX } from '../messageText';
import type { Rule } from '../rule';
import { wholeLinesSpan } from '../edits';

/** A canonical name and one of its aliases are both set: only one of them is read. */
export const aliasConflict: Rule = {
  code: 'aliasConflict',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'A variable and one of its aliases (legacy names) are both set; the product reads only one.',
  // Removing a name a program may still read (NEXTAUTH_URL beside AUTH_URL): the user picks it.
  fixAll: false,
  docs: {
    example: "# envls-schema: flux/app\nAUTH_URL=https://flux.example.com\nNEXTAUTH_URL=https://old.example.com",
    fix: "Keep one of the two, or move the alias's value to the documented name (quick fixes). Fix-all never removes either: another program reading this file (an older version, a tool) may read the alias.",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    for (const { spec, schema } of ctx.schemaSet.variables()) {
      const canonical = byKey.get(spec.name);
      if (!canonical) continue;
      for (const alias of spec.aliases ?? []) {
        const other = byKey.get(alias);
        if (!other) continue;
        const winner = spec.precedence === 'alias' ? alias : spec.name;
        const loser = winner === alias ? spec.name : alias;
        const same = canonical.value === other.value;
        const moveValue = {
          title: `Move ${alias}'s value to ${spec.name} and remove ${alias}`,
          edits: [
            { span: canonical.rawSpan, newText: ctx.doc.text.slice(other.rawSpan.start, other.rawSpan.end) },
            { span: wholeLinesSpan(ctx.doc, other.span), newText: '' },
          ],
        };
        ctx.report({
          span: other.keySpan,
          message: conflictMessage(spec.name, alias, schema.product, winner, loser, same),
          info: { canonical: spec.name, alias, winner, sameValue: same },
          // Equal values: whichever name is read, the program gets the same value; nothing is wrong.
          severity: same ? 'information' : undefined,
          fixes: [
            { title: `Remove ${alias} (keep ${spec.name})`, edits: [{ span: wholeLinesSpan(ctx.doc, other.span), newText: '' }], preferred: same || winner === spec.name },
            ...(same ? [] : [moveValue]),
          ],
        });
      }
    }
  },
};

/** The full sentence, or without the product's name when long names would take it past MESSAGE_MAX. */
function conflictMessage(canonical: string, alias: string, product: string, winner: string, loser: string, same: boolean): string {
  const tail = same ? 'Both have the same value.' : 'The values differ.';
  const full = `${canonical} and ${alias} are both set; ${product} reads ${winner}, so ${loser} is ignored. ${tail}`;
  return full.length <= MESSAGE_MAX ? full : `${canonical} and ${alias} are both set; ${loser} is ignored. ${tail}`;
}
