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

/** The status item's short text: the first bound schema's title, and how many more. */
export function statusText(schemas: readonly { id: string; title: string }[]): string {
  if (schemas.length === 0) return 'envls: no schema';
  return `envls: ${schemas[0].title}${schemas.length > 1 ? ` +${schemas.length - 1}` : ''}`;
}

/** A few words on where the binding comes from (the full reason goes into the tooltip). */
export function statusDetail(source: string, certainty: string): string {
  switch (source) {
    case 'comment':
      return 'from # envls-schema';
    case 'setting':
      return 'from envls.schemas';
    case 'detected':
      return certainty === 'confident' ? 'detected' : 'detected (unsure)';
    default:
      return 'general checks only';
  }
}
