/**
 * Which schemas apply to a file, in this order of precedence:
 *   1. `# envls-schema: id[, id]` comment lines in the file;
 *   2. ids given from outside: the `envls.schemas` setting (id -> globs) or `envls check --schema`;
 *   3. detection from the dependencies of the file's app (catalog schemas), the variables present
 *      and marker files beside the file.
 * Workspace schema files (envls.schemaFiles) just add ids usable in 1 and 2.
 */
import { lineOfOffset } from './parser/lines';
import type { EnvDocument, Span } from './parser/model';
import type { BindingCertainty } from './rules/rule';
import type { Detection, ResolvedSchema } from './schema/types';

export type BindingSource = 'comment' | 'setting' | 'detected' | 'none';

export interface SchemaDirective {
  ids: { id: string; span: Span }[];
  span: Span;
}

export interface Binding {
  schemas: ResolvedSchema[];
  certainty: BindingCertainty;
  source: BindingSource;
  /** Why, in a person's words (shown in the status item and by the CLI). */
  reason: string;
  /** Ids named in a directive or setting that no schema has. */
  unknownIds: { id: string; span?: Span }[];
  /** The first directive comment, where "missing" diagnostics are placed. */
  directive?: SchemaDirective;
  /** Ids of the detected catalog schemas the app declares (a dependency in its manifest). */
  declared?: string[];
  /** The detections behind a `detected` binding, one per schema (schemaSources.ts says why each applies). */
  detections?: Detection[];
}

export interface BindingInput {
  doc: EnvDocument;
  available: ReadonlyMap<string, ResolvedSchema>;
  /** Ids bound from outside the file (setting globs that matched, or the CLI's --schema). */
  externalIds?: readonly string[];
  externalReason?: string;
  /** Runs detection; absent or returning [] means none. */
  detect?: () => Detection[];
}

export const DIRECTIVE = /^(\s*envls-schema\s*:\s*)(.*)$/;

export function findSchemaDirectives(doc: EnvDocument): SchemaDirective[] {
  const out: SchemaDirective[] = [];
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const listStart = comment.span.start + 1 + m[1].length;
    const ids: SchemaDirective['ids'] = [];
    let offset = 0;
    for (const part of m[2].split(',')) {
      const lead = part.length - part.trimStart().length;
      const id = part.trim();
      if (id) ids.push({ id, span: { start: listStart + offset + lead, end: listStart + offset + lead + id.length } });
      offset += part.length + 1;
    }
    out.push({ ids, span: comment.span });
  }
  return out;
}

export function resolveBinding(input: BindingInput): Binding {
  const directives = findSchemaDirectives(input.doc);
  if (directives.length > 0) {
    const named = directives.flatMap((d) => d.ids);
    const { schemas, unknownIds } = lookUp(named, input.available);
    return {
      schemas,
      certainty: 'explicit',
      source: 'comment',
      reason: `# envls-schema comment on line ${lineOfOffset(input.doc.lineStarts, directives[0].span.start) + 1}`,
      unknownIds,
      directive: directives[0],
    };
  }
  if (input.externalIds && input.externalIds.length > 0) {
    const { schemas, unknownIds } = lookUp(input.externalIds.map((id) => ({ id })), input.available);
    return { schemas, certainty: 'explicit', source: 'setting', reason: input.externalReason ?? 'envls.schemas setting', unknownIds };
  }
  const detected = input.detect?.() ?? [];
  const found = detected.filter((d) => input.available.has(d.id));
  if (found.length > 0) {
    const certainty: BindingCertainty = found.every((d) => d.confidence === 'confident') ? 'confident' : 'weak';
    return {
      schemas: found.map((d) => input.available.get(d.id)!),
      certainty,
      source: 'detected',
      reason: found.map((d) => `${d.id}: ${d.reason}`).join('; '),
      unknownIds: [],
      declared: found.filter((d) => d.declared).map((d) => d.id),
      detections: found,
    };
  }
  return { schemas: [], certainty: 'none', source: 'none', reason: 'no schema applies', unknownIds: [] };
}

function lookUp(named: { id: string; span?: Span }[], available: ReadonlyMap<string, ResolvedSchema>): { schemas: ResolvedSchema[]; unknownIds: { id: string; span?: Span }[] } {
  const schemas: ResolvedSchema[] = [];
  const unknownIds: { id: string; span?: Span }[] = [];
  for (const item of named) {
    const schema = available.get(item.id);
    if (!schema) unknownIds.push(item);
    else if (!schemas.includes(schema)) schemas.push(schema);
  }
  return { schemas, unknownIds };
}
