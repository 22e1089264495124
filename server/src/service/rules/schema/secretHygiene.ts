/**
 * insecureValue without a schema: what envls can tell about secrets from names and values alone.
 *
 * - A provider-shaped credential (secretlint's recommended detectors) where it leaks: in a variable
 *   a bundler ships to the browser (any file), in a file git commits (values files whose git facts say
 *   not ignored, or tracked), or in an example, template or schema file (committed by design). A
 *   warning: the credential is, or will be, readable by others.
 * - A weak value (published demo key, placeholder, zeros, one character, a few characters) in a
 *   sensitive variable (sensitivity.ts) of a values file. Information only: a local `.env` holding
 *   `JWT_SECRET=changeme` or the Supabase CLI's demo keys is often on purpose; envls says so once,
 *   quietly. Never in examples (placeholders belong there), never for a file alone (envls cannot
 *   tell an example from a values file without its project).
 *
 * No quick fix of its own: the right value is the user's (the suppression fix still applies).
 */
import type { Entry } from '../../parser/model';
import type { RuleContext } from '../rule';
import { isSensitiveName } from '../../sensitivity';
import { isValuesFile } from '../../project/context';
import { baseName } from '../../project/paths';
import { browserPrefixOf } from '../../secretHygiene/browserPrefixes';
import { credentialIn, URL_PASSWORD_DETECTORS } from '../../secretHygiene/credentials';
import { isPlaceholderOrDemo, weaknessOf, type Weakness } from '../../secretHygiene/weakValues';
import { nameText } from '../messageText';

/** `reported`: entries another insecureValue check already reported (one finding per line). */
export function checkSecretHygiene(ctx: RuleContext, reported: Set<Entry>): void {
  const project = ctx.project;
  const valuesFile = project ? isValuesFile(project) : undefined;
  const git = project?.git;
  const committed = git !== undefined && (git.ignored === false || git.tracked);
  for (const entry of ctx.index.byKey.values()) {
    if (reported.has(entry) || entry.passThrough || entry.value === '' || entry.references.length > 0) continue;
    const name = nameText(entry.key);
    const prefix = browserPrefixOf(entry.key);
    const where = prefix ? 'browser' : valuesFile === false ? 'example' : committed ? 'committed' : undefined;
    if (where) {
      const hit = credentialIn(entry.key, entry.value);
      // In an example, a URL's password is the documented local default; a placeholder-shaped key is no live one.
      if (hit && !(where === 'example' && URL_PASSWORD_DETECTORS.has(hit.detector)) && !isPlaceholderOrDemo(entry.key, entry.value)) {
        const message = credentialMessage(name, hit.kind, where, prefix?.prefix, nameText(baseName(project?.path ?? '')), git?.tracked === true);
        ctx.report({ span: valueSpan(entry), message, info: { variable: entry.key, reason: 'credential', detector: hit.detector, where } });
        continue;
      }
    }
    if (!valuesFile || !isSensitiveName(entry.key, ctx.schemaSet)) continue;
    const weakness = weaknessOf(entry.key, entry.value);
    if (!weakness) continue;
    ctx.report({
      span: valueSpan(entry),
      message: weakMessage(name, entry.value.length, weakness),
      info: { variable: entry.key, reason: weakness.kind, ...(weakness.source ? { source: weakness.source } : {}) },
      severity: 'information',
    });
  }
}

function valueSpan(entry: Entry) {
  return entry.rawSpan.end > entry.rawSpan.start ? entry.rawSpan : entry.keySpan;
}

/** The message of a credential found `where`; `file` is the example's name (clipped). */
export function credentialMessage(name: string, kind: string, where: 'browser' | 'example' | 'committed', prefix: string | undefined, file: string, tracked: boolean): string {
  if (where === 'browser') return `${name} holds ${kind}; ${prefix}… values ship to the browser. Keep it server-side and rotate it.`;
  if (where === 'example') return `${name} holds what looks like a live ${kind.replace(/^an? /, '')}; ${file} should hold a placeholder.`;
  return `${name} holds ${kind} in a file git commits (${tracked ? 'tracked' : 'not ignored'}). Move it out and rotate it.`;
}

export function weakMessage(name: string, length: number, weakness: Weakness): string {
  switch (weakness.kind) {
    case 'demoKey':
      return weakness.unpublished
        ? `${name} holds ${weakness.what}, which its own deployment check rejects; generate a new one for anything deployed.`
        : `${name} holds ${weakness.what}: it is published, so anyone can use it. Fine against a local stack only.`;
    case 'placeholder':
      return `${name} holds a placeholder, not a secret; set a long random value.`;
    case 'allZero':
      return `${name} is all zeros, not a secret; set a long random value.`;
    case 'oneCharacter':
      return `${name} is one character repeated, not a secret; set a long random value.`;
    case 'short':
      return `${name} is ${length} characters long, too short for a secret; use a long random value.`;
  }
}
