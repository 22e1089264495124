/**
 * Requests envls's own clients send beyond LSP:
 * - `envls/cloakRanges` {textDocument: {uri}, mode?} → {version, ranges} | null: the value ranges to
 *   cloak on screen (null for a document the server does not have open);
 * - `envls/schemas` → SchemaInfo[]: every known schema, fragments marked, for "Select schema…".
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../service/analyze';
import { cloakRanges, readCloakMode } from '../service/cloak';
import { builtinFragmentFiles } from '../service/schema/builtin';
import type { ResolvedSchema } from '../service/schema/types';
import { schemaCatalog, type SchemaInfo } from '../service/schemaCatalog';
import type { Logger } from './guard';
import type { Lifecycle } from './lifecycle';

export const CLOAK_RANGES_METHOD = 'envls/cloakRanges';
export const SCHEMAS_METHOD = 'envls/schemas';

export interface CloakRangesParams {
  textDocument: { uri: string };
  /** `sensitive` (default), `all` or `off`. */
  mode?: string;
}

export interface CloakRangesResult {
  /** The document version the ranges belong to: a client drops an answer older than its text. */
  version: number;
  ranges: Range[];
}

export interface ClientRequestSources {
  /** The open document's version and analysis, or undefined when it is not open. */
  analysisOf(uri: string): { version: number; analysis: Analysis } | undefined;
  availableSchemas(): ReadonlyMap<string, ResolvedSchema>;
  log: Logger;
  /** Refuses requests before initialize and after shutdown, and isolates the handlers. */
  lifecycle: Lifecycle;
}

export function registerClientRequests(connection: Connection, sources: ClientRequestSources): void {
  const { lifecycle } = sources;
  connection.onRequest(
    CLOAK_RANGES_METHOD,
    lifecycle.request('cloakRanges', null as CloakRangesResult | null, (params: CloakRangesParams): CloakRangesResult | null => {
      const open = sources.analysisOf(params.textDocument.uri);
      if (!open) return null;
      const { doc, schemaSet } = open.analysis;
      return { version: open.version, ranges: cloakRanges(doc, schemaSet, readCloakMode(params.mode)) };
    }),
  );
  connection.onRequest(
    SCHEMAS_METHOD,
    lifecycle.request('schemas', [] as SchemaInfo[], () => schemaCatalog(sources.availableSchemas(), builtinFragmentFiles())),
  );
}
