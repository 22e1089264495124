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
 * replacements or before it grows past MAX_LENGTH, and a whole file stops
 * expanding once MAX_WORK characters have been rescanned; such values are left
 * as they stand and reported by expandWithStatus.
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
/** Longer than any value a process environment can pass on (Linux: 128 KiB per string). */
const MAX_LENGTH = 1 << 18;
/** Characters scanned or copied over a whole walk: keeps a pathological file to a few tens of milliseconds. */
const MAX_WORK = 1 << 22;

/** The values an application sees after dotenv.parse + dotenv-expand's expand(), without mutating processEnv. */
export function expandEntries(entries: readonly KeyValue[], processEnv: Record<string, string> = {}): Record<string, string> {
  return expandWithStatus(entries, processEnv).values;
}

/**
 * expandEntries, plus the keys whose expansion hit the step or length limit:
 * on those dotenv-expand would loop forever or exhaust memory.
 */
export function expandWithStatus(
  entries: readonly KeyValue[],
  processEnv: Record<string, string> = {},
): { values: Record<string, string>; unfinished: string[] } {
  const values: Record<string, string> = {};
  const unfinished: string[] = [];
  walk(entries, processEnv, (key, value, _lookup, finished) => {
    values[key] = value;
    if (!finished) unfinished.push(key);
    return false;
  });
  return { values, unfinished };
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
 * dotenv-expand's main loop. `visit` gets each key with its final value, the
 * lookup used for it (none when processEnv's value was kept) and whether its
 * expansion ended within the limits; returning true stops the walk.
 */
function walk(
  entries: readonly KeyValue[],
  processEnv: Record<string, string>,
  visit: (key: string, value: string, lookup: Lookup | undefined, finished: boolean) => boolean,
): void {
  // The object dotenv.parse returns: its key order is dotenv-expand's processing order.
  const parsed: Record<string, string> = {};
  for (const { key, value } of entries) parsed[key] = value;
  // One lookup, kept up to date as keys are expanded: copying it for every key made a walk quadratic in keys.
  const lookup = initialLookup(processEnv);
  const budget = { work: MAX_WORK };
  for (const key of Object.keys(parsed)) {
    const original = parsed[key];
    const preset = ownValue(processEnv, key);
    let expanded: { value: string; finished: boolean };
    let used: Lookup | undefined;
    if (preset && preset !== original) {
      // A non-empty processEnv value that differs from the file's is kept as it is (only unescaped below).
      expanded = { value: preset, finished: true };
    } else {
      used = lookup;
      expanded = expandValue(original, lookup.values, budget);
    }
    const value = expanded.value.replace(/\\\$/g, '$');
    // visit sees the lookup this value was expanded against, before the value joins it.
    if (visit(key, value, used, expanded.finished)) return;
    expandedKey(lookup, processEnv, parsed, key, value);
  }
}

/** Before any key is expanded, the lookup is processEnv's string values. */
function initialLookup(processEnv: Record<string, string>): Lookup {
  const values = new Map<string, string>();
  const fromProcessEnv = new Set<string>();
  for (const name of Object.keys(processEnv)) {
    const value = processEnv[name];
    if (typeof value !== 'string') continue;
    values.set(name, value);
    fromProcessEnv.add(name);
  }
  return { values, fromProcessEnv };
}

/**
 * `key` now has its expanded value: processEnv still wins for that name, except
 * when processEnv holds the key's raw file value (dotenv.config copied it there).
 */
function expandedKey(lookup: Lookup, processEnv: Record<string, string>, parsed: Record<string, string>, key: string, value: string): void {
  const fromEnv = ownValue(processEnv, key);
  if (fromEnv !== undefined && fromEnv !== parsed[key]) return;
  lookup.values.set(key, value);
  lookup.fromProcessEnv.delete(key);
}

/** One value: replace the first reference, rescan from the start, until none is left. */
function expandValue(value: string, env: Map<string, string>, budget: { work: number }): { value: string; finished: boolean } {
  let result = value;
  for (let step = 0; step < MAX_STEPS; step++) {
    budget.work -= result.length + 1;
    if (budget.work < 0) break;
    REFERENCE.lastIndex = 0;
    const match = REFERENCE.exec(result);
    if (!match) return { value: result, finished: true };
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
    budget.work -= replacement.length;
    const next = budget.work < 0 ? undefined : replaceFirst(result, match[0], replacement);
    if (next === undefined) break;
    result = next;
    if (result === current) return { value: result, finished: true };
  }
  return { value: result, finished: false };
}

/**
 * `text.replace(search, replacement)` with a string search, as dotenv-expand
 * calls it: the first occurrence of `search` is replaced and `$$`, `$&`, `` $` ``
 * and `$'` in the replacement are patterns. Done by hand to refuse, before
 * building it, a result longer than MAX_LENGTH: patterns can multiply the
 * length at every step. undefined when it would be too long.
 */
function replaceFirst(text: string, search: string, replacement: string): string | undefined {
  const at = text.indexOf(search);
  const before = text.slice(0, at);
  const after = text.slice(at + search.length);
  const parts: string[] = [];
  let length = before.length + after.length;
  let literalStart = 0;
  for (let i = replacement.indexOf('$'); i !== -1 && i + 1 < replacement.length; i = replacement.indexOf('$', i)) {
    const next = replacement[i + 1];
    const piece = next === '$' ? '$' : next === '&' ? search : next === '`' ? before : next === "'" ? after : undefined;
    if (piece === undefined) {
      i++;
      continue;
    }
    parts.push(replacement.slice(literalStart, i), piece);
    length += i - literalStart + piece.length;
    if (length > MAX_LENGTH) return undefined;
    literalStart = i + 2;
    i += 2;
  }
  parts.push(replacement.slice(literalStart));
  length += replacement.length - literalStart;
  if (length > MAX_LENGTH) return undefined;
  return before + parts.join('') + after;
}

function ownValue(record: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) && typeof record[key] === 'string' ? record[key] : undefined;
}

function lastIndexOfKey(entries: readonly KeyValue[], key: string): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return i;
  return -1;
}
