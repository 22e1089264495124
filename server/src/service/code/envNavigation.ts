/**
 * From an env file to the code: references include the code that reads the variable (after the
 * env files' own occurrences), and rename renames the key in the env files AND every read in the
 * code, in one WorkspaceEdit. Only names and ranges: no value leaves this module.
 */
import type { Location, Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { locateAt, nameAt } from '../locate';
import { isRefusal, referencesAt, renameAt, type NavDocument, type Refusal, type RenameOptions } from '../navigation';
import type { CodeRead, CodeUsage } from './usage';

/** Where the code files are for the editor: a URI and the open document's version (null when not open). */
export interface CodeFiles {
  usage: CodeUsage;
  locate(path: string): { uri: string; version: number | null } | undefined;
}

/** What a name must be for every code read to keep reading it (`process.env.X`, `$X`: no quotes around it). */
const CODE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function nameUnder(documents: readonly NavDocument[], position: Position): string | undefined {
  return nameAt(locateAt(documents[0].doc, position))?.name;
}

/** The env files' references (existing navigation), then every code read of the name. */
export function referencesWithCode(documents: readonly NavDocument[], position: Position, includeDeclaration: boolean, code: CodeFiles): Location[] | null {
  const env = referencesAt(documents, position, includeDeclaration);
  const name = nameUnder(documents, position);
  if (!env || name === undefined) return env;
  const out = [...env];
  for (const read of code.usage.readsOf(name)) {
    const located = code.locate(read.path);
    if (located) out.push({ uri: located.uri, range: read.read.range });
  }
  return out;
}

/** How many places of the code read `name`, for hover (kind 'read' only: a compose `environment:` key sets it). */
export function readCount(usage: CodeUsage, name: string): number {
  return usage.readsOf(name).filter((r) => r.read.kind === 'read').length;
}

/** The env rename (service/navigation) plus the code reads of the name; refused when a read could not keep the new name. */
export function renameWithCode(documents: readonly NavDocument[], position: Position, newName: string, options: RenameOptions, code: CodeFiles): WorkspaceEdit | Refusal {
  const oldName = nameUnder(documents, position);
  const reads = oldName === undefined || newName === oldName ? [] : code.usage.readsOf(oldName);
  if (reads.length > 0) {
    if (!CODE_NAME.test(newName)) {
      return { refusal: `"${newName}" cannot be read back by the code that reads ${oldName} (${where(reads[0])}): a name there is letters, digits and "_", not starting with a digit.` };
    }
    const clash = code.usage.readsOf(newName)[0];
    if (clash) return { refusal: `${newName} is already read by the code (${where(clash)}): renaming ${oldName} to it would make two variables one.` };
  }
  const edit = renameAt(documents, position, newName, options);
  if (isRefusal(edit) || reads.length === 0) return edit;
  const byPath = new Map<string, { uri: string; version: number | null; edits: TextEdit[] }>();
  for (const { path, read } of reads) {
    const located = code.locate(path);
    if (!located) continue;
    let file = byPath.get(path);
    if (!file) byPath.set(path, (file = { ...located, edits: [] }));
    file.edits.push({ range: read.range as Range, newText: newName });
  }
  if (options.documentChanges) {
    const documentChanges = [...(edit.documentChanges ?? [])] as TextDocumentEdit[];
    for (const file of byPath.values()) documentChanges.push({ textDocument: { uri: file.uri, version: file.version }, edits: file.edits });
    return { documentChanges };
  }
  const changes: Record<string, TextEdit[]> = { ...(edit.changes ?? {}) };
  for (const file of byPath.values()) changes[file.uri] = file.edits;
  return { changes };
}

function where({ path, read }: CodeRead): string {
  return `${path}, line ${read.range.start.line + 1}`;
}
