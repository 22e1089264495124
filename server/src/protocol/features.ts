/**
 * Language features: every request answered from the document's current analysis
 * (documents.ts); code actions only reuse what diagnostics carry, never validate.
 */
import { CodeActionKind, CompletionTriggerKind, type CodeAction, type Connection, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { fixAllAction, FIX_ALL_KIND, quickFixes } from '../service/codeActions';
import { getCompletions, resolveCompletion, type CompletionData } from '../service/completion';
import { getHover } from '../service/hover';
import { envSpecCompletions, envSpecHover } from '../service/envSpecFile';
import { getDocumentSymbols, getFoldingRanges } from '../service/symbols';
import type { OpenDocuments } from './documents';
import type { Workspace } from './workspace';
import type { Lifecycle } from './lifecycle';
import { versionEdit, versionOfDiagnosticData } from './versionedEdits';
import type { CodeBridge } from './code';

const CODE_ONLY_TRIGGERS: ReadonlySet<string> = new Set(['.', "'", '"']);

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  // `@` starts a decorator in a `.env.schema` comment; `.`, quotes: code reads (`process.env.`, `os.getenv("`);
  // `$`, `{`: references and `${` in shell, compose and Dockerfiles. Elsewhere a request they trigger gets nothing.
  completionProvider: { triggerCharacters: ['$', '{', '=', '@', '.', "'", '"'], resolveProvider: true },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
};

export class LanguageFeatures {
  private documentChanges = false;
  /** The client applies LSP 3.18 snippet edits in a WorkspaceEdit (VS Code's client 9.x and later). */
  private snippetEdits = false;
  /** The completion list defaults the client understands (LSP 3.17 itemDefaults). */
  private completionItemDefaults: string[] = [];

  constructor(connection: Connection, documents: OpenDocuments, lifecycle: Lifecycle, workspace: Workspace, code?: CodeBridge) {
    connection.onCompletion(
      lifecycle.request('completion', null, (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        // A code document: only the code features answer (protocol/code.ts).
        if (code && documents.isCode(document)) return code.guarded('completion', null, () => code.completion(document, params.position, this.completionItemDefaults));
        // The code's trigger characters: an env file answers only its own (`$`, `{`, `=`), as before.
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && CODE_ONLY_TRIGGERS.has(params.context.triggerCharacter ?? '')) return null;
        const analysis = documents.analysisOf(document);
        if (analysis.envSpec) {
          const decorators = envSpecCompletions(analysis.doc, params.position);
          if (decorators) return decorators;
        }
        if (params.context?.triggerCharacter === '@') return null;
        return getCompletions(analysis.doc, analysis.schemaSet, params.position, {
          uri: document.uri,
          itemDefaults: this.completionItemDefaults,
          project: documents.projectOf(document),
        });
      }),
    );
    // The fallback is the item itself, unresolved.
    connection.onCompletionResolve((item) => {
      const answer = lifecycle.request('completionResolve', item, () => {
        const resolved = code?.resolve(item);
        if (resolved) return resolved;
        const uri = (item.data as CompletionData | undefined)?.uri;
        const document = uri ? documents.get(uri) : undefined;
        return document ? resolveCompletion(item, documents.analysisOf(document).schemaSet, documents.projectOf(document)) : item;
      })();
      return answer;
    });
    connection.onHover(
      lifecycle.request('hover', null, (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        if (code && documents.isCode(document)) return code.guarded('hover', null, () => code.hover(document, params.position));
        const analysis = documents.analysisOf(document);
        const decorator = analysis.envSpec && envSpecHover(analysis.doc, analysis.envSpec, params.position);
        if (decorator) return decorator;
        return getHover(analysis.doc, analysis.schemaSet, params.position, documents.projectOf(document));
      }),
    );
    connection.onCodeAction(
      lifecycle.request('codeAction', [] as CodeAction[], (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document || documents.isCode(document)) return [];
        const { uri } = document;
        const only = params.context.only;
        const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source));
        const wantsQuickFix = !only || only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty);
        const actions: CodeAction[] = [];
        if (wantsQuickFix) {
          for (const action of quickFixes(uri, params.context.diagnostics, documents.analysisOf(document).doc, workspace.project.uriOfPath(uri), { snippetEdits: this.snippetEdits })) {
            // A diagnostic's fixes are for the version it was published with.
            const version = versionOfDiagnosticData(action.diagnostics?.[0]?.data) ?? document.version;
            actions.push(versionEdit(action, uri, version, this.documentChanges));
          }
        }
        if (wantsFixAll) {
          // The diagnostics last published for this version carry the fixes: no new validation.
          const analysis = documents.analysisOf(document);
          const fixAll = fixAllAction(uri, analysis.doc, analysis.diagnostics);
          if (fixAll) actions.push(versionEdit(fixAll, uri, document.version, this.documentChanges));
        }
        return actions;
      }),
    );
    connection.onDocumentSymbol(
      lifecycle.request('documentSymbol', [], (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document || documents.isCode(document)) return [];
        const analysis = documents.analysisOf(document);
        return getDocumentSymbols(analysis.doc, analysis.schemaSet);
      }),
    );
    connection.onFoldingRanges(
      lifecycle.request('foldingRange', [], (params) => {
        const document = documents.get(params.textDocument.uri);
        return document && !documents.isCode(document) ? getFoldingRanges(documents.analysisOf(document).doc) : [];
      }),
    );
  }

  initialize(params: InitializeParams): void {
    this.documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    this.snippetEdits = this.documentChanges && params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    this.completionItemDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  }
}
