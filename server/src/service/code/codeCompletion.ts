/**
 * Completion of a variable name inside a read expression of the code (`process.env.|`,
 * `os.getenv("|")`, `${|}`): the names the app's env files set, then those its example (or
 * `.env.schema`) lists, then those its bound schemas document. The detail says where a name comes
 * from; the documentation (nameMarkdown: schema or example text, value per mode, masked when
 * sensitive) comes with completionItem/resolve. Items share one edit range, sent in itemDefaults
 * when the client supports them.
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { shownPath } from '../project/context';
import { holdsValues } from '../project/roles';
import { entriesByKey } from '../rules/entryIndex';
import { describeType } from '../schema/values';
import type { CodeContext } from './context';
import { nameMarkdown } from './describeName';
import type { ReadSite } from './types';

/** What a code completion item carries for completionItem/resolve. */
export interface CodeCompletionData {
  context: 'code';
  /** The code document's URI. */
  uri?: string;
}

export interface CodeCompletionOptions {
  uri?: string;
  /** The client's completionList.itemDefaults capability. */
  itemDefaults?: readonly string[];
}

/** A name written bare (`process.env.X`, `$X`) must be an identifier; a quoted one may be any key. */
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function codeCompletion(ctx: CodeContext, site: ReadSite, options: CodeCompletionOptions = {}): CompletionList {
  const seen = new Set<string>();
  const drafts: { label: string; detail: string; sortText: string; deprecated?: boolean }[] = [];
  const add = (label: string, detail: string, rank: number, deprecated?: boolean) => {
    if (seen.has(label) || (site.quote === undefined && !BARE_NAME.test(label))) return;
    seen.add(label);
    drafts.push({ label, detail, sortText: `${rank}${label}`, deprecated });
  };
  // Values files in the order a program reads them: each mode's winner says where the value comes from.
  for (const { values } of ctx.modes) for (const [key, effective] of values) add(key, `from ${shownPath(effective.path, ctx.path)}`, 0);
  for (const file of ctx.envFiles) if (holdsValues(file.role)) for (const key of entriesByKey(file.doc).keys()) add(key, `from ${shownPath(file.path, ctx.path)}`, 0);
  for (const file of ctx.envFiles) if (!holdsValues(file.role)) for (const key of entriesByKey(file.doc).keys()) add(key, `listed in ${shownPath(file.path, ctx.path)}`, 1);
  for (const { spec, schema } of ctx.schemaSet.variables()) {
    if (spec.managedBy) continue;
    add(spec.name, `${schema.title} · ${describeType(spec)}`, spec.deprecated ? 3 : 2, spec.deprecated !== undefined);
  }
  const supported = new Set(options.itemDefaults ?? []);
  const data: CodeCompletionData = { context: 'code', ...(options.uri ? { uri: options.uri } : {}) };
  const shared = supported.has('editRange');
  const items = drafts.map((d): CompletionItem => {
    const item: CompletionItem = { label: d.label, kind: CompletionItemKind.Variable, detail: d.detail, sortText: d.sortText };
    if (d.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (!shared) item.textEdit = { range: site.replace, newText: d.label };
    if (!(shared && supported.has('data'))) item.data = data;
    return item;
  });
  const list: CompletionList = { isIncomplete: false, items };
  if (shared) list.itemDefaults = { editRange: site.replace, ...(supported.has('data') ? { data } : {}) };
  return list;
}

export function isCodeCompletionData(data: unknown): data is CodeCompletionData {
  return typeof data === 'object' && data !== null && (data as { context?: unknown }).context === 'code';
}

/** The name's documentation and value per mode, added on resolve. */
export function resolveCodeCompletion(item: CompletionItem, ctx: CodeContext): CompletionItem {
  item.documentation = { kind: 'markdown', value: nameMarkdown(ctx, item.label) };
  return item;
}
