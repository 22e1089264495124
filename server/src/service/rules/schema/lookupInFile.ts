/** How rules read "the value of X in this file", aliases included. */
import type { Entry, EnvDocument } from '../../parser/model';
import type { SchemaSet } from '../../schema/schemaSet';
import type { VariableSpec } from '../../schema/types';
import type { ValueLookup } from '../../schema/values';
import { entriesByKey } from '../entryIndex';

/** The entry that sets a spec: canonical name, else the first alias present. */
export function entryFor(doc: EnvDocument, spec: VariableSpec): Entry | undefined {
  const byKey = entriesByKey(doc);
  const own = byKey.get(spec.name);
  if (own) return own;
  for (const alias of spec.aliases ?? []) {
    const entry = byKey.get(alias);
    if (entry) return entry;
  }
  return undefined;
}

export function fileLookup(doc: EnvDocument, schemaSet: SchemaSet): ValueLookup {
  const byKey = entriesByKey(doc);
  return (name) => {
    const match = schemaSet.lookup(name);
    const entry = byKey.get(name) ?? (match ? entryFor(doc, match.spec) : undefined);
    return entry ? { value: entry.value, spec: match?.spec } : undefined;
  };
}
