/**
 * What varlock's @env-spec language says, as envls knows it: the root and item decorators and the
 * `@type` data types with their options, each with varlock's words (shortened) and its documentation
 * page. Read by the `.env.schema` mapping (envSpec.ts) and by completion and hover in the file.
 *
 * Sources (varlock's documentation; the site's source is github.com/dmno-dev/varlock,
 * packages/varlock-website/src/content/docs/reference/):
 * - https://varlock.dev/reference/root-decorators/
 * - https://varlock.dev/reference/item-decorators/
 * - https://varlock.dev/reference/data-types/
 * - https://varlock.dev/env-spec/reference/ (the syntax)
 */

export const VARLOCK_ROOT_DECORATORS_URL = 'https://varlock.dev/reference/root-decorators/';
export const VARLOCK_ITEM_DECORATORS_URL = 'https://varlock.dev/reference/item-decorators/';
export const VARLOCK_DATA_TYPES_URL = 'https://varlock.dev/reference/data-types/';
export const ENV_SPEC_REFERENCE_URL = 'https://varlock.dev/env-spec/reference/';

/** `used`: envls reads it into the schema; `unused`: varlock's, but nothing envls checks or shows depends on it. */
export type DecoratorUse = 'used' | 'unused';

export interface DecoratorInfo {
  name: string;
  /** Where it belongs: the file's header (root) or an item. */
  scope: 'root' | 'item';
  /** varlock's words, shortened. */
  summary: string;
  /** The value it takes, as varlock's page says. */
  valueType: string;
  /** What envls does with it. */
  envls: string;
  use: DecoratorUse;
  url: string;
  deprecated?: string;
}

const root = (name: string, anchor: string, valueType: string, summary: string, envls: string, use: DecoratorUse = 'unused', deprecated?: string): DecoratorInfo => ({
  name, scope: 'root', summary, valueType, envls, use, url: `${VARLOCK_ROOT_DECORATORS_URL}#${anchor}`, ...(deprecated ? { deprecated } : {}),
});
const item = (name: string, anchor: string, valueType: string, summary: string, envls: string, use: DecoratorUse = 'unused', deprecated?: string): DecoratorInfo => ({
  name, scope: 'item', summary, valueType, envls, use, url: `${VARLOCK_ITEM_DECORATORS_URL}#${anchor}`, ...(deprecated ? { deprecated } : {}),
});

const NOT_USED = 'envls does not use it: it changes how varlock loads or injects values, not what a value must be.';
const CODEGEN = 'envls does not use it: it configures varlock\'s code generation.';

export const DECORATORS: readonly DecoratorInfo[] = [
  root('defaultRequired', 'defaultrequired', 'boolean | "infer"', 'Default of `@required` for the items of this file. `infer` (the default): an item with a value in the file is required, an empty one optional.', 'Items without a value become required when it is `true`; an item with a value here has that value as its default, so it is never missing.', 'used'),
  root('defaultSensitive', 'defaultsensitive', 'boolean | inferFromPrefix(PREFIX)', 'Default of `@sensitive` for the items of this file: `true` (the default), `false`, or `inferFromPrefix(PUBLIC_)` (keys with the prefix are not sensitive).', 'Sensitive items are never shown in hover, completion or messages.', 'used'),
  root('currentEnv', 'currentenv', 'ref (`$ITEM`)', 'The item whose value is the current environment (which `.env.[env]` files load).', 'envls does not use it: the project model decides which files load together.'),
  root('envFlag', 'envflag', 'string', 'The name of the environment flag item.', 'envls does not use it.', 'unused', 'Deprecated in varlock 0.1: use `@currentEnv=$ITEM`.'),
  root('defaultDynamic', 'defaultdynamic', 'boolean | inferFromSensitive', 'Default of `@dynamic` (resolved at runtime rather than replaced at build time).', NOT_USED),
  root('disable', 'disable', 'boolean', 'Disables loading the file: none of its items or plugins are loaded.', 'With `@disable` (or `@disable=true`) envls applies none of the file\'s items.', 'used'),
  root('import', 'import', '(path, enabled?, allowMissing?, pick?, omit?)', 'Imports other `.env` files or folders.', 'envls does not follow imports: only the items of this file make the schema.'),
  root('setValuesBulk', 'setvaluesbulk', '(data, format?, createMissing?, enabled?, pick?, omit?)', 'Injects many values at once from an external source.', 'envls does not use it (it never runs anything a file names).'),
  root('plugin', 'plugin', '(identifier)', 'Loads a plugin, which may add decorators, data types and functions.', 'envls does not load plugins; decorators and types it does not know are then reported as information only.'),
  root('cache', 'cache', '"auto" | "memory" | "disk" | "disabled"', 'Cache mode of `cache()` and plugin caches.', NOT_USED),
  root('redactLogs', 'redactlogs', 'boolean', 'Whether sensitive values are redacted from console output.', NOT_USED),
  root('preventLeaks', 'preventleaks', 'boolean', 'Whether outgoing HTTP responses are scanned for sensitive values.', NOT_USED),
  root('encryptInjectedEnv', 'encryptinjectedenv', 'boolean', 'Whether the injected env blob in server-side build output is encrypted.', NOT_USED),
  root('disableProcessEnvInjection', 'disableprocessenvinjection', 'boolean', 'Keeps resolved values out of `process.env` (only the `ENV` proxy has them).', NOT_USED),
  root('auditIgnorePaths', 'auditignorepaths', '(...paths)', 'Folders `varlock audit` does not scan.', NOT_USED),
  root('proxyConfig', 'proxyconfig', '{egress?, reload?}', 'Settings of the credential proxy.', NOT_USED),
  root('proxy', 'proxy', '(domain, path?, method?, block?, …)', 'A detached credential proxy rule.', NOT_USED),
  root('generateTsTypes', 'generatetstypes', '(path, …)', 'Generates TypeScript type declarations.', CODEGEN),
  root('generatePythonEnv', 'generatepythonenv', '(path, …)', 'Generates a Python module.', CODEGEN),
  root('generateRustEnv', 'generaterustenv', '(path, …)', 'Generates a Rust module.', CODEGEN),
  root('generateGoEnv', 'generategoenv', '(path, …)', 'Generates a Go package.', CODEGEN),
  root('generatePhpEnv', 'generatephpenv', '(path, …)', 'Generates a PHP class.', CODEGEN),
  root('generateJavaEnv', 'generatejavaenv', '(path, …)', 'Generates a Java class.', CODEGEN),
  root('generateCsharpEnv', 'generatecsharpenv', '(path, …)', 'Generates a C# class.', CODEGEN),
  root('generateTypes', 'generatetypes', '(lang, path)', 'Generates TypeScript types.', CODEGEN, 'unused', 'Deprecated: use `@generateTsTypes`.'),

  item('required', 'required', 'boolean', 'The item must have a value: validation fails if it resolves to undefined or an empty string.', 'A required item with no value in the `.env.schema` is reported missing (`missingRequired`) in the app\'s env files; a condition such as `forEnv(prod)` or `eq($A, b)` is not evaluated, so such an item counts as optional.', 'used'),
  item('optional', 'optional', 'boolean', 'Opposite of `@required` (`@required=false`).', 'The item is never reported missing.', 'used'),
  item('sensitive', 'sensitive', 'boolean | {enabled, preventLeaks}', 'The item is sensitive: its value is redacted and must not be exposed.', 'Its value is never shown in hover, completion or messages.', 'used'),
  item('public', 'public', 'boolean', 'Opposite of `@sensitive` (`@sensitive=false`).', 'The item is not sensitive by its schema (a secret-looking name or value is still hidden).', 'used'),
  item('internal', 'internal', 'boolean', 'Used only by varlock itself (e.g. a token that fetches other secrets), never injected into the app.', NOT_USED),
  item('dynamic', 'dynamic', 'boolean', 'Resolved at runtime rather than replaced at build time.', NOT_USED),
  item('static', 'static', 'boolean', 'Opposite of `@dynamic`.', NOT_USED),
  item('type', 'type', 'data type (name or call with options)', 'The data type of the item, which drives coercion and validation.', 'Values that do not fit the type are reported (`invalidValue`).', 'used'),
  item('example', 'example', 'string', 'An example value (instead of a placeholder value).', 'Shown in hover and offered in completion.', 'used'),
  item('docs', 'docs', '(url) | (description, url)', 'Documentation of the item; may be given several times.', 'The first URL is the link in hover.', 'used'),
  item('docsUrl', 'docsurl', 'string', 'URL of documentation of the item.', 'The link in hover.', 'used', 'Deprecated: use `@docs(url)`.'),
  item('tag', 'tag', '(...tags)', 'Tags to select items with `--filter`.', 'envls does not use tags.'),
  item('icon', 'icon', 'string', 'An icon for generated types and UIs.', 'envls does not use icons.'),
  item('deprecated', 'deprecated', 'boolean | string', 'The item is deprecated (with an optional message); it still resolves.', 'Reported where an env file sets it (`deprecatedVariable`).', 'used'),
  item('auditIgnore', 'auditignore', 'boolean', 'No "unused in schema" warning from `varlock audit`.', NOT_USED),
  item('placeholder', 'placeholder', 'string', 'The value an untrusted process sees through the credential proxy.', NOT_USED),
  item('proxy', 'proxy', '(domain, …) | passthrough | omit', 'Routes the secret through the credential proxy; the call form implies `@sensitive`.', 'The call form makes the item sensitive.', 'used'),
];

export const DECORATORS_BY_NAME: ReadonlyMap<string, readonly DecoratorInfo[]> = (() => {
  const map = new Map<string, DecoratorInfo[]>();
  for (const d of DECORATORS) map.set(d.name, [...(map.get(d.name) ?? []), d]);
  return map;
})();

/** The decorator `name` in this scope (`proxy` is both a root and an item decorator). */
export function decoratorInfo(name: string, scope: 'root' | 'item'): DecoratorInfo | undefined {
  return DECORATORS_BY_NAME.get(name)?.find((d) => d.scope === scope);
}

export interface TypeOptionInfo {
  name: string;
  kind: 'number' | 'boolean' | 'string' | 'list' | 'any';
  summary: string;
  /** envls checks values against it. */
  checked: boolean;
}

export interface DataTypeInfo {
  name: string;
  summary: string;
  options: readonly TypeOptionInfo[];
  /** How envls checks it. */
  envls: string;
  url: string;
  /** Positional arguments: enum's members, array's and record's element type. */
  positional?: 'members' | 'elementType';
}

const opt = (name: string, kind: TypeOptionInfo['kind'], summary: string, checked = true): TypeOptionInfo => ({ name, kind, summary, checked });
const type = (name: string, anchor: string, summary: string, envls: string, options: TypeOptionInfo[] = [], positional?: DataTypeInfo['positional']): DataTypeInfo => ({
  name, summary, options, envls, url: `${VARLOCK_DATA_TYPES_URL}#${anchor}`, ...(positional ? { positional } : {}),
});

export const DATA_TYPES: readonly DataTypeInfo[] = [
  type('string', 'string', 'A string (the default type).', 'Checks the length, start, end and `matches` pattern.', [
    opt('minLength', 'number', 'Minimum length'),
    opt('maxLength', 'number', 'Maximum length'),
    opt('isLength', 'number', 'Exact length'),
    opt('startsWith', 'string', 'Required start'),
    opt('endsWith', 'string', 'Required end'),
    opt('matches', 'string', 'Regular expression the value must match (`/pattern/` or a quoted string)'),
    opt('toUpperCase', 'boolean', 'Converts to upper case', false),
    opt('toLowerCase', 'boolean', 'Converts to lower case', false),
    opt('allowEmpty', 'boolean', 'Allows an empty string', false),
  ]),
  type('number', 'number', 'A number.', 'Checks that it is a number, its range, and `isInt`/`precision=0`.', [
    opt('min', 'number', 'Minimum (inclusive)'),
    opt('max', 'number', 'Maximum (inclusive)'),
    opt('coerceToMinMaxRange', 'boolean', 'Coerces the value into the range', false),
    opt('isDivisibleBy', 'number', 'Must be divisible by this', false),
    opt('isInt', 'boolean', 'Must be an integer'),
    opt('precision', 'number', 'Decimal places kept (0: an integer)'),
  ]),
  type('boolean', 'boolean', 'A boolean: t, true, yes, on, 1 or f, false, no, off, 0.', 'Checks the spelling against varlock\'s list.'),
  type('url', 'url', 'A URL.', 'Checks that it is a URL, and `noTrailingSlash` and `matches`.', [
    opt('prependHttps', 'boolean', 'Prepends https:// when no protocol is given (then envls does not require a scheme)'),
    opt('allowedDomains', 'list', 'Allowed domains', false),
    opt('noTrailingSlash', 'boolean', 'No trailing slash on the path'),
    opt('matches', 'string', 'Regular expression the whole URL must match'),
  ]),
  type('enum', 'enum', 'One of a list of values (the members are its arguments).', 'Checks membership and offers the members in completion.', [], 'members'),
  type('email', 'email', 'An email address.', 'Checks the form local@domain (loosely).', [opt('normalize', 'boolean', 'Converts to lower case', false)]),
  type('port', 'port', 'A port number (0–65535 unless narrowed).', 'Checks the range.', [opt('min', 'number', 'Minimum port (default 0)'), opt('max', 'number', 'Maximum port (default 65535)')]),
  type('ip', 'ip', 'An IP address.', 'Checks the IPv4 form, or the IPv6 form loosely.', [opt('version', 'number', '4 or 6'), opt('normalize', 'boolean', 'Converts to lower case', false)]),
  type('semver', 'semver', 'A semantic version (semver.org).', 'Checks the form.'),
  type('isoDate', 'isodate', 'An ISO 8601 date, optionally with time.', 'Checks the form loosely.'),
  type('uuid', 'uuid', 'A UUID.', 'Checks the form.'),
  type('md5', 'md5', 'An MD5 hash.', 'Checks 32 hexadecimal digits.'),
  type('simple-object', 'simple-object', 'A JSON object (like a bare `record`).', 'Checks that it is JSON.'),
  type('duration', 'duration', 'A duration such as 30s, 1h, 2days, or milliseconds.', 'Not checked: varlock\'s spellings (`2days`) are wider than the ones envls checks.', [
    opt('output', 'string', 'Output unit', false),
    opt('min', 'any', 'Lower bound', false),
    opt('max', 'any', 'Upper bound', false),
  ]),
  type('array', 'array', 'A list; the first argument is the element type.', 'Not checked element by element.', [
    opt('separator', 'string', 'Separator of a plain-string value (default ",")', false),
    opt('format', 'string', '`separator` or `json`', false),
    opt('minLength', 'number', 'Minimum count', false),
    opt('maxLength', 'number', 'Maximum count', false),
    opt('isLength', 'number', 'Exact count', false),
    opt('unique', 'boolean', 'No duplicates', false),
  ], 'elementType'),
  type('record', 'record', 'An object whose values have one type (first argument).', 'Checks a JSON form only when the value starts with `{"`.', [
    opt('keyType', 'any', 'Type of the keys', false),
    opt('entriesMinLength', 'number', 'Minimum entries', false),
    opt('entriesMaxLength', 'number', 'Maximum entries', false),
    opt('entriesIsLength', 'number', 'Exact entries', false),
  ], 'elementType'),
];

export const DATA_TYPES_BY_NAME: ReadonlyMap<string, DataTypeInfo> = new Map(DATA_TYPES.map((t) => [t.name, t]));
