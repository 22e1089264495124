/** The per-document index the rules share (see DocumentIndex in rule.ts). */
import type { Entry, EnvDocument } from '../parser/model';
import type { SchemaSet } from '../schema/schemaSet';
import type { DocumentIndex } from './rule';

const cache = new WeakMap<EnvDocument, Map<string, Entry>>();

/** Entries by key (the last one wins, as in dotenv), computed once per parsed document. */
export function entriesByKey(doc: EnvDocument): Map<string, Entry> {
  let map = cache.get(doc);
  if (!map) {
    map = new Map();
    for (const entry of doc.entries) map.set(entry.key, entry);
    cache.set(doc, map);
  }
  return map;
}

/** Built once per analysis; schema lookups only when a schema is bound. */
export function buildDocumentIndex(doc: EnvDocument, schemaSet: SchemaSet): DocumentIndex {
  const byKey = entriesByKey(doc);
  const matches = schemaSet.isEmpty ? new Array(doc.entries.length).fill(undefined) : doc.entries.map((entry) => schemaSet.lookup(entry.key));
  let referenced: Set<string> | undefined;
  return {
    byKey,
    matches,
    referenced() {
      if (!referenced) {
        referenced = new Set();
        for (const entry of doc.entries) for (const ref of entry.references) referenced.add(ref.name);
      }
      return referenced;
    },
  };
}
