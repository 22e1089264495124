/**
 * The envls language server on a connection: a thin protocol layer over the pure
 * language service (../service). No module-level state: everything lives in the
 * parts created here, each owning its state —
 *   Lifecycle          initialize/shutdown; refuses requests outside them;
 *   Workspace          settings, folders, schema files and their watchers;
 *   OpenDocuments      document sync, one analysis per version, publishing;
 *   LanguageFeatures   completion, hover, code actions, symbols, folding;
 *   clientRequests     envls's own requests (cloak ranges, the schema catalog);
 *   navigation         definition, references, highlights, rename.
 * `runtime` is what the host provides (node/runtime.ts for the real process).
 */
import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { registerClientRequests } from './clientRequests';
import { OpenDocuments } from './documents';
import { FEATURE_CAPABILITIES, LanguageFeatures } from './features';
import { guard } from './guard';
import { Lifecycle } from './lifecycle';
import { registerNavigation } from './navigation';
import type { Runtime } from './runtime';
import { Workspace } from './workspace';
import { CodeBridge } from './code';

export interface RunningServer {
  /** True once `shutdown` was received: exiting then is a normal end. */
  readonly isShutdown: boolean;
}

export function startServer(connection: Connection, runtime: Runtime): RunningServer {
  // After the connection ended (a pass still running, a late answer) there is nobody to tell.
  const safely = (send: (message: string) => void) => (message: string) => {
    try {
      send(message);
    } catch {
      // connection disposed
    }
  };
  const log = safely((message) => connection.console.error(message));
  const info = safely((message) => connection.console.info(message));
  const lifecycle = new Lifecycle(log);
  const workspace: Workspace = new Workspace(connection, runtime, log, info, () => void documents.revalidateAll());
  const documents = new OpenDocuments(connection, runtime, workspace, log);
  // Code and .env together: code documents are routed to the bridge, never analysed as env files.
  const code = new CodeBridge({
    log,
    project: workspace.project,
    bindingFor: (uri) => workspace.bindingFor(uri),
    generation: () => workspace.generation,
    validationSettings: () => workspace.validationSettings,
    openDocument: (uri) => documents.get(uri),
    sendDiagnostics: (params) => connection.sendDiagnostics(params),
  });
  workspace.code = code;
  documents.routeCode(code);
  const features = new LanguageFeatures(connection, documents, lifecycle, workspace, code);

  const navigationDocument = (document: TextDocument) => ({ uri: document.uri, version: document.version, doc: documents.analysisOf(document).doc });
  const envDocument = (uri: string) => {
    const document = documents.get(uri);
    return document && !documents.isCode(document) ? document : undefined;
  };
  const navigation = registerNavigation(connection, {
    log,
    refusal: () => lifecycle.refusal(),
    document: (uri) => {
      const document = envDocument(uri);
      return document ? navigationDocument(document) : undefined;
    },
    openDocuments: () => documents.all().filter((d) => !documents.isCode(d)).map(navigationDocument),
    code: {
      isCode: (uri) => {
        const document = documents.get(uri);
        return document !== undefined && documents.isCode(document);
      },
      definition: (uri, position) => code.guarded('definition', null, () => code.definition(documents.get(uri)!, position)),
      files: (uri) => code.codeFilesOf(uri),
      renameDocuments: (uri) => workspace.project.appEnvFiles(uri).map((file) => {
        const open = envDocument(file.uri);
        return open ? navigationDocument(open) : { uri: file.uri, version: null, doc: file.doc };
      }),
    },
    // The same key in the other layers and the example; an open file's buffer wins over the disk's copy.
    related: (uri) => {
      const document = documents.get(uri);
      if (!document) return [];
      return workspace.project.related(uri, documents.projectOf(document)).map((file) => {
        const open = envDocument(file.uri);
        return open ? navigationDocument(open) : { uri: file.uri, version: null, doc: file.doc };
      });
    },
  });

  connection.onInitialize(
    guard(log, 'initialize', { capabilities: {} } as InitializeResult, (params): InitializeResult => {
      workspace.initialize(params);
      features.initialize(params);
      lifecycle.initialized();
      return {
        capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...FEATURE_CAPABILITIES, ...navigation.capabilities(params.capabilities) },
        serverInfo: { name: 'envls', version: '0.1.0' },
      };
    }),
  );
  registerClientRequests(connection, {
    analysisOf: (uri) => {
      const document = envDocument(uri);
      return document && { version: document.version, analysis: documents.analysisOf(document) };
    },
    availableSchemas: () => workspace.availableSchemas,
    log,
    lifecycle,
  });
  connection.onInitialized(lifecycle.notification('initialized', () => workspace.initialized()));
  connection.onShutdown(() => lifecycle.shutdown());
  connection.onDidChangeConfiguration(lifecycle.notification('didChangeConfiguration', (change) => workspace.didChangeConfiguration(change)));
  connection.onDidChangeWatchedFiles(lifecycle.notification('didChangeWatchedFiles', (params) => workspace.didChangeWatchedFiles(params, (uri) => documents.get(uri) !== undefined)));
  documents.listen();
  return {
    get isShutdown() {
      return lifecycle.isShutdown;
    },
  };
}
