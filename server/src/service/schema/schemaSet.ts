/** The schemas bound to one file, looked up together. */
import type { LookAlike, ResolvedSchema, VariableSpec } from './types';

export interface VariableMatch {
  spec: VariableSpec;
  schema: ResolvedSchema;
  /** `alias` when the name is one of spec.aliases. */
  via: 'canonical' | 'alias';
}

export class SchemaSet {
  private readonly canonical = new Map<string, VariableMatch>();
  private readonly aliases = new Map<string, VariableMatch>();
  private readonly lookAlikes = new Map<string, LookAlike>();

  constructor(readonly schemas: readonly ResolvedSchema[]) {
    for (const schema of schemas) {
      for (const spec of schema.variables) {
        if (!this.canonical.has(spec.name)) this.canonical.set(spec.name, { spec, schema, via: 'canonical' });
      }
      for (const [alias, spec] of schema.byAlias) {
        if (!this.aliases.has(alias)) this.aliases.set(alias, { spec, schema, via: 'alias' });
      }
      for (const lookAlike of schema.lookAlikes) this.lookAlikes.set(lookAlike.name, lookAlike);
    }
  }

  get isEmpty(): boolean {
    return this.schemas.length === 0;
  }

  /** A name as the product reads it: canonical first, then alias. */
  lookup(name: string): VariableMatch | undefined {
    return this.canonical.get(name) ?? this.aliases.get(name);
  }

  lookAlike(name: string): LookAlike | undefined {
    return this.lookAlikes.get(name);
  }

  /** Every canonical variable, schema order. */
  variables(): VariableMatch[] {
    return [...this.canonical.values()];
  }

  /** Every name the product reads (canonical and aliases). */
  knownNames(): string[] {
    return [...this.canonical.keys(), ...this.aliases.keys()];
  }
}

const recent = new Map<string, SchemaSet>();

/**
 * The SchemaSet for these schemas, reused while they are the same objects:
 * indexes built from a set (near-miss index, …) then survive keystrokes.
 */
export function schemaSetFor(schemas: readonly ResolvedSchema[]): SchemaSet {
  const key = schemas.map((s) => `${s.id}\u0000${s.origin}`).join('\u0001');
  const cached = recent.get(key);
  if (cached && cached.schemas.length === schemas.length && cached.schemas.every((s, i) => s === schemas[i])) return cached;
  const set = new SchemaSet(schemas);
  if (recent.size > 32) recent.clear();
  recent.set(key, set);
  return set;
}
