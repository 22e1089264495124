/**
 * The schemas a person can bind a file to, as a client lists them (a quick pick): id, title,
 * product, description, documentation page, and whether it is a fragment (a building block other
 * schemas include, such as `authjs`).
 */
import { compareIds } from './schema/compareIds';
import type { ResolvedSchema } from './schema/types';

export interface SchemaInfo {
  id: string;
  title: string;
  product: string;
  description?: string;
  /** The documentation page the schema cites, when it has one. */
  documentation?: string;
  fragment: boolean;
}

/** A schema file as loaded (builtin or the user's), before composition: enough to see fragments. */
export interface SchemaFileData {
  json: unknown;
}

/**
 * Every bindable schema, then every fragment not among them, each group sorted by id. Fragments are
 * read from the schema files, since composition keeps them only as includes.
 */
export function schemaCatalog(available: ReadonlyMap<string, ResolvedSchema>, files: readonly SchemaFileData[]): SchemaInfo[] {
  const all = [...available.values()];
  const schemas = all.filter((s) => s.fragment !== true).map((s) => info(s, false));
  const boundFragments = all.filter((s) => s.fragment === true).map((s) => info(s, true));
  const fragments = files
    .map((f) => f.json as Partial<Record<'id' | 'title' | 'product' | 'description' | 'source', unknown>> & { fragment?: unknown })
    .filter((json) => json && json.fragment === true && typeof json.id === 'string' && !available.has(json.id))
    .map((json) => info({ id: String(json.id), title: text(json.title) ?? String(json.id), product: text(json.product) ?? '', description: text(json.description), source: text(json.source) }, true));
  const byId = (a: SchemaInfo, b: SchemaInfo) => compareIds(a.id, b.id);
  return [...schemas.sort(byId), ...[...boundFragments, ...fragments].sort(byId)];
}

function info(s: Pick<ResolvedSchema, 'id' | 'title' | 'product' | 'description' | 'source'>, fragment: boolean): SchemaInfo {
  return {
    id: s.id,
    title: s.title,
    product: s.product,
    ...(s.description ? { description: s.description } : {}),
    ...(s.source ? { documentation: s.source } : {}),
    fragment,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
