/**
 * The protocol side of navigation: definition, references, document highlight,
 * prepareRename / rename and workspace symbols, answered by the pure
 * service/navigation from the documents the host gives.
 *
 * Handlers are isolated as guard() does, except that a refused rename is
 * answered with a ResponseError carrying the reason, which editors show.
 */
import { ErrorCodes, ResponseError, type ClientCapabilities, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import {
  definitionsAt,
  highlightsAt,
  isRefusal,
  prepareRenameAt,
  referencesAt,
  renameAt,
  workspaceSymbols,
  type NavDocument,
} from '../service/navigation';
import type { Logger } from './guard';
import type { Location, Position } from 'vscode-languageserver/node';
import { referencesWithCode, renameWithCode, type CodeFiles } from '../service/code/envNavigation';

/** Code and .env together (protocol/code.ts): definition in code documents; references and rename reaching the code. */
export interface CodeNavigationHost {
  isCode(uri: string): boolean;
  definition(uri: string, position: Position): Promise<Location[] | null>;
  /** The code of the env file's app; undefined with code features off. */
  files(uri: string): CodeFiles | undefined;
  /** Every other env file of the app (a rename the code shares reaches all of them). */
  renameDocuments(uri: string): NavDocument[];
}

export interface NavigationHost {
  log: Logger;
  /** The lifecycle's answer instead of a result (before initialize, after shutdown), as for every request. */
  refusal(): ResponseError<void> | undefined;
  /** An open env document, analysed at its current version. */
  document(uri: string): NavDocument | undefined;
  /** Every open env document (workspace symbols). */
  openDocuments(): NavDocument[];
  /**
   * Other documents that definitions, references and rename reach from `uri`
   * (env files of the same application); none until a project model says which.
   */
  related?(uri: string): NavDocument[];
  code?: CodeNavigationHost;
}

export interface Navigation {
  /** The server capabilities to announce, given the client's; remembers what rename may answer. */
  capabilities(client: ClientCapabilities): ServerCapabilities;
}

export function registerNavigation(connection: Connection, host: NavigationHost): Navigation {
  let documentChanges = false;
  const documentsFrom = (uri: string): NavDocument[] | undefined => {
    const current = host.document(uri);
    if (!current) return undefined;
    const others = (host.related?.(uri) ?? []).filter((d) => d.uri !== uri);
    return [current, ...others];
  };

  connection.onDefinition(
    isolate(host, 'definition', null, (params): Location[] | null | Promise<Location[] | null> => {
      if (host.code?.isCode(params.textDocument.uri)) return host.code.definition(params.textDocument.uri, params.position);
      const documents = documentsFrom(params.textDocument.uri);
      return documents ? definitionsAt(documents, params.position) : null;
    }),
  );

  connection.onReferences(
    isolate(host, 'references', null, (params) => {
      const documents = documentsFrom(params.textDocument.uri);
      if (!documents) return null;
      const code = host.code?.files(params.textDocument.uri);
      return code ? referencesWithCode(documents, params.position, params.context.includeDeclaration, code) : referencesAt(documents, params.position, params.context.includeDeclaration);
    }),
  );

  connection.onDocumentHighlight(
    isolate(host, 'documentHighlight', null, (params) => {
      const document = host.document(params.textDocument.uri);
      return document ? highlightsAt(document.doc, params.position) : null;
    }),
  );

  connection.onPrepareRename(
    isolate(host, 'prepareRename', null, (params) => {
      const document = host.document(params.textDocument.uri);
      if (!document) return null;
      const prepared = prepareRenameAt(document.doc, params.position);
      if (isRefusal(prepared)) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.refusal);
      return prepared;
    }),
  );

  connection.onRenameRequest(
    isolate(host, 'rename', null, (params) => {
      const documents = documentsFrom(params.textDocument.uri);
      if (!documents) return null;
      const code = host.code?.files(params.textDocument.uri);
      // With the code: every env file of the app, then every read in the code, in one edit.
      const edit = code
        ? renameWithCode([documents[0], ...host.code!.renameDocuments(params.textDocument.uri).filter((d) => d.uri !== documents[0].uri)], params.position, params.newName, { documentChanges }, code)
        : renameAt(documents, params.position, params.newName, { documentChanges });
      if (isRefusal(edit)) throw new ResponseError(ErrorCodes.InvalidParams, edit.refusal);
      return edit;
    }),
  );

  connection.onWorkspaceSymbol(
    isolate(host, 'workspaceSymbol', [], (params) => workspaceSymbols(host.openDocuments(), params.query)),
  );

  return {
    capabilities(client) {
      documentChanges = client.workspace?.workspaceEdit?.documentChanges === true;
      const prepareSupport = client.textDocument?.rename?.prepareSupport === true;
      return {
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        // RenameOptions only for a client that said it sends prepareRename (LSP 3.12).
        renameProvider: prepareSupport ? { prepareProvider: true } : true,
        workspaceSymbolProvider: true,
      };
    },
  };
}

/** The lifecycle's refusal, else guard() letting a ResponseError through: it is the answer, not a failure. */
function isolate<A extends unknown[], R>(host: NavigationHost, name: string, fallback: R, handler: (...args: A) => R): (...args: A) => R | ResponseError<void> {
  const { log } = host;
  return (...args: A): R | ResponseError<void> => {
    const refusal = host.refusal();
    if (refusal) return refusal;
    try {
      return handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`envls: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}
