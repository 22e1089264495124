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
 * in a project, a secret still holding its example's value. Without a schema
 * too (secretHygiene.ts): credentials where others can read them, placeholders,
 * demo keys and weak values in secrets.
 */
export const insecureValue: Rule = {
  code: 'insecureValue',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'A credential where others can read it (a browser variable, a committed file, an example), a placeholder, demo or weak secret, a reused secret, or TLS verification switched off.',
  fixAll: false,
  alsoWithoutSchema: true,
  docs: {
    details:
      'With a schema: values the schema documents as insecure (`NODE_TLS_REJECT_UNAUTHORIZED=0`), a secret shorter than its documented minimum ' +
      'or left at its documented placeholder, two secrets that must differ sharing a value, and `NEXT_PUBLIC_X` when the schema says `X` is a secret.\n\n' +
      'Without a schema, in every env file:\n\n' +
      '- **A provider-shaped credential** (a GitHub, Stripe secret, OpenAI, Slack, AWS secret access key, private key…, found by ' +
      "[secretlint's recommended rules](https://github.com/secretlint/secretlint/tree/master/packages/%40secretlint/secretlint-rule-preset-recommend)) " +
      'in a variable a bundler ships to the browser (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `REACT_APP_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, `GATSBY_`), ' +
      'in a file git does not ignore or already tracks, or in an example, template or schema file (those are committed by design): a warning. ' +
      'Keys meant for the browser (Stripe `pk_live_`, Supabase anon and `sb_publishable_` keys, Sentry DSNs, PostHog `phc_`, Firebase web keys) are not credentials here.\n' +
      '- **A placeholder, demo or weak value** in a sensitive variable (by schema or by a secret-looking name) of a values file: `changeme`, `secret`, ' +
      '`your-api-key-here`, `<token>`, `xxxx`, the variable\'s own name, all zeros, one character repeated, fewer than 8 characters, or a published demo key ' +
      "(the Supabase CLI's and self-hosting example's keys, Django's `django-insecure-` keys, AWS's documented example key): information, because a local " +
      '`.env` often holds them on purpose. Never in examples, where placeholders belong; settings that only look secret (`COOKIE_SECURE=true`, `TOKEN_TTL=3600`) are left alone.\n' +
      "- In a project, a secret still holding its example's non-empty value (`JWT_SECRET=changeme` copied from `.env.example`), with a fix that generates a random value.\n\n" +
      "Placeholders and demo keys need the file's project (its role: example or values); a file checked alone gets only the browser check. Messages never quote the value.",
    example: '# .env of an app (git ignores it)\nJWT_SECRET=changeme',
    project: { path: '.env', files: {}, git: { ignored: true, tracked: false } },
    fix: 'Set a long random value, move credentials out of browser variables and committed files (and rotate any that leaked), and turn TLS verification back on. ' +
      'A secret still at its example or documented placeholder gets a quick fix that generates a random value; the others are yours to set.',
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
