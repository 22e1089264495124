/**
 * Composed schemas as plain JSON and back: the build composes and validates the
 * builtin schemas once (scripts/build.mjs) and the bundles load the result, so no
 * composition or JSON Schema validation runs at start-up. The name and alias
 * indexes are rebuilt pointing at the same VariableSpec objects, as compose does.
 */
import type { ResolvedSchema, VariableSpec } from './types';

type SchemaSnapshot = Omit<ResolvedSchema, 'byName' | 'byAlias'> & { byAlias: [string, number][] };

export function toSnapshot(schemas: ReadonlyMap<string, ResolvedSchema>): string {
  const out: SchemaSnapshot[] = [];
  for (const { byName: _byName, byAlias, ...schema } of schemas.values()) {
    out.push({ ...schema, byAlias: [...byAlias].map(([alias, spec]) => [alias, schema.variables.indexOf(spec)]) });
  }
  return JSON.stringify(out);
}

export function fromSnapshot(json: string): Map<string, ResolvedSchema> {
  const schemas = new Map<string, ResolvedSchema>();
  for (const { byAlias, ...schema } of JSON.parse(json) as SchemaSnapshot[]) {
    const byName = new Map<string, VariableSpec>(schema.variables.map((spec) => [spec.name, spec]));
    schemas.set(schema.id, { ...schema, byName, byAlias: new Map(byAlias.map(([alias, index]) => [alias, schema.variables[index]])) });
  }
  return schemas;
}
