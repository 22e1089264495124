/**
 * Navigation over variable names: definition, references, document highlight,
 * rename and workspace symbols. Everything starts from the locator's `nameAt`
 * (a key, or the name part of a `${NAME…}` / `$NAME` reference), so every
 * entry form dotenv reads is understood the same way.
 *
 * Functions that may reach other files take a list of documents, the one the
 * cursor is in first: today the server passes only that one; a project model
 * (several env files of one application) can pass more without changing this.
 *
 * Values never leave this module: locations, names and ranges only.
 */
import {
  DocumentHighlightKind,
  SymbolKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { EnvDocument, Span } from './parser/model';
import { isKeyChar } from './parser/chars';
import { locateAt, nameAt, type Location as CursorLocation } from './locate';
import { rangeOf } from './positions';

/** A parsed document with what the protocol knows about it. */
export interface NavDocument {
  uri: string;
  /** The editor's version (carried by rename's documentChanges); null when unknown. */
  version: number | null;
  doc: EnvDocument;
}

/** Where a name occurs: a key defining it, or a reference reading it. */
export interface Occurrence {
  span: Span;
  role: 'definition' | 'reference';
  /** 0-based line of the entry holding it. */
  line: number;
}

/** Every occurrence of `name` in a document, in file order. */
export function occurrencesOf(doc: EnvDocument, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const entry of doc.entries) {
    if (entry.key === name) out.push({ span: entry.keySpan, role: 'definition', line: entry.line });
    for (const reference of entry.references) {
      if (reference.name === name) out.push({ span: reference.nameSpan, role: 'reference', line: entry.line });
    }
  }
  return out;
}

function nameUnder(doc: EnvDocument, position: Position) {
  return nameAt(locateAt(doc, position));
}

/**
 * Definitions of the name under the cursor (on a reference or on a key):
 * per document, the definition dotenv keeps (the last one) first, then the
 * earlier ones it ignores, in file order. The documents come in the order
 * given, the cursor's first. null when the cursor is on no name; [] when the
 * name is defined nowhere (it comes from the process environment).
 */
export function definitionsAt(documents: readonly NavDocument[], position: Position): Location[] | null {
  const [current, ...others] = documents;
  const under = nameUnder(current.doc, position);
  if (!under) return null;
  const out: Location[] = [];
  for (const { uri, doc } of [current, ...others]) {
    const definitions = doc.entries.filter((entry) => entry.key === under.name);
    const kept = definitions.pop();
    if (!kept) continue;
    for (const entry of [kept, ...definitions]) out.push({ uri, range: rangeOf(doc, entry.keySpan) });
  }
  return out;
}

/**
 * Every occurrence of the name under the cursor, in every given document, in
 * file order: the keys defining it (when includeDeclaration) and the
 * references reading it. Ranges cover the name only.
 */
export function referencesAt(documents: readonly NavDocument[], position: Position, includeDeclaration: boolean): Location[] | null {
  const under = nameUnder(documents[0].doc, position);
  if (!under) return null;
  const out: Location[] = [];
  for (const { uri, doc } of documents) {
    for (const occurrence of occurrencesOf(doc, under.name)) {
      if (includeDeclaration || occurrence.role === 'reference') out.push({ uri, range: rangeOf(doc, occurrence.span) });
    }
  }
  return out;
}

/** The name's occurrences in this document: Write for a key, Read for a reference. */
export function highlightsAt(doc: EnvDocument, position: Position): DocumentHighlight[] | null {
  const under = nameUnder(doc, position);
  if (!under) return null;
  return occurrencesOf(doc, under.name).map((o) => ({
    range: rangeOf(doc, o.span),
    kind: o.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** Why a rename cannot be done, in words for the user. */
export interface Refusal {
  refusal: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refusal' in value;
}

const PUT_CURSOR = 'put the cursor on a key or on the name in a ${NAME} or $NAME reference';

/** What prepareRename refuses, by where the cursor is. */
function refusalFor(location: CursorLocation): string {
  switch (location.kind) {
    case 'export':
      return `"export" is a keyword, not a variable name: ${PUT_CURSOR}.`;
    case 'separator':
      return `The separator is not a variable name: ${PUT_CURSOR}.`;
    case 'value':
      return `A value cannot be renamed: ${PUT_CURSOR}.`;
    case 'reference':
      return `This is the reference's default text, not a variable name: ${PUT_CURSOR}.`;
    case 'partialReference':
      return `This reference is not complete yet (dotenv-expand does not read it): close it first.`;
    case 'comment':
      return `A comment cannot be renamed: ${PUT_CURSOR}.`;
    default:
      return `Nothing to rename here: ${PUT_CURSOR}.`;
  }
}

/** The range of the name under the cursor and the name itself, or why it cannot be renamed. */
export function prepareRenameAt(doc: EnvDocument, position: Position): { range: Range; placeholder: string } | Refusal {
  const location = locateAt(doc, position);
  const under = nameAt(location);
  if (!under) return { refusal: refusalFor(location) };
  return { range: rangeOf(doc, under.span), placeholder: under.name };
}

/** dotenv's key rule (the parser's `[\w.-]+`, ASCII only). */
export function isValidKey(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!isKeyChar(name.charCodeAt(i))) return false;
  return true;
}

/** What dotenv-expand reads as the name of `$NAME`. */
const UNBRACED_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Why newName cannot replace oldName everywhere it occurs, or undefined.
 * Beyond dotenv's key rule, the new name must still be read back by every
 * reference in the form it is written (`-` would start a `${A-default}`; `$A.B`
 * reads `$A`), and must not be used already (renaming onto it would merge two
 * variables, and a reference to it would start reading another value).
 */
function renameProblem(documents: readonly NavDocument[], oldName: string, newName: string): string | undefined {
  if (!isValidKey(newName)) {
    return `"${newName}" is not a name dotenv reads: a key is made of ASCII letters, digits, "_", "." and "-" only, and is not empty.`;
  }
  for (const { uri, doc } of documents) {
    for (const entry of doc.entries) {
      if (entry.key === newName) return `${newName} is already defined (${where(documents, uri, entry.line)}): renaming ${oldName} to it would make two variables one.`;
      for (const reference of entry.references) {
        if (reference.name === newName) return `${newName} is already referenced (${where(documents, uri, entry.line)}): renaming ${oldName} to it would change what that reference reads.`;
        if (reference.name !== oldName) continue;
        if (reference.braced && newName.includes('-')) {
          return `"${newName}" cannot be read in \${${oldName}} (${where(documents, uri, entry.line)}): dotenv-expand reads "-" there as the start of a default.`;
        }
        if (!reference.braced && !UNBRACED_NAME.test(newName)) {
          return `"${newName}" cannot be read in $${oldName} (${where(documents, uri, entry.line)}): without braces a name is letters, digits and "_", not starting with a digit.`;
        }
      }
    }
  }
  return undefined;
}

function where(documents: readonly NavDocument[], uri: string, line: number): string {
  return uri === documents[0].uri ? `line ${line + 1}` : `${fileName(uri)}, line ${line + 1}`;
}

export interface RenameOptions {
  /** The client takes `documentChanges` (versioned TextDocumentEdits); else `changes` by uri. */
  documentChanges: boolean;
}

/**
 * Renames every key defining the name under the cursor and every reference
 * reading it, in every given document. Only the name is replaced: `${…}` or
 * `$` form, operators and defaults stay as written.
 */
export function renameAt(documents: readonly NavDocument[], position: Position, newName: string, options: RenameOptions): WorkspaceEdit | Refusal {
  const prepared = prepareRenameAt(documents[0].doc, position);
  if (isRefusal(prepared)) return prepared;
  const oldName = prepared.placeholder;
  if (newName === oldName) return options.documentChanges ? { documentChanges: [] } : { changes: {} };
  const problem = renameProblem(documents, oldName, newName);
  if (problem) return { refusal: problem };
  const perDocument: { document: NavDocument; edits: TextEdit[] }[] = [];
  for (const document of documents) {
    const edits = occurrencesOf(document.doc, oldName).map((o) => ({ range: rangeOf(document.doc, o.span), newText: newName }));
    if (edits.length > 0) perDocument.push({ document, edits });
  }
  if (options.documentChanges) {
    const documentChanges: TextDocumentEdit[] = perDocument.map(({ document, edits }) => ({
      textDocument: { uri: document.uri, version: document.version },
      edits,
    }));
    return { documentChanges };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const { document, edits } of perDocument) changes[document.uri] = edits;
  return { changes };
}

/** At most this many symbols in one answer: a client filters further as the user types. */
export const MAX_WORKSPACE_SYMBOLS = 2000;

/**
 * The keys of the given documents whose name matches the query (its
 * characters in order, case ignored; an empty query matches all): one symbol
 * per key and file, at the definition dotenv keeps. Names and places only:
 * never a value, so no secret can show.
 */
export function workspaceSymbols(documents: readonly NavDocument[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const wanted = query.toLowerCase();
  for (const { uri, doc } of documents) {
    const kept = new Map<string, Span>();
    for (const entry of doc.entries) if (matches(entry.key.toLowerCase(), wanted)) kept.set(entry.key, entry.keySpan);
    const container = fileName(uri);
    for (const [name, span] of kept) {
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      out.push({ name, kind: SymbolKind.Variable, location: { uri, range: rangeOf(doc, span) }, containerName: container });
    }
  }
  return out;
}

/** `query`'s characters appear in `name` in order (a fuzzy match, as editors filter symbols). */
function matches(name: string, query: string): boolean {
  let at = 0;
  for (let i = 0; i < query.length; i++) {
    at = name.indexOf(query[i], at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The last path segment of a URI, decoded (`.env.local`). */
export function fileName(uri: string): string {
  const tail = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const segment = tail.slice(tail.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
