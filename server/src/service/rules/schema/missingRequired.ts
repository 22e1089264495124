import type { Fix, Rule, RuleContext } from '../rule';
import type { ResolvedSchema, VariableSpec } from '../../schema/types';
import { conditionHolds, describeCondition } from '../../schema/values';
import { missingPlacer } from './placeMissing';
import { fileLookup } from './lookupInFile';
import { keysOfOtherLayers } from '../../project/context';
import { MESSAGE_MAX, sentencesWithin } from '../messageText';

/** A variable the bound product needs is absent (conditions and alternatives considered). */
export const missingRequired: Rule = {
  code: 'missingRequired',
  group: 'schema',
  defaultSeverity: 'error',
  needsCertainty: true,
  description: 'A variable the product requires (always, or because of another variable) is not set.',
  fixAll: false,
  docs: {
    details:
      'Conditions ("required if AUTH_ENABLED=true") and alternatives that satisfy a requirement are taken into account. ' +
      'In a project, a variable set by another file loaded with this one (`.env` under a `.env.local`) counts as set. ' +
      'It needs an explicit binding or a confident detection; with a detected schema, always-required variables are only ' +
      'reported when the file sets at least one of them (an overlay such as a compose override holds only part of the settings). ' +
      'A catalog schema (a common service such as `stripe` or `authjs-v5`) reports its requirements only when the app declares the ' +
      "service (a dependency in the app's manifest; then any of its variables in the file is enough) or the schema is bound by name; " +
      'found by its variable names alone, it reports none.',
    example: "# envls-schema: neosync/api\nAUTH_ENABLED=true",
    fix: "Add the variable; the quick fixes add one or all missing variables with their documented default (or empty), next to their section.",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    const lookup = fileLookup(ctx.doc, ctx.schemaSet);
    // In a project, the files loaded with this one count: a `.env.local` of overrides lacks nothing `.env` sets.
    const others = ctx.project ? keysOfOtherLayers(ctx.project) : undefined;
    const present = (name: string) => byKey.has(name) || others?.has(name) === true;
    const satisfied = (spec: VariableSpec) =>
      present(spec.name) || (spec.aliases ?? []).some(present) || (spec.required?.alternatives ?? []).some((set) => set.length > 0 && set.every(present));
    // A detection knows the product, not that this file holds all of its settings: a compose overlay
    // (compose.auth.yml) or one of several env_file entries sets one feature's variables and leaves the
    // rest to another file. Unless the schema was bound explicitly, unconditional requirements are
    // reported only in a file that sets at least one of that schema's unconditional requirements;
    // requirements the file's own values trigger (AUTH_ENABLED=true -> AUTH_AUDIENCE) always are.
    const anchored = new Set<ResolvedSchema>();
    // The project's own declaration (`.env.schema`) is explicit even beside a detection.
    const isExplicit = (schema: ResolvedSchema) => ctx.certainty === 'explicit' || ctx.explicitIds.includes(schema.id);
    if (ctx.certainty !== 'explicit') {
      for (const { spec, schema } of ctx.schemaSet.variables()) {
        if (isUnconditional(spec) && satisfied(spec)) anchored.add(schema);
      }
      // A catalog service the app declares (a manifest dependency) is anchored by any of its variables:
      // a file that sets AUTH_GITHUB_ID in an app depending on @auth/core lacks AUTH_SECRET.
      for (const match of ctx.index.matches) {
        if (match?.schema.catalog && ctx.declared.includes(match.schema.id)) anchored.add(match.schema);
      }
    }
    const missing: { spec: VariableSpec; schema: ResolvedSchema; why: string }[] = [];
    for (const { spec, schema } of ctx.schemaSet.variables()) {
      const req = spec.required;
      if (!req || spec.managedBy || spec.deprecated) continue;
      // A catalog service found by its names alone may be another app's setting copied here: its
      // requirements count only when the app declares the service (a manifest dependency) or a person bound it.
      if (schema.catalog && !isExplicit(schema) && !ctx.declared.includes(schema.id)) continue;
      // A weak detection never reports requirements (it runs here only beside an explicit project schema).
      if (!isExplicit(schema) && ctx.certainty !== 'confident') continue;
      if (satisfied(spec)) continue;
      if (req.kind === 'when' && !(req.when ?? []).every((c) => conditionHolds(c, lookup))) continue;
      if (!isExplicit(schema) && isUnconditional(spec) && !anchored.has(schema)) continue;
      const why = req.reason ?? (req.kind === 'when' && req.when?.length ? `required when ${req.when.map(describeCondition).join(' and ')}` : 'required');
      missing.push({ spec, schema, why });
    }
    if (missing.length === 0) return;
    const anchor = ctx.anchor ?? firstLineSpan(ctx);
    const placeMissing = missingPlacer(ctx);
    const all: Fix | undefined = missing.length > 1
      ? { title: `Add all ${missing.length} missing required variables`, edits: placeMissing(missing) }
      : undefined;
    missing.forEach(({ spec, why }, i) => {
      const alternatives = spec.required?.alternatives?.length ? ` (or set ${spec.required.alternatives.map((s) => s.join(' + ')).join(', or ')})` : '';
      ctx.report({
        span: anchor,
        message: `${spec.name} is missing: ${sentencesWithin(why, MESSAGE_MAX - spec.name.length - 14 - alternatives.length).replace(/\.$/, '')}${alternatives}.`,
        info: { variable: spec.name },
        fixes: [{ title: `Add ${spec.name}`, edits: placeMissing([missing[i]]), preferred: true }, ...(all ? [all] : [])],
      });
    });
  },
};

/** Required whatever the file's other values: `always`, or `when` without conditions. */
function isUnconditional(spec: VariableSpec): boolean {
  const req = spec.required;
  return !!req && !spec.managedBy && !spec.deprecated && (req.kind === 'always' || !(req.when ?? []).length);
}

function firstLineSpan(ctx: RuleContext) {
  const end = ctx.doc.lineStarts.length > 1 ? ctx.doc.lineStarts[1] : ctx.doc.text.length;
  let e = end;
  while (e > 0 && (ctx.doc.text.charCodeAt(e - 1) === 10 || ctx.doc.text.charCodeAt(e - 1) === 13)) e--;
  return { start: 0, end: Math.max(0, e) };
}

