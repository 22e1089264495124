/**
 * Where each schema of a file came from, and why it applies: the one answer the language status
 * item (through the `envls/binding` notice) and `envls check` (text, json, sarif) give.
 *
 * A schema applies because a person bound it (a `# envls-schema` comment, the `envls.schemas`
 * setting, `--schema`), because the app declares the service (a manifest dependency), because the
 * file holds names only that software uses or a marker file sits beside it, or because the project
 * declares it (`project:<path>` origins, e.g. the app's `.env.schema`). The app's example is listed
 * last: it is no schema (see ARCHITECTURE.md, "The example"), but completion and hover read it, so
 * a person asking "where does this list come from" must see it.
 */
import type { Binding } from './binding';
import type { ProjectContext } from './project/context';
import { entriesByKey } from './rules/entryIndex';
import { baseName } from './project/paths';
import type { ResolvedSchema } from './schema/types';

export type SchemaSourceKind = 'comment' | 'setting' | 'manifest' | 'names' | 'marker' | 'project' | 'example';

export interface SchemaSource {
  /** The schema's id; for the example, `project:<workspace-relative path>`. */
  id: string;
  title: string;
  kind: SchemaSourceKind;
  /** Why it applies, a few words: `next-auth in package.json`, `# envls-schema comment on line 1`. */
  why: string;
  /** Where it is defined: `builtin:<id>`, a schema file's path, or `project:<workspace-relative path>`. */
  origin: string;
}

export const PROJECT_ORIGIN = 'project:';

export function schemaSourcesOf(binding: Binding, project?: ProjectContext): SchemaSource[] {
  const sources = binding.schemas.map((schema) => sourceOf(schema, binding));
  const example = project?.example;
  if (example) {
    const count = entriesByKey(example.doc).size;
    sources.push({
      id: `${PROJECT_ORIGIN}${example.path}`,
      title: baseName(example.path),
      kind: 'example',
      why: `the app's example: names, comments and values of the ${count} variable${count === 1 ? '' : 's'} it lists`,
      origin: `${PROJECT_ORIGIN}${example.path}`,
    });
  }
  return sources;
}

function sourceOf(schema: ResolvedSchema, binding: Binding): SchemaSource {
  const base = { id: schema.id, title: schema.title, origin: schema.origin };
  const definedIn = definedInWords(schema.origin);
  if (binding.source === 'comment' || binding.source === 'setting') {
    return { ...base, kind: binding.source, why: `${binding.reason}${definedIn}` };
  }
  const detection = binding.detections?.find((d) => d.id === schema.id);
  if (schema.origin.startsWith(PROJECT_ORIGIN)) {
    return { ...base, kind: 'project', why: `declared in ${schema.origin.slice(PROJECT_ORIGIN.length)}` };
  }
  if (detection?.evidence) return { ...base, kind: detection.evidence, why: `${detection.short ?? detection.reason}${definedIn}` };
  return { ...base, kind: 'names', why: `${detection?.reason ?? binding.reason}${definedIn}` };
}

/** A user's schema file is named; a builtin or project schema says so by its kind. */
function definedInWords(origin: string): string {
  return origin.startsWith('builtin:') || origin.startsWith(PROJECT_ORIGIN) ? '' : `, from ${baseName(origin)}`;
}

/** One line: each source as `id (why)`, the example last (`envls check`'s text output, the status tooltip's summary). */
export function sourcesLine(sources: readonly SchemaSource[]): string {
  return sources.map((s) => (s.kind === 'example' ? `${s.title} (the app's example)` : `${s.id} (${s.why})`)).join(', ');
}
