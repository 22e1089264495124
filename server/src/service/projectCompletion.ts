/**
 * The example's part of completion: for variables no schema describes, its names (an empty `.env`
 * completes every name the example lists), its values and its comments as the documentation; for
 * variables a schema describes, the value to insert when the schema has no default and the
 * example's comment after the schema's documentation. Values go through sensitivity.ts, and a
 * placeholder (`changeme`, `<your key>`) is never inserted: the cursor goes to an empty value.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { EnvDocument } from './parser/model';
import type { SchemaSet } from './schema/schemaSet';
import { exampleDescription, type ProjectContext } from './project/context';
import { baseName } from './project/paths';
import { entriesByKey } from './rules/entryIndex';
import { isSensitive } from './sensitivity';
import { isPlaceholder } from './placeholders';
import { checkValue } from './schema/checkValue';

export interface ExampleDraft {
  label: string;
  kind: CompletionItemKind;
  newText: string;
  detail?: string;
  sortText?: string;
}

/** The example's names that neither the file (on another line) nor a schema offers already. */
export function exampleNameDrafts(project: ProjectContext | undefined, doc: EnvDocument, schemaSet: SchemaSet, line: number, withValue: boolean): ExampleDraft[] {
  const example = project?.example;
  if (!example) return [];
  const own = entriesByKey(doc);
  const drafts: ExampleDraft[] = [];
  for (const entry of entriesByKey(example.doc).values()) {
    const set = own.get(entry.key);
    if ((set && set.line !== line) || schemaSet.lookup(entry.key)) continue;
    const value = showable(entry.key, entry.value, schemaSet);
    drafts.push({
      label: entry.key,
      kind: CompletionItemKind.Variable,
      detail: `from ${baseName(example.path)}`,
      sortText: `1${entry.key}`,
      newText: !withValue ? entry.key : value ? `${entry.key}=\${1:${value.replace(/[$}\\]/g, '\\$&')}}` : `${entry.key}=$0`,
    });
  }
  return drafts;
}

/** The example's value of a variable, when it may be shown (and fits the variable, when a schema describes it). */
export function exampleValueDrafts(project: ProjectContext | undefined, schemaSet: SchemaSet, key: string): ExampleDraft[] {
  const example = project?.example;
  if (!example) return [];
  const entry = entriesByKey(example.doc).get(key);
  const value = entry && showable(key, entry.value, schemaSet);
  return value ? [{ label: value, kind: CompletionItemKind.Value, detail: `from ${baseName(example.path)}`, sortText: '0000', newText: value }] : [];
}

/** The example's comments above a variable no schema describes, as Markdown. */
export function exampleDocumentation(project: ProjectContext | undefined, schemaSet: SchemaSet, key: string): string | undefined {
  const example = project?.example;
  if (!example || schemaSet.lookup(key)) return undefined;
  const description = exampleDescription(example, key);
  return description && `**${key}** — from ${baseName(example.path)}\n\n${description}`;
}

/**
 * The example's comments on a variable a schema describes too: the app's own words, after the
 * schema's. `names`: the variable's name and aliases (the example may use an older spelling).
 */
export function exampleNote(project: ProjectContext | undefined, names: readonly string[]): string | undefined {
  const example = project?.example;
  if (!example) return undefined;
  const description = names.map((name) => exampleDescription(example, name)).find((d) => d !== undefined);
  return description && `From ${baseName(example.path)}: ${description}`;
}

/**
 * Every name the example lists, with the value completion may insert for it (undefined: none, the
 * value is sensitive, empty or a placeholder). Empty without an example.
 */
export function exampleListing(project: ProjectContext | undefined, schemaSet: SchemaSet): ReadonlyMap<string, string | undefined> {
  const listing = new Map<string, string | undefined>();
  const example = project?.example;
  if (example) for (const entry of entriesByKey(example.doc).values()) listing.set(entry.key, showable(entry.key, entry.value, schemaSet));
  return listing;
}

/** A value completion may insert: not empty, no placeholder, not sensitive, and valid for the variable's schema (when one describes it). */
function showable(key: string, value: string, schemaSet: SchemaSet): string | undefined {
  if (value === '' || isPlaceholder(value) || isSensitive(key, value, schemaSet)) return undefined;
  const spec = schemaSet.lookup(key)?.spec;
  // A problem without a milder severity is an error: such a value would be flagged as soon as inserted.
  const problem = spec && checkValue(spec, value);
  return problem && problem.severity === undefined ? undefined : value;
}
