/**
 * Completion: variable names at the start of a line, values after `=`, and
 * references after `$` / inside `${`.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { EnvDocument } from './parser/model';
import { offsetAt, positionAt } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import { describeVariable } from './describe';
import { booleanSpellings, conditionHolds, describeType } from './schema/values';
import { entriesByKey } from './rules/entryIndex';
import { maskedValue } from './sensitivity';
import { generateSecret } from './secrets';
import { fileLookup } from './rules/schema/lookupInFile';

/** What a name item carries for completionItem/resolve. */
export interface CompletionData {
  variable: string;
  /** Set by the server: the document the item belongs to. */
  uri?: string;
}

/** Adds the variable's documentation to a name item. */
export function resolveCompletion(item: CompletionItem, schemaSet: SchemaSet): CompletionItem {
  const data = item.data as CompletionData | undefined;
  const match = data?.variable ? schemaSet.lookup(data.variable) : undefined;
  if (match) item.documentation = { kind: 'markdown', value: describeVariable(match.spec, match.schema) };
  return item;
}

export function getCompletions(doc: EnvDocument, schemaSet: SchemaSet, position: Position): CompletionList {
  const offset = offsetAt(doc, position);
  const lineStart = doc.lineStarts[position.line] ?? 0;
  const before = doc.text.slice(lineStart, offset);
  const reference = /\$\{?([A-Za-z0-9_.]*)$/.exec(before);
  if (reference && /=|:\s/.test(before)) {
    return { isIncomplete: false, items: referenceItems(doc, schemaSet, position, reference[1].length, before.endsWith('$') ? '' : reference[0]) };
  }
  const keyMatch = /^(\s*(?:export\s+)?)([\w.-]*)$/.exec(before);
  if (keyMatch) {
    const range = wordRange(doc, position, keyMatch[2].length, offset);
    return { isIncomplete: false, items: nameItems(doc, schemaSet, range, position.line) };
  }
  const valueMatch = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(before);
  if (valueMatch) return { isIncomplete: false, items: valueItems(doc, schemaSet, position, valueMatch[1], valueMatch[2]) };
  return { isIncomplete: false, items: [] };
}

function wordRange(doc: EnvDocument, position: Position, typedLength: number, offset: number): Range {
  // Replace the whole word under the cursor, not only what is before it.
  let end = offset;
  while (end < doc.text.length && /[\w.-]/.test(doc.text[end])) end++;
  return { start: { line: position.line, character: position.character - typedLength }, end: positionAt(doc, end) };
}

function nameItems(doc: EnvDocument, schemaSet: SchemaSet, range: Range, line: number): CompletionItem[] {
  const byKey = entriesByKey(doc);
  const lookup = fileLookup(doc, schemaSet);
  const items: CompletionItem[] = [];
  for (const { spec } of schemaSet.variables()) {
    const setElsewhere = [spec.name, ...(spec.aliases ?? [])].some((n) => {
      const e = byKey.get(n);
      return e !== undefined && e.line !== line;
    });
    if (setElsewhere || spec.managedBy) continue;
    const req = spec.required;
    const requiredNow = !!req && (req.kind === 'always' || (req.when ?? []).every((c) => conditionHolds(c, lookup)));
    const placeholder = spec.default !== undefined && !spec.sensitive ? escapeSnippet(spec.default) : '';
    items.push({
      label: spec.name,
      kind: CompletionItemKind.Variable,
      detail: `${requiredNow ? 'required · ' : ''}${describeType(spec)}${spec.default ? ` · default ${spec.sensitive ? '(hidden)' : spec.default}` : ''}`,
      // Documentation is filled in by completionItem/resolve: a list of every variable stays small.
      data: { variable: spec.name } satisfies CompletionData,
      sortText: `${spec.deprecated ? '2' : requiredNow ? '0' : '1'}${spec.name}`,
      textEdit: { range, newText: placeholder ? `${spec.name}=\${1:${placeholder}}` : `${spec.name}=$0` },
      insertTextFormat: InsertTextFormat.Snippet,
      tags: spec.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      labelDetails: requiredNow ? { description: 'required' } : undefined,
    });
  }
  return items;
}

function valueItems(doc: EnvDocument, schemaSet: SchemaSet, position: Position, key: string, typed: string): CompletionItem[] {
  const match = schemaSet.lookup(key);
  if (!match) return [];
  const spec = match.spec;
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const values = new Map<string, string>();
  if (spec.type === 'enum') for (const v of spec.values ?? []) values.set(v, 'allowed value');
  if (spec.type === 'boolean') {
    const { truthy, falsy } = booleanSpellings(spec.boolean);
    for (const v of [...truthy, ...falsy]) values.set(v, 'boolean');
  }
  if (spec.default !== undefined && spec.default !== '' && !spec.sensitive) values.set(spec.default, 'default');
  const items: CompletionItem[] = [...values].map(([value, detail], i) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: value === spec.default ? 'default' : detail,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: value },
  }));
  if (spec.sensitive || spec.type === 'secret') {
    const length = Math.max(32, spec.constraints?.minLength ?? 32);
    items.unshift({
      label: 'Generate a strong random value',
      kind: CompletionItemKind.Snippet,
      detail: `${length} random characters`,
      sortText: '0000',
      filterText: typed,
      textEdit: { range, newText: generateSecret(length) },
    });
  }
  return items;
}

function referenceItems(doc: EnvDocument, schemaSet: SchemaSet, position: Position, typedLength: number, _prefix: string): CompletionItem[] {
  const range: Range = { start: { line: position.line, character: position.character - typedLength }, end: position };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const entry of doc.entries) {
    if (seen.has(entry.key) || entry.line === position.line) continue;
    seen.add(entry.key);
    items.push({
      label: entry.key,
      kind: CompletionItemKind.Variable,
      detail: maskedValue(entry.key, entry.value, schemaSet),
      sortText: `0${entry.key}`,
      textEdit: { range, newText: entry.key },
    });
  }
  // The line's own variable is not offered as "not set in this file": it is, right here.
  const own = doc.entries.find((e) => e.line === position.line)?.key;
  for (const { spec } of schemaSet.variables()) {
    if (seen.has(spec.name) || spec.name === own) continue;
    seen.add(spec.name);
    items.push({ label: spec.name, kind: CompletionItemKind.Variable, detail: `${describeType(spec)} (not set in this file)`, sortText: `1${spec.name}`, textEdit: { range, newText: spec.name } });
  }
  return items;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
