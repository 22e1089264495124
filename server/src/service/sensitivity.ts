/**
 * Whether a value may be shown: the one decision hover, completion, outline
 * (and any message) take before they print a value.
 *
 * A value is sensitive
 * - by schema: the variable is `sensitive: true` or of type `secret`;
 * - by name: the name looks like a secret's (…PASSWORD, …TOKEN, …_KEY…), schema or not;
 * - by value: it embeds a credential, i.e. a URL whose userinfo has a password
 *   (`postgres://app:pw@db`, `redis://:pw@host`, any scheme), or a reference
 *   whose default is a secret's (`${VAULT_DB_PASSWORD:-hunter2}`).
 *
 * Shown: nothing of a value sensitive by schema or name; a value sensitive only
 * by what it embeds is shown with the embedded secrets replaced by `••••`
 * (`postgres://app:••••@db/app`): the host and database stay readable, the
 * password never appears.
 */
import type { SchemaSet } from './schema/schemaSet';
import type { VariableSpec } from './schema/types';
import { findReferences } from './parser/references';

const SECRET_LOOKING = /(SECRET|PASSWORD|PASSWD|PASS$|TOKEN|PRIVATE|API_KEY|APIKEY|CREDENTIAL|_KEY$|^KEY$|DSN|COOKIE|SALT)/i;
export const REDACTED = '••••';
export const HIDDEN = '•••••••• (hidden: sensitive)';

export type Sensitivity = 'schema' | 'name' | 'value' | undefined;

/** Why a variable's value must not be shown, or undefined when it may. `value` is what dotenv reads. */
export function sensitivityOf(name: string, value: string | undefined, schemaSet: SchemaSet): Sensitivity {
  const spec = schemaSet.lookup(name)?.spec;
  if (spec && isSensitiveSpec(spec)) return 'schema';
  if (SECRET_LOOKING.test(name)) return 'name';
  if (value !== undefined && embedsSecret(value, schemaSet)) return 'value';
  return undefined;
}

export function isSensitive(name: string, value: string | undefined, schemaSet: SchemaSet): boolean {
  return sensitivityOf(name, value, schemaSet) !== undefined;
}

/** A name's values are never shown (schema or secret-looking name), whatever they hold. */
export function isSensitiveName(name: string, schemaSet: SchemaSet): boolean {
  const s = sensitivityOf(name, undefined, schemaSet);
  return s === 'schema' || s === 'name';
}

/** A schema variable whose values (default and examples included) are never shown. */
export function isSensitiveSpec(spec: VariableSpec): boolean {
  return spec.sensitive === true || spec.type === 'secret' || SECRET_LOOKING.test(spec.name);
}

/** The value as it may be shown: hidden entirely, with embedded secrets replaced, or as it is. */
export function shownValue(name: string, value: string, schemaSet: SchemaSet): string {
  const sensitivity = sensitivityOf(name, value, schemaSet);
  if (sensitivity === 'schema' || sensitivity === 'name') return value.length === 0 ? '(empty)' : HIDDEN;
  if (sensitivity === 'value') return redactEmbeddedSecrets(value, schemaSet);
  return value;
}

/** @deprecated the old name of shownValue. */
export const maskedValue = shownValue;

/** A value that holds a URL password or a secret's default, whatever the variable's name. */
export function embedsSecret(value: string, schemaSet: SchemaSet): boolean {
  return redactEmbeddedSecrets(value, schemaSet) !== value;
}

export function embedsCredential(value: string): boolean {
  return redactUrlPasswords(value) !== value;
}

/** URL passwords and the defaults of references to secrets replaced by ••••. */
export function redactEmbeddedSecrets(value: string, schemaSet: SchemaSet): string {
  return redactUrlPasswords(redactSecretDefaults(value, schemaSet));
}

/**
 * Replaces what lies between the userinfo's `:` and the last `@` of each URL
 * (`scheme://` up to a blank or the next `scheme://`): a password with
 * unencoded `/` or `@` is hidden whole (at worst more than the password is
 * hidden, never less). Hand-written rather than a regular expression, to stay
 * linear on long values.
 */
export function redactUrlPasswords(value: string): string {
  const starts: { scheme: number; authority: number }[] = [];
  let floor = 0;
  for (let i = value.indexOf('://'); i !== -1; i = value.indexOf('://', i + 3)) {
    let scheme = i;
    while (scheme > floor && isSchemeChar(value.charCodeAt(scheme - 1))) scheme--;
    while (scheme < i && !isLetter(value.charCodeAt(scheme))) scheme++;
    if (scheme < i) starts.push({ scheme, authority: i + 3 });
    floor = i + 3;
  }
  if (starts.length === 0) return value;
  let out = '';
  let copied = 0;
  for (let k = 0; k < starts.length; k++) {
    const { authority } = starts[k];
    const limit = k + 1 < starts.length ? starts[k + 1].scheme : value.length;
    let end = authority;
    while (end < limit && !isBlank(value.charCodeAt(end))) end++;
    const at = value.lastIndexOf('@', end - 1);
    if (at < authority) continue;
    const colon = value.indexOf(':', authority);
    if (colon === -1 || colon > at || colon + 1 === at) continue;
    out += value.slice(copied, colon + 1) + REDACTED;
    copied = at;
  }
  return copied === 0 ? value : out + value.slice(copied);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** `${SECRET:-default}`: the default stands in for the secret, so it is one; nested references too. */
function redactSecretDefaults(value: string, schemaSet: SchemaSet): string {
  if (value.indexOf('$') === -1) return value;
  const spans: { start: number; end: number }[] = [];
  for (const ref of findReferences(value, 0, value.length)) {
    if (ref.fallbackSpan && ref.fallbackSpan.end > ref.fallbackSpan.start && isSensitiveName(ref.name, schemaSet)) spans.push(ref.fallbackSpan);
  }
  if (spans.length === 0) return value;
  // Outer references come first: keep the outermost of nested spans, then replace right to left.
  const kept = spans.filter((s) => !spans.some((o) => o !== s && o.start <= s.start && s.end <= o.end));
  let out = value;
  for (const span of kept.sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + REDACTED + out.slice(span.end);
  return out;
}
