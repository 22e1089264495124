/**
 * The example's part of completion, for variables no schema describes: its names (an empty `.env`
 * completes every name the example lists), its non-sensitive values, and its comments as the
 * documentation. Values go through sensitivity.ts.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { EnvDocument } from './parser/model';
import type { SchemaSet } from './schema/schemaSet';
import { exampleDescription, type ProjectContext } from './project/context';
import { baseName } from './project/paths';
import { entriesByKey } from './rules/entryIndex';
import { isSensitive } from './sensitivity';

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

/** The example's value of a variable no schema describes, when it may be shown. */
export function exampleValueDrafts(project: ProjectContext | undefined, schemaSet: SchemaSet, key: string): ExampleDraft[] {
  const example = project?.example;
  if (!example || schemaSet.lookup(key)) return [];
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

function showable(key: string, value: string, schemaSet: SchemaSet): string | undefined {
  return value !== '' && !isSensitive(key, value, schemaSet) ? value : undefined;
}
