/**
 * The envls language server: a thin protocol layer over the pure language
 * service in ./service. It keeps one analysis per document version, loads
 * schemas and settings, and isolates every handler.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Disposable,
  type FileSystemWatcher,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './service/analyze';
import { fixAllAction, FIX_ALL_KIND, quickFixes } from './service/codeActions';
import { getCompletions, resolveCompletion, type CompletionData } from './service/completion';
import { getHover } from './service/hover';
import { getDocumentSymbols, getFoldingRanges } from './service/symbols';
import { bindingInputFor } from './node/bindFile';
import { SchemaStore } from './node/schemaStore';
import { findSchemaFiles } from './node/schemaFiles';
import { guard } from './protocol/guard';
import { registerClientRequests } from './protocol/clientRequests';
import { registerNavigation } from './protocol/navigation';
import { DEFAULT_SETTINGS, readSettings, validationSettings, type EnvlsSettings } from './protocol/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.error(message);
const info = (message: string) => connection.console.info(message);

let settings: EnvlsSettings = DEFAULT_SETTINGS;
/** From initializationOptions: what applies while the client has no `envls` section to give. */
let initialSettings: EnvlsSettings = DEFAULT_SETTINGS;
let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let canWatchFiles = false;
let canWatchRelative = false;
/** The completion list defaults the client understands (LSP 3.17 itemDefaults). */
let completionItemDefaults: string[] = [];
let schemaWatch: Promise<Disposable> | undefined;
let watchedGlobs = '';
let initialized = false;
const store = new SchemaStore(log);
const analyses = new Map<string, { version: number; analysis: Analysis }>();
const lastBinding = new Map<string, string>();
let schemaFileUris: string[] = [];

const navigationDocument = (document: TextDocument) => ({ uri: document.uri, version: document.version, doc: analysisOf(document).doc });
const navigation = registerNavigation(connection, {
  log,
  document: (uri) => {
    const document = documents.get(uri);
    return document ? navigationDocument(document) : undefined;
  },
  openDocuments: () => documents.all().map(navigationDocument),
});

process.on('uncaughtException', (error) => log(`envls: uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`envls: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));

connection.onInitialize(
  guard(log, 'initialize', { capabilities: {} } as InitializeResult, (params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canWatchRelative = params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    completionItemDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) settings = initialSettings = readSettings(options.settings);
    reloadSchemas();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['$', '{', '='], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        ...navigation.capabilities(params.capabilities),
      },
      serverInfo: { name: 'envls', version: '0.1.0' },
    };
  }),
);

connection.onInitialized(
  guard(log, 'initialized', undefined, () => {
    initialized = true;
    watchSchemaFiles();
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'envls' });
      void pullSettings();
    }
  }),
);

async function pullSettings(): Promise<void> {
  try {
    const raw: unknown = await connection.workspace.getConfiguration('envls');
    // A client with no `envls` section answers null (Neovim, Helix): the initializationOptions stand.
    settings = raw === null || raw === undefined ? initialSettings : readSettings(raw);
    reloadSchemas();
    revalidateAll();
  } catch (error) {
    log(`envls: reading settings failed: ${(error as Error).stack}`);
  }
}

connection.onDidChangeConfiguration(
  guard(log, 'didChangeConfiguration', undefined, (change) => {
    if (canPullConfiguration) {
      void pullSettings();
      return;
    }
    const raw = (change.settings as { envls?: unknown } | undefined)?.envls;
    if (raw) settings = readSettings(raw);
    reloadSchemas();
    revalidateAll();
  }),
);

connection.onDidChangeWatchedFiles(
  guard(log, 'didChangeWatchedFiles', undefined, () => {
    reloadSchemas();
    revalidateAll();
  }),
);

/** Asks the client to watch exactly the configured schema files (not every JSON file of the workspace). */
function watchSchemaFiles(): void {
  const globs = JSON.stringify(settings.schemaFiles);
  // Registrations may only be sent once the client said `initialized`.
  if (!canWatchFiles || !initialized || globs === watchedGlobs) return;
  watchedGlobs = globs;
  const previous = schemaWatch;
  schemaWatch = settings.schemaFiles.length === 0
    ? undefined
    : connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: settings.schemaFiles.flatMap(schemaFileWatchers) });
  void previous?.then((registration) => registration.dispose());
}

/**
 * envls.schemaFiles globs are relative to each workspace folder (findSchemaFiles), but a client matches a
 * plain string pattern against the whole path (VS Code: `*.envls.json` never matches
 * `/ws/team.envls.json`). Relative globs become relative patterns on each folder, or `**\/glob` (a
 * superset: at worst an extra reload) for clients without relative pattern support.
 */
function schemaFileWatchers(glob: string): FileSystemWatcher[] {
  if (isAbsolute(glob)) return [{ globPattern: glob }];
  const pattern = glob.replace(/^\.\//, '');
  if (canWatchRelative && workspaceFolders.length > 0) {
    return workspaceFolders.map((folder) => ({ globPattern: { baseUri: pathToFileURL(folder).toString(), pattern } }));
  }
  return [{ globPattern: pattern.startsWith('**/') ? pattern : `**/${pattern}` }];
}

function reloadSchemas(): void {
  watchSchemaFiles();
  const files = findSchemaFiles(settings.schemaFiles, workspaceFolders);
  const added = store.load(files);
  if (files.length > 0) info(`envls: loaded ${files.length} workspace schema file(s): ${added.join(', ') || 'no valid schema'}`);
  const uris: string[] = [];
  for (const [path, { text, problems }] of store.fileProblems) {
    const uri = pathToFileURL(path).toString();
    uris.push(uri);
    const doc = TextDocument.create(uri, 'json', 0, text);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({
        range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
        severity: 1,
        source: 'envls',
        code: 'invalidSchema',
        message: p.message,
      })),
    });
  }
  // Clear diagnostics of schema files no longer configured.
  for (const uri of schemaFileUris) if (!uris.includes(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  schemaFileUris = uris;
  analyses.clear();
}

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function workspaceFolderOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return workspaceFolders.filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
}

function analysisOf(document: TextDocument): Analysis {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const path = filePathOf(document.uri);
  const bind = bindingInputFor(path, store, { schemaGlobs: settings.schemas, workspaceFolder: workspaceFolderOf(path), detect: settings.detect });
  const text = document.getText();
  const analysis = analyze(text, bind, validationSettings(settings));
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

function publish(document: TextDocument): void {
  const analysis = analysisOf(document);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: analysis.diagnostics });
  const binding = {
    uri: document.uri,
    schemas: analysis.binding.schemas.map((s) => ({ id: s.id, title: s.title })),
    source: analysis.binding.source,
    certainty: analysis.binding.certainty,
    reason: analysis.binding.reason,
  };
  const key = JSON.stringify(binding);
  if (lastBinding.get(document.uri) !== key) {
    lastBinding.set(document.uri, key);
    void connection.sendNotification('envls/binding', binding);
  }
}

function revalidateAll(): void {
  for (const document of documents.all()) guard(log, 'validate', undefined, publish)(document);
}

documents.onDidChangeContent(guard(log, 'validate', undefined, (event) => publish(event.document)));
documents.onDidClose(
  guard(log, 'close', undefined, (event) => {
    analyses.delete(event.document.uri);
    lastBinding.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }),
);

connection.onCompletion(
  guard(log, 'completion', null, (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analysisOf(document);
    return getCompletions(analysis.doc, analysis.schemaSet, params.position, { uri: document.uri, itemDefaults: completionItemDefaults });
  }),
);

connection.onCompletionResolve((item) => {
  // Not guard(): the fallback is the item itself, unresolved.
  try {
    const uri = (item.data as CompletionData | undefined)?.uri;
    const document = uri ? documents.get(uri) : undefined;
    return document ? resolveCompletion(item, analysisOf(document).schemaSet) : item;
  } catch (error) {
    log(`envls: completionResolve failed: ${(error as Error).stack}`);
    return item;
  }
});

connection.onHover(
  guard(log, 'hover', null, (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analysisOf(document);
    return getHover(analysis.doc, analysis.schemaSet, params.position);
  }),
);

connection.onCodeAction(
  guard(log, 'codeAction', [] as CodeAction[], (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source));
    const wantsQuickFix = !only || only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty);
    const actions: CodeAction[] = [];
    if (wantsQuickFix) actions.push(...quickFixes(document.uri, params.context.diagnostics));
    if (wantsFixAll) {
      // The diagnostics last published for this version carry the fixes: no new validation.
      const analysis = analysisOf(document);
      const fixAll = fixAllAction(document.uri, analysis.doc, analysis.diagnostics);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }),
);

connection.onDocumentSymbol(
  guard(log, 'documentSymbol', [], (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = analysisOf(document);
    return getDocumentSymbols(analysis.doc, analysis.schemaSet);
  }),
);

connection.onFoldingRanges(
  guard(log, 'foldingRange', [], (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? getFoldingRanges(analysisOf(document).doc) : [];
  }),
);

registerClientRequests(connection, {
  analysisOf: (uri) => { const d = documents.get(uri); return d && { version: d.version, analysis: analysisOf(d) }; },
  availableSchemas: () => store.available,
  log,
});

documents.listen(connection);
connection.listen();
