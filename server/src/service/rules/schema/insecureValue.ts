import type { Entry } from '../../parser/model';
import type { Fix, Rule, RuleContext } from '../rule';
import type { VariableSpec } from '../../schema/types';
import { generateSecret } from '../../secrets';
import { ADVICE_NOTE } from '../../schema/checkValue';
import { isSensitiveName } from '../../sensitivity';
import { isValuesFile } from '../../project/context';
import { baseName } from '../../project/paths';
import { entriesByKey } from '../entryIndex';
import { MESSAGE_MAX, nameText, sentencesWithin } from '../messageText';
import { browserPrefixOf } from '../../secretHygiene/browserPrefixes';
import { checkSecretHygiene } from './secretHygiene';

/**
 * Values that are valid but unsafe: TLS verification switched off, a secret
 * shorter than its documented minimum or left at a documented placeholder, two
 * secrets that must differ sharing a value, a secret exposed to the browser;
 * in a project, a secret still holding its example's value (it also runs
 * without a schema then: a secret-looking name is enough).
 */
export const insecureValue: Rule = {
  code: 'insecureValue',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'TLS verification switched off, a weak or placeholder secret, a reused secret, or a secret exposed to the browser (NEXT_PUBLIC_…).',
  fixAll: false,
  alsoWithoutSchema: true,
  docs: {
    details:
      'In a project, a sensitive variable (by schema or by a secret-looking name) whose value is still the non-empty value of the ' +
      "app's example (`JWT_SECRET=changeme` copied from `.env.example`) is reported too, schema or not; never in the example itself, " +
      'never for a variable that is not sensitive (a copied `PORT=3000` is right).',
    example: "# envls-schema: flux/app\nNODE_TLS_REJECT_UNAUTHORIZED=0",
    fix: "Use a long random value (the quick fix generates one), keep secrets out of `NEXT_PUBLIC_…`/`VITE_…` variables, and turn TLS verification back on.",
  },
  check(ctx) {
    const byKey = ctx.index.byKey;
    const reported = new Set<Entry>();
    const report = (ctx: RuleContext, entry: Entry, name: string, minLength: number | undefined, message: string, reason: string) => {
      reported.add(entry);
      reportWithFix(ctx, entry, name, minLength, message, reason);
    };
    ctx.doc.entries.forEach((entry, i) => {
      // A compose pass-through (`NAME` alone) has no value in the file to judge.
      if (byKey.get(entry.key) !== entry || entry.passThrough) return;
      const exposed = exposedSecret(ctx, entry);
      if (exposed) {
        reported.add(entry);
        ctx.report({
          span: entry.keySpan,
          message: `${nameText(entry.key)} exposes ${exposed.secret} to the browser: values of ${exposed.prefix}… variables are bundled into client code. Keep secrets server-side.`,
          info: { variable: entry.key, reason: 'exposed' },
        });
      }
      const match = ctx.index.matches[i];
      if (!match || entry.value.length === 0 || entry.references.length > 0) return;
      const spec = match.spec;
      const insecure = spec.insecureValues?.find((v) => v === entry.value);
      if (insecure !== undefined) {
        reported.add(entry);
        ctx.report({ span: entry.rawSpan, message: spec.insecureMessage ? sentencesWithin(spec.insecureMessage, MESSAGE_MAX) : `${spec.name}=${insecure} is insecure.`, info: { variable: spec.name, reason: 'insecureValue' } });
      }
      if (!isSecret(spec)) return;
      const min = spec.constraints?.minLength;
      if (spec.placeholders?.includes(entry.value)) {
        report(ctx, entry, spec.name, spec.constraints?.minLength, `${spec.name} is still the documented placeholder value; anyone who read the docs knows it.`, 'placeholder');
      } else if (min !== undefined && entry.value.length < min) {
        const advice = spec.advice?.includes('minLength') ? ` ${ADVICE_NOTE}` : '';
        report(ctx, entry, spec.name, min, `${spec.name} is ${entry.value.length} characters long; use at least ${min} random characters.${advice}`, 'tooShort');
      }
      for (const other of spec.mustDifferFrom ?? []) {
        const otherEntry = byKey.get(other) ?? aliasEntry(ctx, other);
        // Report once per pair, on the later line.
        if (otherEntry && otherEntry.value === entry.value && otherEntry.line < entry.line) {
          report(ctx, entry, spec.name, spec.constraints?.minLength, `${spec.name} has the same value as ${other}; the documentation says they must differ.`, 'reused');
        }
      }
    });
    const example = ctx.project?.example;
    if (example && isValuesFile(ctx.project!)) {
      const exampleEntries = entriesByKey(example.doc);
      for (const entry of byKey.values()) {
        if (reported.has(entry) || entry.value === '' || entry.references.length > 0 || !isSensitiveName(entry.key, ctx.schemaSet)) continue;
        const listed = exampleEntries.get(entry.key);
        if (!listed || listed.value !== entry.value) continue;
        const minLength = ctx.schemaSet.lookup(entry.key)?.spec.constraints?.minLength;
        report(ctx, entry, entry.key, minLength, `${entry.key} still holds the placeholder from ${baseName(example.path)}; anyone who can read the example knows it.`, 'exampleValue');
      }
    }
    checkSecretHygiene(ctx, reported);
  },
};

function reportWithFix(ctx: RuleContext, entry: Entry, name: string, minLength: number | undefined, message: string, reason: string): void {
  const fix: Fix = {
    title: `Generate a strong random value for ${name}`,
    edits: [{ span: entry.rawSpan, newText: generateSecret(Math.max(32, minLength ?? 32)) }],
    preferred: true,
  };
  ctx.report({ span: entry.rawSpan.end > entry.rawSpan.start ? entry.rawSpan : entry.keySpan, message, info: { variable: name, reason }, fixes: [fix] });
}

function isSecret(spec: VariableSpec): boolean {
  return spec.type === 'secret' || spec.sensitive === true;
}

function aliasEntry(ctx: RuleContext, name: string): Entry | undefined {
  const spec = ctx.schemaSet.lookup(name)?.spec;
  if (!spec) return undefined;
  const byKey = ctx.index.byKey;
  return byKey.get(spec.name) ?? (spec.aliases ?? []).map((a) => byKey.get(a)).find((e) => e !== undefined);
}

/** The secret a browser-exposed key carries, if it names one, and the prefix that exposes it. */
function exposedSecret(ctx: RuleContext, entry: Entry): { secret: string; prefix: string } | undefined {
  const prefix = browserPrefixOf(entry.key)?.prefix;
  if (!prefix) return undefined;
  const rest = entry.key.slice(prefix.length);
  const spec = ctx.schemaSet.lookup(rest)?.spec;
  if (spec && isSecret(spec)) return { secret: `the secret ${spec.name}`, prefix };
  return undefined;
}
