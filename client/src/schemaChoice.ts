/**
 * What "Select schema…" writes, computed without `vscode` (unit-tested on its own): the
 * `# envls-schema: id` comment line, or the `envls.schemas` setting with this file bound to the id.
 */

/** The setting's shape: schema id → glob or globs relative to the workspace folder. */
export type SchemaGlobs = Record<string, string | string[]>;

/** A comment line the server reads as a schema directive (`# envls-schema: a, b`). */
const DIRECTIVE_LINE = /^\s*#\s*envls-schema\s*:/;

export interface LineEdit {
  line: number;
  /** Replace that line's text (true) or insert a new line before it (false). */
  replace: boolean;
  text: string;
}

/** Puts `# envls-schema: id` first in the file, or in place of the file's first directive (which wins). */
export function directiveEdit(lines: readonly string[], id: string): LineEdit {
  const text = `# envls-schema: ${id}`;
  const existing = lines.findIndex((line) => DIRECTIVE_LINE.test(line));
  return existing >= 0 ? { line: existing, replace: true, text } : { line: 0, replace: false, text };
}

export function hasDirective(lines: readonly string[]): boolean {
  return lines.some((line) => DIRECTIVE_LINE.test(line));
}

/** A path as a glob matching only itself (picomatch: special characters escaped). */
export function literalGlob(relativePath: string): string {
  return relativePath.split('\\').join('/').replace(/[*?[\]{}()!+@]/g, '\\$&');
}

/**
 * The setting with `glob` bound to `id` only: taken from every other id (an id left with no glob is
 * dropped), added to `id`'s globs unless there already. Other entries are kept as they were.
 */
export function bindInSetting(current: SchemaGlobs | undefined, id: string, glob: string): SchemaGlobs {
  const out: SchemaGlobs = {};
  for (const [key, value] of Object.entries(current ?? {})) {
    const globs = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (key === id) continue;
    if (!globs.includes(glob)) out[key] = value;
    else {
      const rest = globs.filter((g) => g !== glob);
      if (rest.length > 0) out[key] = rest.length === 1 ? rest[0] : rest;
    }
  }
  const previous = current?.[id];
  const mine = typeof previous === 'string' ? [previous] : Array.isArray(previous) ? previous : [];
  const globs = mine.includes(glob) ? mine : [...mine, glob];
  out[id] = globs.length === 1 ? globs[0] : globs;
  return out;
}

/** What the status item needs of a schema source (the server's SchemaSource, schemaSources.ts). */
export interface SourceLike {
  id: string;
  title: string;
  kind: string;
  why: string;
}

/** The status item's short text: the first bound schema's title, and how many more; else the app's example. */
export function statusText(schemas: readonly { id: string; title: string }[], sources: readonly SourceLike[] = []): string {
  const example = sources.find((s) => s.kind === 'example');
  if (schemas.length === 0) return example ? `envls: ${example.title}` : 'envls: no schema';
  return `envls: ${schemas[0].title}${schemas.length > 1 ? ` +${schemas.length - 1}` : ''}`;
}

/** A few words on where the binding comes from (each schema's reason goes into the tooltip, statusTooltip). */
export function statusDetail(source: string, certainty: string, sources: readonly SourceLike[] = []): string {
  const example = sources.find((s) => s.kind === 'example');
  const plusExample = example ? ` + ${example.title}` : '';
  switch (source) {
    case 'comment':
      return `from # envls-schema${plusExample}`;
    case 'setting':
      return `from envls.schemas${plusExample}`;
    case 'detected': {
      const schemas = sources.filter((s) => s.kind !== 'example');
      const manifests = [...new Set(schemas.flatMap((s) => [...s.why.matchAll(/ in ([^\s,]+)/g)].map((m) => m[1])))];
      if (schemas.length > 0 && schemas.every((s) => s.kind === 'manifest') && manifests.length > 0) return `from ${manifests.join(', ')}${plusExample}`;
      return `${certainty === 'confident' ? 'detected' : 'detected (unsure)'}${plusExample}`;
    }
    default:
      return example ? `names from ${example.title}` : 'general checks only';
  }
}

/** The tooltip: one line per source, `Title (id): why`. */
export function statusTooltip(sources: readonly SourceLike[], reason: string): string {
  if (sources.length === 0) return reason;
  return sources.map((s) => (s.kind === 'example' ? `${s.title}: ${s.why}` : `${s.title} (${s.id}): ${s.why}`)).join('\n');
}
