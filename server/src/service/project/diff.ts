/**
 * `envls diff A B`: the keys only one side sets (dotenv-linter's `diff`) and, when asked, the keys
 * whose values differ. Pure: the caller parses both files. Values are compared as dotenv reads them
 * (a file's last entry of a key wins) and shown only as sensitivity.ts allows: a key that either
 * side's schemas or its name mark sensitive is never shown, embedded credentials are masked.
 */
import type { EnvDocument } from '../parser/model';
import { entriesByKey } from '../rules/entryIndex';
import type { SchemaSet } from '../schema/schemaSet';
import { isSensitiveName, shownValue } from '../sensitivity';

export interface DifferentValue {
  key: string;
  /** A's value as it may be shown. */
  a: string;
  b: string;
}

export interface EnvDiff {
  /** Keys B sets and A lacks, in B's order. */
  missingFromA: string[];
  /** Keys A sets and B lacks, in A's order. */
  missingFromB: string[];
  /** Keys both set with different values, in A's order (empty unless values were compared). */
  differentValues: DifferentValue[];
}

export interface EnvSide {
  doc: EnvDocument;
  /** The schemas bound to the file: they decide what is sensitive. */
  schemaSet: SchemaSet;
}

export function diffEnv(a: EnvSide, b: EnvSide, options: { values?: boolean } = {}): EnvDiff {
  const keysA = entriesByKey(a.doc);
  const keysB = entriesByKey(b.doc);
  const result: EnvDiff = {
    missingFromA: [...keysB.keys()].filter((key) => !keysA.has(key)),
    missingFromB: [...keysA.keys()].filter((key) => !keysB.has(key)),
    differentValues: [],
  };
  if (!options.values) return result;
  for (const [key, entryA] of keysA) {
    const entryB = keysB.get(key);
    if (!entryB || entryA.value === entryB.value) continue;
    // One side's schema may know the key is a secret when the other's does not: then both are hidden.
    const set = isSensitiveName(key, b.schemaSet) ? b.schemaSet : a.schemaSet;
    result.differentValues.push({ key, a: shownValue(key, entryA.value, set), b: shownValue(key, entryB.value, set) });
  }
  return result;
}

export function isSameEnv(diff: EnvDiff): boolean {
  return diff.missingFromA.length === 0 && diff.missingFromB.length === 0 && diff.differentValues.length === 0;
}
