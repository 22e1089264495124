/**
 * Code and .env together, in the protocol layer. The server attaches to code documents (the
 * languages of envls.code.languages, by languageId) for completion, hover, definition and
 * unsetVariable only; every other document is an env document and behaves as before. A file
 * named like an env file is always an env document, whatever its languageId.
 *
 * Each workspace folder's code index is built on first need (never while answering initialize):
 * the first code document, or the first env document's analysis (unusedVariable and hover read
 * what the app's code reads). It is kept current by watched-file events and by open code
 * documents' unsaved text. When the names some app's code reads change, or a folder's index
 * completes, the folder's open env documents are checked again (their analyses carry the usage).
 */
import type { CompletionItem, CompletionList, FileEvent, Hover, Location, Position, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveBinding, type BindingInput } from '../service/binding';
import { codeCompletion, isCodeCompletionData, resolveCodeCompletion } from '../service/code/codeCompletion';
import { codeContextFor, schemaSetOfApp, type CodeContext } from '../service/code/context';
import { codeDefinition } from '../service/code/codeDefinition';
import type { CodeFiles } from '../service/code/envNavigation';
import { codeHover } from '../service/code/codeHover';
import type { CodeLanguage, EnvRead } from '../service/code/types';
import { unsetDiagnostics } from '../service/code/unsetDiagnostics';
import type { CodeRead, CodeUsage } from '../service/code/usage';
import type { EnvDocument } from '../service/parser/model';
import { projectFileKind, type ProjectModel } from '../service/project/model';
import { schemaSetFor, type SchemaSet } from '../service/schema/schemaSet';
import type { ValidationSettings } from '../service/validate';
import { documentParsers, type DocumentParsers } from '../node/codeParsers';
import { CODE_WATCH_GLOBS, openFolderCodeIndex, readsOfText, siteOfText, type FolderCodeIndex } from './codeFolder';
import { settle, type Logger } from './guard';
import type { ProjectWorkspaces } from './project';
import { DEFAULT_CODE_LANGUAGES, DEFAULT_SETTINGS, type CodeSettings } from './settings';
import { localPathOf } from './uris';
import { codeLanguageOf } from '../service/code/languages';

export { CODE_WATCH_GLOBS };

const CODE_LANGUAGE_IDS: ReadonlySet<string> = new Set(DEFAULT_CODE_LANGUAGES);

export interface CodeHost {
  log: Logger;
  project: ProjectWorkspaces;
  /** The binding inputs of an env file (its schemas), as Workspace gives them. */
  bindingFor(uri: string): (doc: EnvDocument) => Omit<BindingInput, 'doc'>;
  /** Changes whenever settings or schemas change what an analysis gives. */
  generation(): number;
  validationSettings(): ValidationSettings;
  /** The open document at `uri`, if any (its version goes into rename edits). */
  openDocument(uri: string): TextDocument | undefined;
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
}

interface OpenReads {
  version: number;
  reads: EnvRead[];
}

export class CodeBridge {
  private settings: CodeSettings = DEFAULT_SETTINGS.code;
  private readonly folders = new Map<string, FolderCodeIndex>();
  private readonly openReads = new Map<string, OpenReads>();
  /** Per open code document: its parsers, which keep its last tree (completion parses a new version incrementally). */
  private readonly openParsers = new Map<string, DocumentParsers>();
  /** Per URI: the state its diagnostics were last published for. */
  private readonly published = new Map<string, string>();
  /** Per URI: the latest version seen (an older pass never publishes over a newer one). */
  private readonly latest = new Map<string, number>();
  /** Per app (`root\0app`): the union of its env files' schemas, with the state it was built for. */
  private readonly schemaSets = new Map<string, { key: string; set: SchemaSet }>();

  /** What the client is asked to watch for the code index. */
  readonly watchGlobs = CODE_WATCH_GLOBS;

  constructor(private readonly host: CodeHost) {
    host.project.setCodeUsage((root, app) => this.usageFor(root, app));
  }

  /** A feature's promise, its failure logged (with its stack, never values) and answered with the fallback. */
  guarded<T>(name: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return run().catch((error: unknown) => {
        this.host.log(`envls: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      });
    } catch (error) {
      this.host.log(`envls: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return Promise.resolve(fallback);
    }
  }

  get enabled(): boolean {
    return this.settings.enable;
  }

  /** envls.code.* changed (or was first read): true when what the server does with code changed. */
  setSettings(settings: CodeSettings): boolean {
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return false;
    // Another list of languages: each folder is indexed again on next need.
    if (JSON.stringify(settings.languages) !== JSON.stringify(this.settings.languages)) this.folders.clear();
    this.settings = settings;
    this.openReads.clear();
    this.published.clear();
    this.host.project.setCodeUsage(settings.enable ? (root, app) => this.usageFor(root, app) : undefined);
    return true;
  }

  /** A code document: a known code language id, not an env file's name. Only the code features answer for it. */
  isCode(document: { uri: string; languageId: string }): boolean {
    if (!CODE_LANGUAGE_IDS.has(document.languageId)) return false;
    const path = document.uri.replace(/[?#].*$/, '');
    return projectFileKind(decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))) !== 'env';
  }

  /** Whether envls.code asks for this code document (enabled, its language listed). */
  private serves(document: TextDocument): boolean {
    return this.settings.enable && this.settings.languages.includes(document.languageId as CodeLanguage);
  }

  // ------------------------------------------------------------ documents

  changed(document: TextDocument): void {
    this.latest.set(document.uri, document.version);
    if (!this.serves(document)) return this.publishEmpty(document);
    const file = this.host.project.fileOf(document.uri);
    const index = file && this.folders.get(file.root);
    if (file && index) this.whenChanged(file.root, index.setOpenText(file.rel, document.languageId as CodeLanguage, document.getText()));
    this.publish(document);
  }

  closed(uri: string): void {
    this.openReads.delete(uri);
    this.openParsers.get(uri)?.dispose();
    this.openParsers.delete(uri);
    this.published.delete(uri);
    this.latest.delete(uri);
    settle(this.host.log, 'clearing diagnostics', this.host.sendDiagnostics({ uri, diagnostics: [] }));
    const file = this.host.project.fileOf(uri);
    const index = file && this.folders.get(file.root);
    if (file && index) this.whenChanged(file.root, index.closed(file.rel));
  }

  publish(document: TextDocument): void {
    if (!this.serves(document)) return this.publishEmpty(document);
    this.publishDiagnostics(document).catch((error: unknown) => this.host.log(`envls: code diagnostics failed: ${(error as Error).stack}`));
  }

  private publishEmpty(document: TextDocument): void {
    if (this.published.get(document.uri) === 'off') return;
    this.published.set(document.uri, 'off');
    settle(this.host.log, 'publishing diagnostics', this.host.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] }));
  }

  private async publishDiagnostics(document: TextDocument): Promise<void> {
    const file = this.host.project.fileOf(document.uri);
    const index = file && this.folderIndex(file.root);
    const reads = await this.readsOf(document);
    if (index) await index.ready;
    if ((this.latest.get(document.uri) ?? document.version) > document.version || !this.serves(document)) return;
    const key = `${document.version}:${this.host.generation()}:${this.host.project.stampOf(document.uri)}:${index?.version ?? ''}`;
    if (this.published.get(document.uri) === key) return;
    this.published.set(document.uri, key);
    const context = this.contextOf(document);
    const diagnostics = context ? unsetDiagnostics(context, reads, document.getText(), this.host.validationSettings()) : [];
    settle(this.host.log, 'publishing diagnostics', this.host.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }));
  }

  /** Watched-file events: code files go to their folder's index; the rest (and compose files, also project files) are returned. */
  fileEvents(events: readonly FileEvent[]): FileEvent[] {
    const others: FileEvent[] = [];
    for (const event of events) {
      const path = localPathOf(event.uri);
      const name = path?.slice(path.lastIndexOf('/') + 1) ?? '';
      const isProjectFile = name === '.gitignore' || projectFileKind(name) !== undefined;
      const isCode = codeLanguageOf(name) !== undefined;
      if (isProjectFile || !isCode) others.push(event);
      if (!isCode || path === undefined) continue;
      const file = this.host.project.fileOf(event.uri);
      const index = file && this.folders.get(file.root);
      if (file && index) this.whenChanged(file.root, index.fileEvent(file.rel, event.type));
    }
    return others;
  }

  /** When an update changed the names some code reads: the folder's env documents are checked again. */
  private whenChanged(root: string, changed: Promise<boolean>): void {
    changed.then(
      (yes) => {
        if (yes) this.host.project.codeChanged(root);
      },
      (error: unknown) => this.host.log(`envls: updating the code index failed: ${(error as Error).stack}`),
    );
  }

  // ------------------------------------------------------------ features of code documents

  async completion(document: TextDocument, position: Position, itemDefaults: readonly string[]): Promise<CompletionList | null> {
    if (!this.serves(document)) return null;
    const site = await siteOfText(document.languageId as CodeLanguage, document.getText(), document.offsetAt(position), this.parsersOf(document.uri));
    if (!site) return null;
    const context = this.contextOf(document);
    return context ? codeCompletion(context, site, { uri: document.uri, itemDefaults }) : null;
  }

  /** Resolves a code completion item; undefined when the item is not one of ours. */
  resolve(item: CompletionItem): CompletionItem | undefined {
    if (!isCodeCompletionData(item.data)) return undefined;
    const document = item.data.uri ? this.host.openDocument(item.data.uri) : undefined;
    const context = document && this.contextOf(document);
    return context ? resolveCodeCompletion(item, context) : item;
  }

  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    if (!this.serves(document)) return null;
    const reads = await this.readsOf(document);
    const context = this.contextOf(document);
    return context ? codeHover(context, reads, position) : null;
  }

  async definition(document: TextDocument, position: Position): Promise<Location[] | null> {
    if (!this.serves(document)) return null;
    const reads = await this.readsOf(document);
    const context = this.contextOf(document);
    return context ? codeDefinition(context, reads, position, this.host.project.uriOfPath(document.uri)) : null;
  }

  // ------------------------------------------------------------ what env documents need

  /** The code of the app of an env file, for references and rename; undefined with code features off. */
  codeFilesOf(envUri: string): CodeFiles | undefined {
    if (!this.settings.enable) return undefined;
    const file = this.host.project.fileOf(envUri);
    const app = file?.model.appOf(file.rel)?.folder;
    if (!file || app === undefined) return undefined;
    const toUri = this.host.project.uriOfPath(envUri);
    return {
      usage: this.usageFor(file.root, app),
      locate: (path) => {
        const uri = toUri(path);
        return uri === undefined ? undefined : { uri, version: this.host.openDocument(uri)?.version ?? null };
      },
    };
  }

  /** A live view of what the app's code reads (starts the folder's index on first need). */
  usageFor(root: string, app: string): CodeUsage {
    const index = this.folderIndex(root);
    const model = this.host.project.modelAt(root);
    const appOf = (path: string) => model?.appOf(path)?.folder ?? '';
    let counted: { version: number; count: number } | undefined;
    return {
      get complete() {
        return index.complete;
      },
      get fileCount() {
        if (counted?.version !== index.version) {
          let count = 0;
          for (const path of index.paths()) if (appOf(path) === app) count++;
          counted = { version: index.version, count };
        }
        return counted.count;
      },
      readsOf: (name: string): CodeRead[] => index.readsOf(name).filter((r) => appOf(r.path) === app),
    };
  }

  // ------------------------------------------------------------ parts

  private folderIndex(root: string): FolderCodeIndex {
    let index = this.folders.get(root);
    if (!index) {
      const opened = openFolderCodeIndex(root, this.settings.languages, this.host.log);
      index = opened;
      this.folders.set(root, opened);
      // Its completion changes what env files' analyses say (unusedVariable): only when there is code at all.
      void index.ready.then(() => {
        if (!isEmpty(opened.paths())) this.host.project.codeChanged(root);
      }, (error: unknown) => this.host.log(`envls: indexing the code of ${root} failed: ${(error as Error).stack}`));
    }
    return index;
  }

  private async readsOf(document: TextDocument): Promise<EnvRead[]> {
    const cached = this.openReads.get(document.uri);
    if (cached?.version === document.version) return cached.reads;
    // The document's kept tree: a keystroke re-parses incrementally, not the whole file again.
    const reads = await readsOfText(document.languageId as CodeLanguage, document.getText(), this.parsersOf(document.uri));
    this.openReads.set(document.uri, { version: document.version, reads });
    return reads;
  }

  /** The open document's parsers, keeping its last tree for completion and its own reads. */
  private parsersOf(uri: string): DocumentParsers {
    let parsers = this.openParsers.get(uri);
    if (!parsers) this.openParsers.set(uri, (parsers = documentParsers()));
    return parsers;
  }

  private contextOf(document: TextDocument): CodeContext | undefined {
    const file = this.host.project.fileOf(document.uri);
    if (!file) return undefined;
    const app = file.model.appOf(file.rel)?.folder;
    const usage = app !== undefined && this.folders.has(file.root) ? this.usageFor(file.root, app) : undefined;
    return codeContextFor(file.model, file.rel, this.schemaSetOf(document.uri, file.model, file.rel), usage);
  }

  /** The schemas bound to the app's env files, together; rebuilt when settings, schemas or the app's files change. */
  private schemaSetOf(uri: string, model: ProjectModel, rel: string): SchemaSet {
    const app = model.appOf(rel);
    if (!app) return schemaSetFor([]);
    const cacheKey = `${uri}\0${app.folder}`;
    const key = `${this.host.generation()}:${this.host.project.stampOf(uri)}`;
    const cached = this.schemaSets.get(cacheKey);
    if (cached?.key === key) return cached.set;
    const toUri = this.host.project.uriOfPath(uri);
    const set = schemaSetOfApp(model, app.folder, (path, doc) => {
      const envUri = toUri(path);
      return envUri ? resolveBinding({ ...this.host.bindingFor(envUri)(doc), doc }).schemas : [];
    });
    this.schemaSets.set(cacheKey, { key, set });
    return set;
  }
}

function isEmpty(items: Iterable<unknown>): boolean {
  for (const _ of items) return false;
  return true;
}
