/**
 * The builtin schemas split for a fast start: one small index (each schema's summary and
 * detection data, and every variable name and alias → the schemas that know it) and one body per
 * schema (its variables, aliases and look-alikes). scripts/build.mjs composes the builtin schemas
 * once and writes both next to the bundles (dist/schemas/); the bundles read the index on the first
 * analysis and a body only when a file binds its schema (or detection must rank it), so starting
 * costs the same however large the catalog grows.
 *
 * A schema made from the index is a plain ResolvedSchema whose body fields load on first read
 * (own enumerable getters, replaced by the values once loaded): spreading or comparing one works.
 */
import type { LookAlike, ResolvedSchema, VariableSpec } from './types';

/** The fields a schema body holds; every other field of a ResolvedSchema is in its summary. */
type BodyField = 'variables' | 'byName' | 'byAlias' | 'lookAlikes';
const BODY_FIELDS: readonly BodyField[] = ['variables', 'byName', 'byAlias', 'lookAlikes'];

export type SchemaSummary = Omit<ResolvedSchema, BodyField> & {
  variableCount: number;
  /** The body's file, relative to the index. */
  body: string;
};

/** A schema's body as JSON: aliases point into `variables` by position. */
export interface SchemaBody {
  variables: VariableSpec[];
  byAlias: [string, number][];
  lookAlikes: LookAlike[];
}

export interface BuiltinIndex {
  schemas: SchemaSummary[];
  /** The header (id, title, product, description, source) of each fragment file, for pickers. */
  fragments: Record<string, unknown>[];
  /** Every canonical name and alias → positions in `schemas` of the schemas that know it. */
  names: Record<string, number[]>;
  /** The schemas' ids and products sorted by localeCompare (at build time: no collator at run time). */
  order: string[];
}

/** The index and bodies of composed schemas (at build time). `fragmentFiles`: raw fragment files. */
export function splitSchemas(schemas: ReadonlyMap<string, ResolvedSchema>, fragmentFiles: readonly unknown[] = []): { index: BuiltinIndex; bodies: Map<string, SchemaBody> } {
  const index: BuiltinIndex = { schemas: [], fragments: [], names: Object.create(null) as Record<string, number[]>, order: [] };
  const bodies = new Map<string, SchemaBody>();
  for (const schema of schemas.values()) {
    const { variables, byName: _byName, byAlias, lookAlikes, ...summary } = schema;
    const position = index.schemas.length;
    const body = `composed/${schema.id.split('/').map(encodeURIComponent).join('/')}.json`;
    index.schemas.push({ ...summary, variableCount: variables.length, body });
    bodies.set(body, { variables, byAlias: [...byAlias].map(([alias, spec]) => [alias, variables.indexOf(spec)]), lookAlikes });
    for (const name of new Set([...variables.map((v) => v.name), ...byAlias.keys()])) (index.names[name] ??= []).push(position);
  }
  for (const json of fragmentFiles) {
    const file = json as Record<string, unknown> | null;
    if (file?.fragment !== true) continue;
    const header: Record<string, unknown> = {};
    for (const key of ['id', 'title', 'product', 'description', 'source', 'fragment']) if (file[key] !== undefined) header[key] = file[key];
    index.fragments.push(header);
  }
  index.order = [...new Set(index.schemas.flatMap((s) => [s.id, s.product]))].sort((a, b) => a.localeCompare(b));
  return { index, bodies };
}

/** What the lazy schemas of one index know without their bodies. */
interface IndexFacts {
  variableCount: number;
  /** The names the schema reads (built for all the index's schemas on the first question). */
  names: () => ReadonlySet<string>;
}

const facts = new WeakMap<ResolvedSchema, IndexFacts>();

/** The schemas of an index, each loading its body through `readBody` on first read of a body field. */
export function schemasFromIndex(index: BuiltinIndex, readBody: (file: string) => SchemaBody): Map<string, ResolvedSchema> {
  let namesOf: Set<string>[] | undefined;
  const namesAt = (position: number): ReadonlySet<string> => {
    if (!namesOf) {
      const sets = index.schemas.map(() => new Set<string>());
      for (const name in index.names) for (const at of index.names[name]) sets[at].add(name);
      namesOf = sets;
    }
    return namesOf[position];
  };
  const schemas = new Map<string, ResolvedSchema>();
  index.schemas.forEach(({ variableCount, body: file, ...summary }, position) => {
    const schema = { ...summary } as ResolvedSchema;
    const load = () => {
      const body = readBody(file);
      const variables = body.variables;
      const values: Pick<ResolvedSchema, BodyField> = {
        variables,
        byName: new Map(variables.map((spec) => [spec.name, spec])),
        byAlias: new Map(body.byAlias.map(([alias, at]) => [alias, variables[at]])),
        lookAlikes: body.lookAlikes,
      };
      for (const field of BODY_FIELDS) Object.defineProperty(schema, field, { value: values[field], enumerable: true, writable: true, configurable: true });
    };
    for (const field of BODY_FIELDS) {
      Object.defineProperty(schema, field, {
        enumerable: true,
        configurable: true,
        get() {
          load();
          return schema[field];
        },
      });
    }
    facts.set(schema, { variableCount, names: () => namesAt(position) });
    schemas.set(schema.id, schema);
  });
  return schemas;
}

/** Whether the schema reads this name (canonical or alias), from the index when it has one: no body is loaded. */
export function schemaKnows(schema: ResolvedSchema, name: string): boolean {
  const known = facts.get(schema);
  return known ? known.names().has(name) : schema.byName.has(name) || schema.byAlias.has(name);
}

/** How many variables the schema describes, from the index when it has one. */
export function variableCountOf(schema: ResolvedSchema): number {
  return facts.get(schema)?.variableCount ?? schema.variables.length;
}
