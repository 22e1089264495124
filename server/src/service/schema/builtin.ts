/**
 * The schemas shipped with envls: every file of the schemas/ folders (./prebuilt.ts finds them;
 * adding a file needs no code edit). In the bundles they were composed at build time and come
 * from data files beside the bundle: the index (summaries, detection data, names) is read on
 * first use and each schema's body when a file binds it; the raw files only when a user schema
 * file must be composed with them. From the sources (tests) they are composed on first use.
 */
import { schemasFromIndex, type BuiltinIndex } from './builtinIndex';
import { rememberOrder } from './compareIds';
import { composeSchemas, type SchemaSource } from './compose';
import { builtinSourceFiles, PREBUILT } from './prebuilt';
import type { SchemaFileData } from '../schemaCatalog';
import type { ResolvedSchema } from './types';

let files: readonly SchemaSource[] | undefined;

/** Every builtin schema file, fragments and catalog included, with origin `builtin:<id>` (read on first call). */
export function builtinSchemaFiles(): readonly SchemaSource[] {
  files ??= builtinSourceFiles();
  return files;
}

let composed: Map<string, ResolvedSchema> | undefined;

/** The builtin schemas: composed at build time in the bundles (bodies loaded on first read), else once on first use. */
export function builtinSchemas(): Map<string, ResolvedSchema> {
  if (!composed) composed = PREBUILT !== undefined ? schemasFromIndex(prebuiltIndex(PREBUILT.index()), PREBUILT.body) : composeSchemas(builtinSchemaFiles()).schemas;
  return composed;
}

/** The builtin fragment files' headers (id, title, product, description, source), for schema pickers. */
export function builtinFragmentFiles(): readonly SchemaFileData[] {
  if (PREBUILT !== undefined) return PREBUILT.index().fragments.map((json) => ({ json }));
  return builtinSchemaFiles().filter(({ json }) => (json as { fragment?: unknown } | null)?.fragment === true);
}

let knowing: Map<string, string[]> | undefined;

/** Ids of the builtin schemas that read this name (canonical or alias); no schema body is loaded in the bundles. */
export function builtinSchemaIdsKnowing(name: string): readonly string[] {
  if (!knowing) {
    knowing = new Map();
    if (PREBUILT !== undefined) {
      const { schemas, names } = PREBUILT.index();
      for (const known in names) knowing.set(known, names[known].map((position) => schemas[position].id));
    } else {
      for (const schema of builtinSchemas().values()) {
        for (const known of new Set([...schema.byName.keys(), ...schema.byAlias.keys()])) knowing.set(known, [...(knowing.get(known) ?? []), schema.id]);
      }
    }
  }
  return knowing.get(name) ?? [];
}

/** The build's index; its names, sorted at build time, then compare without ICU's collator. */
function prebuiltIndex(index: BuiltinIndex): BuiltinIndex {
  rememberOrder(index.order);
  return index;
}
