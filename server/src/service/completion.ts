/**
 * Completion, from the locator: variable names where a key is written, values
 * (allowed values, boolean spellings, default, examples, a generated secret) in
 * a value, and the file's and schema's names in a `$` / `${` reference.
 *
 * Every item of a list replaces the same range, so the list is sent with LSP
 * 3.17 `itemDefaults` (edit range, insert format, commit characters, data) when
 * the client supports them, and each item carries only what differs; the
 * documentation comes with completionItem/resolve.
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
import type { EnvDocument, Span } from './parser/model';
import { offsetAt, rangeOf } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import type { VariableSpec } from './schema/types';
import { describeVariable } from './describe';
import { booleanSpellings, canonicalBooleans, conditionHolds, describeType } from './schema/values';
import { entriesByKey } from './rules/entryIndex';
import { embedsCredential, isSensitiveSpec, shownValue } from './sensitivity';
import { generateSecret } from './secrets';
import { fileLookup } from './rules/schema/lookupInFile';
import { locate } from './locate';
import type { ProjectContext } from './project/context';
import { exampleDocumentation, exampleListing, exampleNameDrafts, exampleNote, exampleValueDrafts } from './projectCompletion';

/** What an item carries for completionItem/resolve (shared by the list through itemDefaults.data). */
export interface CompletionData {
  /** Which list the item is from: names and references get their variable's documentation. */
  context: 'name' | 'reference' | 'value';
  /** Set by the server: the document the item belongs to. */
  uri?: string;
}

export interface CompletionOptions {
  /** The document's URI, put in the items' data for completionItem/resolve. */
  uri?: string;
  /** The client's `completionList.itemDefaults` capability: the defaults it understands. */
  itemDefaults?: readonly string[];
  /** The file's project: the example's names, values and comments for variables no schema describes. */
  project?: ProjectContext;
}

/** One item before packing: newText replaces the list's range. */
interface Draft {
  label: string;
  kind: CompletionItemKind;
  newText: string;
  detail?: string;
  sortText?: string;
  filterText?: string;
  tags?: CompletionItemTag[];
  labelDetails?: CompletionItem['labelDetails'];
}

/** A list whose items share one range, insert format, commit characters and data. */
interface Drafted {
  range: Range;
  format: InsertTextFormat;
  commitCharacters?: string[];
  context: CompletionData['context'];
  drafts: Draft[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Adds the variable's documentation to a name or reference item. */
export function resolveCompletion(item: CompletionItem, schemaSet: SchemaSet, project?: ProjectContext): CompletionItem {
  const data = item.data as CompletionData | undefined;
  if (data?.context === 'value') return item;
  const match = schemaSet.lookup(item.label);
  if (match) {
    const note = exampleNote(project, [item.label, match.spec.name, ...(match.spec.aliases ?? [])]);
    item.documentation = { kind: 'markdown', value: describeVariable(match.spec, match.schema) + (note ? `\n\n${note}` : '') };
  }
  const fromExample = match ? undefined : exampleDocumentation(project, schemaSet, item.label);
  if (fromExample) item.documentation = { kind: 'markdown', value: fromExample };
  return item;
}

export function getCompletions(doc: EnvDocument, schemaSet: SchemaSet, position: Position, options: CompletionOptions = {}): CompletionList {
  const drafted = draft(doc, schemaSet, offsetAt(doc, position), options.project);
  return drafted ? pack(drafted, options) : EMPTY;
}

function draft(doc: EnvDocument, schemaSet: SchemaSet, offset: number, project?: ProjectContext): Drafted | undefined {
  const location = locate(doc, offset);
  switch (location.kind) {
    case 'newKey': {
      const range = editRange(doc, location.nameSpan, offset);
      return range && { range, format: InsertTextFormat.Snippet, context: 'name', drafts: [...nameDrafts(doc, schemaSet, range.start.line, true, exampleListing(project, schemaSet)), ...exampleNameDrafts(project, doc, schemaSet, range.start.line, true)] };
    }
    case 'key': {
      // Renaming a key: the name only, the `=` and value stay.
      const range = editRange(doc, location.entry.keySpan, offset);
      return range && { range, format: InsertTextFormat.PlainText, context: 'name', drafts: [...nameDrafts(doc, schemaSet, location.entry.line, false, exampleListing(project, schemaSet)), ...exampleNameDrafts(project, doc, schemaSet, location.entry.line, false)] };
    }
    case 'reference': {
      if (location.part !== 'name') return undefined;
      const range = editRange(doc, location.reference.nameSpan, offset);
      const commitCharacters = location.reference.braced ? ['}'] : undefined;
      return range && { range, format: InsertTextFormat.PlainText, commitCharacters, context: 'reference', drafts: referenceDrafts(doc, schemaSet, location.entry.key) };
    }
    case 'partialReference': {
      const range = editRange(doc, location.nameSpan, offset);
      const commitCharacters = location.braced ? ['}'] : undefined;
      return range && { range, format: InsertTextFormat.PlainText, commitCharacters, context: 'reference', drafts: referenceDrafts(doc, schemaSet, location.entry.key) };
    }
    case 'value': {
      const content = location.content;
      // A quoted value is completed inside its quotes only.
      if (location.entry.quote && (offset < content.start || offset > content.end)) return undefined;
      const span = { start: Math.min(content.start, offset), end: Math.max(content.end, offset) };
      const range = editRange(doc, span, offset);
      // The app's own value first; the schema's list without it.
      const fromExample = exampleValueDrafts(project, schemaSet, location.entry.key);
      const fromSchema = valueDrafts(schemaSet, location.entry.key, doc.text.slice(span.start, offset)).filter((d) => !fromExample.some((e) => e.label === d.label));
      return range && { range, format: InsertTextFormat.PlainText, context: 'value', drafts: [...fromExample, ...fromSchema] };
    }
    default:
      return undefined;
  }
}

/** A completion's range must be on one line and hold the cursor. */
function editRange(doc: EnvDocument, span: Span, offset: number): Range | undefined {
  if (offset < span.start || offset > span.end) return undefined;
  const range = rangeOf(doc, span);
  return range.start.line === range.end.line ? range : undefined;
}

/** Items with the shared parts in itemDefaults when the client supports them, else on every item. */
function pack(drafted: Drafted, options: CompletionOptions): CompletionList {
  const supported = new Set(options.itemDefaults ?? []);
  const data: CompletionData = { context: drafted.context, ...(options.uri ? { uri: options.uri } : {}) };
  const shared = supported.has('editRange');
  const defaults: NonNullable<CompletionList['itemDefaults']> = {};
  if (shared) {
    defaults.editRange = drafted.range;
    if (supported.has('insertTextFormat')) defaults.insertTextFormat = drafted.format;
    if (supported.has('data')) defaults.data = data;
    if (supported.has('commitCharacters') && drafted.commitCharacters) defaults.commitCharacters = drafted.commitCharacters;
  }
  const items = drafted.drafts.map((d): CompletionItem => {
    const item: CompletionItem = { label: d.label, kind: d.kind };
    if (d.detail !== undefined) item.detail = d.detail;
    if (d.labelDetails) item.labelDetails = d.labelDetails;
    if (d.sortText !== undefined) item.sortText = d.sortText;
    if (d.filterText !== undefined) item.filterText = d.filterText;
    if (d.tags) item.tags = d.tags;
    if (shared) {
      if (d.newText !== d.label) item.textEditText = d.newText;
    } else {
      item.textEdit = { range: drafted.range, newText: d.newText };
    }
    if (!defaults.insertTextFormat && drafted.format !== InsertTextFormat.PlainText) item.insertTextFormat = drafted.format;
    if (!defaults.data && drafted.context !== 'value') item.data = data;
    if (!defaults.commitCharacters && drafted.commitCharacters) item.commitCharacters = drafted.commitCharacters;
    return item;
  });
  const list: CompletionList = { isIncomplete: false, items };
  if (Object.keys(defaults).length > 0) list.itemDefaults = defaults;
  return list;
}

/**
 * The schemas' names. `listing`: the example's names and insertable values; a name the example lists
 * ranks before the schemas' other names, and its example value stands in for a missing default.
 */
function nameDrafts(doc: EnvDocument, schemaSet: SchemaSet, line: number, withValue: boolean, listing: ReadonlyMap<string, string | undefined>): Draft[] {
  const byKey = entriesByKey(doc);
  const lookup = fileLookup(doc, schemaSet);
  const drafts: Draft[] = [];
  for (const { spec } of schemaSet.variables()) {
    const setElsewhere = [spec.name, ...(spec.aliases ?? [])].some((n) => {
      const e = byKey.get(n);
      return e !== undefined && e.line !== line;
    });
    if (setElsewhere || spec.managedBy) continue;
    const req = spec.required;
    const requiredNow = !!req && (req.kind === 'always' || (req.when ?? []).every((c) => conditionHolds(c, lookup)));
    const shownDefault = showableDefault(spec);
    const names = [spec.name, ...(spec.aliases ?? [])];
    const listed = names.some((n) => listing.has(n));
    const exampleValue = names.map((n) => listing.get(n)).find((v) => v !== undefined);
    const inserted = shownDefault ?? exampleValue;
    const placeholder = inserted ? escapeSnippet(inserted) : '';
    drafts.push({
      label: spec.name,
      kind: CompletionItemKind.Variable,
      detail: `${requiredNow ? 'required · ' : ''}${describeType(spec)}${spec.default ? ` · default ${shownDefault ?? '(hidden)'}` : ''}`,
      sortText: `${spec.deprecated ? '3' : requiredNow ? '0' : listed ? '1' : '2'}${spec.name}`,
      newText: !withValue ? spec.name : placeholder ? `${spec.name}=\${1:${placeholder}}` : `${spec.name}=$0`,
      tags: spec.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      labelDetails: requiredNow ? { description: 'required' } : undefined,
    });
  }
  return drafts;
}

/** A default that may appear in a list: none of a sensitive variable, none holding a credential. */
function showableDefault(spec: VariableSpec): string | undefined {
  if (spec.default === undefined || spec.default === '' || isSensitiveSpec(spec) || embedsCredential(spec.default)) return undefined;
  return spec.default;
}

function valueDrafts(schemaSet: SchemaSet, key: string, typed: string): Draft[] {
  const match = schemaSet.lookup(key);
  if (!match) return [];
  const spec = match.spec;
  const values = new Map<string, string>();
  if (spec.type === 'enum') for (const v of spec.values ?? []) values.set(v, 'allowed value');
  if (spec.type === 'boolean') {
    // The canonical pair first ("true", "false"), the runtime's other spellings after.
    const { truthy, falsy } = booleanSpellings(spec.boolean);
    const canonical = canonicalBooleans(spec.boolean);
    for (const v of canonical) values.set(v, 'boolean');
    for (const v of truthy) if (!values.has(v)) values.set(v, 'also read as true');
    for (const v of falsy) if (!values.has(v)) values.set(v, 'also read as false');
  }
  const shownDefault = showableDefault(spec);
  if (shownDefault !== undefined) values.set(shownDefault, 'default');
  if (!isSensitiveSpec(spec)) {
    // The documentation's examples; one holding a credential is left out, as any secret.
    for (const example of spec.examples ?? []) if (example !== '' && !values.has(example) && !embedsCredential(example)) values.set(example, 'example');
  }
  const drafts: Draft[] = [...values].map(([value, detail], i) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: value === shownDefault ? 'default' : detail,
    sortText: String(i).padStart(4, '0'),
    newText: value,
  }));
  // Offered where nothing is typed before the cursor, so that no filter text has to echo a secret already there.
  if ((spec.sensitive || spec.type === 'secret') && typed === '') {
    const length = Math.max(32, spec.constraints?.minLength ?? 32);
    drafts.unshift({
      label: 'Generate a strong random value',
      kind: CompletionItemKind.Snippet,
      detail: `${length} random characters`,
      sortText: '0000',
      newText: generateSecret(length),
    });
  }
  return drafts;
}

/** The file's variables first (values shown only as sensitivity.ts allows), then the schema's; never the entry's own key. */
function referenceDrafts(doc: EnvDocument, schemaSet: SchemaSet, own: string): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>([own]);
  for (const entry of entriesByKey(doc).values()) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    drafts.push({ label: entry.key, kind: CompletionItemKind.Variable, detail: shownValue(entry.key, entry.value, schemaSet), sortText: `0${entry.key}`, newText: entry.key });
  }
  for (const { spec } of schemaSet.variables()) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    drafts.push({ label: spec.name, kind: CompletionItemKind.Variable, detail: `${describeType(spec)} (not set in this file)`, sortText: `1${spec.name}`, newText: spec.name });
  }
  return drafts;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
