/** Entries by key (the last one wins, as in dotenv), computed once per parsed document. */
import type { Entry, EnvDocument } from '../parser/model';

const cache = new WeakMap<EnvDocument, Map<string, Entry>>();

export function entriesByKey(doc: EnvDocument): Map<string, Entry> {
  let map = cache.get(doc);
  if (!map) {
    map = new Map();
    for (const entry of doc.entries) map.set(entry.key, entry);
    cache.set(doc, map);
  }
  return map;
}
