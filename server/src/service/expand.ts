/**
 * dotenv-expand's expansion of a file's own values, reproduced step by step from
 * dotenv-expand@1000.0.0 (`expand()` and the `expand` helper it takes from
 * dotenvx), quirks included, so that what envls shows is what an application
 * loading the file with `dotenv` + `dotenv-expand` gets:
 *
 * - keys are processed in the order of the object dotenv.parse builds (first
 *   occurrence, last value wins, integer-like keys first);
 * - a key already set (non-empty, different) in processEnv keeps that value,
 *   unexpanded; processEnv also wins over earlier file values when a reference
 *   is resolved, unless it still holds that key's raw file value;
 * - a value is rescanned from its start after every replacement (so an expanded
 *   value that itself contains `$X` is expanded again), and the replacement is
 *   JavaScript's `String.prototype.replace(string, string)`: the first
 *   occurrence of the reference's text is replaced and `$$`, `$&`… are patterns;
 * - `\$` protects a `$`, and every `\$` becomes `$` once the value is done.
 *
 * Deliberately NOT reproduced, because envls never runs anything:
 * - command substitution `$(…)` (dotenvx's `evaluate`, which runs a shell): the
 *   text is left as written;
 * - decryption of `encrypted:` values with DOTENV_PRIVATE_KEY: left as written.
 * Also not reproduced: lookups that reach Object.prototype (`$constructor`,
 * `${toString}` resolve to inherited functions in dotenv-expand and can throw or
 * loop forever); here only own values count.
 *
 * dotenv-expand can loop forever (`A=\$A` then `B=x$A`) or grow a value
 * exponentially; expansion of one value therefore stops after MAX_STEPS
 * replacements or once it is longer than MAX_LENGTH, leaving it as it stands.
 */

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** Where a reference's value comes from when it is expanded. */
export interface ResolvedReference {
  value: string;
  source: 'file' | 'processEnv';
}

/** dotenv-expand's reference pattern: `${…}` without inner braces, or `$NAME`, neither after a backslash. */
const REFERENCE = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;
const OPERATOR = /(:\+|\+|:-|-)/;
const MAX_STEPS = 10_000;
const MAX_LENGTH = 1 << 20;

/** The values an application sees after dotenv.parse + dotenv-expand's expand(), without mutating processEnv. */
export function expandEntries(entries: readonly KeyValue[], processEnv: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  walk(entries, processEnv, (key, value) => {
    out[key] = value;
    return false;
  });
  return out;
}

/**
 * What `name` stands for while the value of entries[index] is expanded: the
 * expanded value of an earlier key, or processEnv's value. undefined when the
 * reference expands to nothing (unset), or when that entry's value is never
 * expanded: a later duplicate of its key replaces it (dotenv keeps the last), or
 * processEnv already holds a different value for its key.
 */
export function resolveReference(
  name: string,
  entries: readonly KeyValue[],
  index: number,
  processEnv: Record<string, string> = {},
): ResolvedReference | undefined {
  const target = entries[index];
  if (!target || lastIndexOfKey(entries, target.key) !== index) return undefined;
  let resolved: ResolvedReference | undefined;
  walk(entries, processEnv, (key, _value, lookup) => {
    if (key !== target.key) return false;
    if (lookup) {
      const value = lookup.values.get(name);
      if (value !== undefined) resolved = { value, source: lookup.fromProcessEnv.has(name) ? 'processEnv' : 'file' };
    }
    return true;
  });
  return resolved;
}

/** The environment one value is expanded against: dotenv-expand's `{ ...runningParsed, ...processEnv }`. */
interface Lookup {
  values: Map<string, string>;
  fromProcessEnv: Set<string>;
}

/**
 * dotenv-expand's main loop. `visit` gets each finished key with its value and
 * the lookup used for it (none when processEnv's value was kept); returning
 * true stops the walk.
 */
function walk(
  entries: readonly KeyValue[],
  processEnv: Record<string, string>,
  visit: (key: string, value: string, lookup: Lookup | undefined) => boolean,
): void {
  // The object dotenv.parse returns: its key order is dotenv-expand's processing order.
  const parsed: Record<string, string> = {};
  for (const { key, value } of entries) parsed[key] = value;
  const running = new Map<string, string>();
  for (const key of Object.keys(parsed)) {
    const original = parsed[key];
    const preset = ownValue(processEnv, key);
    let value: string;
    let lookup: Lookup | undefined;
    if (preset && preset !== original) {
      value = preset;
    } else {
      lookup = lookupFor(processEnv, running, parsed);
      value = expandValue(original, lookup.values);
    }
    value = value.replace(/\\\$/g, '$');
    running.set(key, value);
    if (visit(key, value, lookup)) return;
  }
}

/** processEnv wins, except for keys already expanded whose processEnv value is still their raw file value. */
function lookupFor(processEnv: Record<string, string>, running: Map<string, string>, parsed: Record<string, string>): Lookup {
  const values = new Map(running);
  const fromProcessEnv = new Set<string>();
  for (const name of Object.keys(processEnv)) {
    const value = processEnv[name];
    if (typeof value !== 'string') continue;
    if (running.has(name) && Object.prototype.hasOwnProperty.call(parsed, name) && value === parsed[name]) continue;
    values.set(name, value);
    fromProcessEnv.add(name);
  }
  return { values, fromProcessEnv };
}

/** One value: replace the first reference, rescan from the start, until none is left. */
function expandValue(value: string, env: Map<string, string>): string {
  let result = value;
  for (let step = 0; step < MAX_STEPS && result.length <= MAX_LENGTH; step++) {
    REFERENCE.lastIndex = 0;
    const match = REFERENCE.exec(result);
    if (!match) break;
    const expression = match[1] ?? match[2];
    const operator = OPERATOR.exec(expression)?.[0];
    // With no operator dotenv-expand splits on `null` (String(null)): `${A_null_B}` looks up `A_`.
    const parts = expression.split(operator ?? 'null');
    const name = parts.shift() as string;
    const alternative = parts.join(operator ?? 'null');
    const current = env.get(name);
    const isSet = current !== undefined;
    let replacement: string;
    if (operator === ':-') replacement = current || alternative;
    else if (operator === '-') replacement = isSet ? current : alternative;
    else if (operator === ':+') replacement = current ? alternative : '';
    else if (operator === '+') replacement = isSet ? alternative : '';
    else replacement = current || '';
    // String pattern, string replacement: first occurrence, `$`-patterns honoured — as dotenv-expand does.
    result = result.replace(match[0], replacement);
    if (result === current) break;
  }
  return result;
}

function ownValue(record: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) && typeof record[key] === 'string' ? record[key] : undefined;
}

function lastIndexOfKey(entries: readonly KeyValue[], key: string): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return i;
  return -1;
}
