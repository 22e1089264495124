/**
 * Placeholders: what people write where the real value goes (`changeme`, `<your key>`, `xxx`,
 * `your-key-here`). The one decision, with its data, for both features that ask:
 *
 * - completion never inserts an example's placeholder (projectCompletion.ts): `isPlaceholder(value)`;
 * - insecureValue reports a secret left at one, and a detector's hit on one is no live credential
 *   (secretHygiene/weakValues.ts): `placeholderOf(value, secretName)`.
 *
 * Each word and shape says where it holds: in `any` variable (it asks for a replacement wherever it
 * stands), or only as a `secret`'s value (`password`, `test`, `admin`, `dummy`, `my-…`: no secret,
 * but a working value of other variables: `NODE_ENV=test`, `DB_USER=admin`, `APP_NAME=my-app`).
 * Bounded: values longer than MAX_PLACEHOLDER_LENGTH are none (nobody types a placeholder that
 * long), and every pattern is linear in the value.
 */

export interface KnownValue {
  value: string;
  /** Why it is not the real value (for docs and tests; messages say it in fewer words). */
  reason: string;
  source?: string;
}

/** `any`: a placeholder in every variable; `secret`: only as the value of a secret. */
export type PlaceholderScope = 'any' | 'secret';

export interface PlaceholderWord extends KnownValue {
  scope: PlaceholderScope;
}

export interface PlaceholderShape {
  pattern: RegExp;
  reason: string;
  scope: PlaceholderScope;
  /** A value of this shape (tests check each pattern and scope with it). */
  example: string;
}

export interface Placeholder {
  reason: string;
  source?: string;
}

export const MAX_PLACEHOLDER_LENGTH = 200;

const COMMON = 'a common placeholder word';
const words = (scope: PlaceholderScope, reason: string, values: string[]): PlaceholderWord[] => values.map((value) => ({ value, reason, scope }));

/**
 * Compared with the whole value, ignoring case and the separators `-`, `_`, `.` and space
 * (`change-me`, `CHANGE_ME` and `Change Me` are `changeme`).
 */
export const PLACEHOLDER_WORDS: readonly PlaceholderWord[] = [
  ...words('any', 'asks to be replaced', ['changeme', 'changethis', 'replaceme', 'replacethis', 'replaceit']),
  ...words('any', 'says it is not done', ['todo', 'tbd', 'fixme', 'placeholder', 'none-yet', 'not-set', 'redacted', 'null']),
  ...words('any', 'an instruction', ['your-secret-here', 'yoursecret', 'mysecret']),
  { value: 'changeit', reason: 'the default password of Java keystores', source: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html', scope: 'any' },
  ...words('secret', 'the word secret itself', ['secret', 'supersecret', 'topsecret', 's3cr3t', 'secretkey', 'secret123', 'notsecret', 'insecure']),
  ...words('secret', 'the word password itself', ['password', 'passw0rd', 'p@ssw0rd', 'password1', 'password123', 'pass', 'pass123', 'passwd', 'pwd']),
  ...words('secret', COMMON, [
    'dummy', 'test', 'testing', 'example', 'sample', 'default', 'foo', 'bar', 'foobar', 'abc123', 'qwerty', 'letmein', 'admin', 'root', 'hunter2',
    'none', 'undefined', 'nil', 'key', 'token', 'apikey', '123456', '12345678', '123456789', '1234567890',
  ]),
];

/**
 * Placeholders by shape. Words inside a value count only between separators (or the ends), so a
 * random key that happens to contain `todo` is not one.
 */
export const PLACEHOLDER_SHAPES: readonly PlaceholderShape[] = [
  { pattern: /^<[^<>]*>$/, reason: 'a <…> template', scope: 'any', example: '<your app name>' },
  { pattern: /^\[[^[\]]*\]$/, reason: 'a […] template', scope: 'any', example: '[token]' },
  { pattern: /^\{\{.*\}\}$/, reason: 'a {{…}} template', scope: 'any', example: '{{ secret }}' },
  { pattern: /^(?:[xX]{3,}|\*{3,}|\.{3,}|…+|-{3,}|_{3,}|#{3,})$/, reason: 'filler (xxx, ***, ---, …) in place of the value', scope: 'any', example: '---' },
  { pattern: /(?:^|[-_.:/ ])(?:x{3,}|X{3,}|\*{3,}|\.{3,}|…)(?:$|[-_.:/ ])/, reason: 'xxx, *** or … in place of part of the value', scope: 'any', example: 'sk_live_xxx' },
  { pattern: /[xX]{4,}$/, reason: 'ends in xxxx', scope: 'any', example: 'pk_0123XXXX' },
  { pattern: /(?:^|[-_. ])(?:change[-_ .]?(?:me|this|it)|replace[-_ .]?(?:me|this|it|with))(?:$|[-_. ])/i, reason: 'asks to be replaced', scope: 'any', example: 'please-change-me-in-production' },
  { pattern: /^your[-_ .]/i, reason: 'an instruction (your-…)', scope: 'any', example: 'YOUR_API_KEY' },
  { pattern: /^my[-_ ]?(?:secret|key|token|password)/i, reason: 'an instruction (my-key…)', scope: 'any', example: 'my-token' },
  { pattern: /^(?:insert|put|enter|add|paste|fill)[-_ .]?(?:in[-_ .]?)?(?:your|the|a|an|here)(?=$|[-_ .])/i, reason: 'an instruction (insert-your-…)', scope: 'any', example: 'fill in the token' },
  { pattern: /[-_ .]here$/i, reason: 'an instruction (…-here)', scope: 'any', example: 'token-goes-here' },
  { pattern: /^%[A-Za-z_]{1,60}%$/, reason: 'a %…% template', scope: 'secret', example: '%API_KEY%' },
  { pattern: /(?:^|[-_. ])(?:todo|fixme|tbd|placeholder|dummy|insecure|not[-_ .]?secure|example|sample|fake)(?:$|[-_. ])/i, reason: 'says it is not the real value', scope: 'secret', example: 'fake_mail_password' },
  { pattern: /^(?:my|insert|enter|put|paste|generate|use)[-_ .]/i, reason: 'an instruction (my-…, generate-…)', scope: 'secret', example: 'generate-a-long-random-string' },
  { pattern: /[-_. <]your[-_ .]/i, reason: 'an instruction (…your-…)', scope: 'secret', example: 'sk_test_your_key' },
];

const WORDS = new Map(PLACEHOLDER_WORDS.map((w) => [wordKey(w.value), w]));

function wordKey(value: string): string {
  return value.toLowerCase().replace(/[-_. ]/g, '');
}

/**
 * Why `value` is a placeholder, or undefined. Without `secretName`: a placeholder in any variable.
 * With it: as that secret's value, which adds the `secret` words and shapes and the variable's own
 * name (`API_KEY=api_key`, `JWT_SECRET=<JWT_SECRET>`).
 */
export function placeholderOf(value: string, secretName?: string): Placeholder | undefined {
  const v = value.trim();
  if (v === '' || v.length > MAX_PLACEHOLDER_LENGTH) return undefined;
  const asSecret = secretName !== undefined;
  const word = WORDS.get(wordKey(v));
  if (word && (asSecret || word.scope === 'any')) return { reason: word.reason, ...(word.source ? { source: word.source } : {}) };
  const shape = PLACEHOLDER_SHAPES.find((s) => (asSecret || s.scope === 'any') && s.pattern.test(v));
  if (shape) return { reason: shape.reason };
  if (asSecret && repeatsName(secretName, v)) return { reason: "the variable's own name" };
  return undefined;
}

/** A placeholder in any variable: completion inserts none (the cursor goes to an empty value). */
export function isPlaceholder(value: string): boolean {
  return placeholderOf(value) !== undefined;
}

/** A value that is its variable's own name (`API_KEY=api_key`, `JWT_SECRET=<JWT_SECRET>`). */
export function repeatsName(name: string, value: string): boolean {
  const bare = value.replace(/^[<{[$%]+|[>}\]%]+$/g, '');
  return bare.length > 0 && bare.replace(/-/g, '_').toLowerCase() === name.toLowerCase();
}
