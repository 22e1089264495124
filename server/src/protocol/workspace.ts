/**
 * Settings, workspace folders and schema files: what every document's analysis
 * depends on besides its text. Owns the schema store (composed once per change of
 * envls.schemaFiles or of a watched schema file), the compiled envls.schemas globs
 * (once per change of that setting), the schema files' own diagnostics and the file
 * watchers. `generation` changes whenever an analysis could differ; onChange is
 * then called once.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type FileEvent,
  type FileSystemWatcher,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { bindingInputFor } from '../node/bindFile';
import { SchemaGlobs } from '../node/schemaGlobs';
import { SchemaStore } from '../node/schemaStore';
import type { BindingInput } from '../service/binding';
import type { EnvDocument } from '../service/parser/model';
import { invalidSchemaDiagnostics } from '../service/schema/invalidSchema';
import type { ResolvedSchema } from '../service/schema/types';
import type { ValidationSettings } from '../service/validate';
import { settle, type Logger } from './guard';
import { PROJECT_WATCH_GLOBS, ProjectWorkspaces } from './project';
import type { Runtime } from './runtime';
import { DEFAULT_SETTINGS, dialectOf, readSettings, validationSettings, type CodeSettings, type EnvlsSettings } from './settings';
import type { Dialect } from '../service/parser/model';
import { localPathOf } from './uris';

export class Workspace {
  private settings: EnvlsSettings = DEFAULT_SETTINGS;
  /** From initializationOptions: what applies while the client has no `envls` section to give. */
  private initialSettings: EnvlsSettings = DEFAULT_SETTINGS;
  private folders: string[] = [];
  private canPullConfiguration = false;
  private canWatchFiles = false;
  private canWatchRelative = false;
  private isInitialized = false;
  private schemaWatch: Promise<Disposable> | undefined;
  private watchedGlobs = '';
  private schemaFileUris: string[] = [];
  private readonly store: SchemaStore;
  private globs = new SchemaGlobs({});
  private validation: ValidationSettings = validationSettings(DEFAULT_SETTINGS);
  /** Changes whenever settings or schemas change what an analysis gives. */
  generation = 0;
  /** Each workspace folder's project (its own stamps say which app's analyses changed). */
  readonly project: ProjectWorkspaces;
  /** Code and .env together (protocol/code.ts): its settings, its file events and the globs it watches. */
  code?: { setSettings(settings: CodeSettings): boolean; fileEvents(events: readonly FileEvent[]): FileEvent[]; watchGlobs: readonly string[] };

  constructor(
    private readonly connection: Connection,
    private readonly runtime: Runtime,
    private readonly log: Logger,
    private readonly info: Logger,
    private readonly onChange: () => void,
  ) {
    this.store = new SchemaStore(log, runtime.files.readText);
    this.project = new ProjectWorkspaces(log, onChange);
  }

  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.canPullConfiguration = workspace?.configuration === true;
    this.canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canWatchRelative = workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    // Only local folders have paths; a virtual one (vscode-vfs:) just has no disk features.
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? [];
    const uris = folderUris.length === 0 && params.rootUri ? [params.rootUri] : folderUris;
    this.folders = uris.map(localPathOf).filter((path): path is string => path !== undefined);
    this.project.setFolders(this.folders);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) this.initialSettings = readSettings(options.settings);
    this.apply(this.initialSettings, true);
  }

  initialized(): void {
    this.isInitialized = true;
    this.watchSchemaFiles();
    if (this.canWatchFiles && this.folders.length > 0) {
      const watchers = [...PROJECT_WATCH_GLOBS, ...(this.code?.watchGlobs ?? [])].map((globPattern) => ({ globPattern }));
      settle(this.log, 'watching the project files', this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    if (this.canPullConfiguration) {
      settle(this.log, 'registering for settings changes', this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'envls' }));
      void this.pullSettings();
    }
  }

  didChangeConfiguration(change: DidChangeConfigurationParams): void {
    if (this.canPullConfiguration) {
      void this.pullSettings();
      return;
    }
    const raw = (change.settings as { envls?: unknown } | undefined)?.envls;
    if (raw) this.apply(readSettings(raw));
  }

  /** Project files go to the project (which re-checks only their apps); any other file may be a schema file. */
  didChangeWatchedFiles(params: DidChangeWatchedFilesParams, isOpen: (uri: string) => boolean): void {
    const events = params.changes ?? [];
    // Code files go to the code index (compose files to both): they are never schema files.
    const notCode = this.code ? this.code.fileEvents(events) : events;
    const others = this.project.fileEvents(notCode, isOpen);
    if (others.length === 0 && events.length > 0) return;
    this.reloadSchemas();
    this.changed();
  }

  /** The binding inputs of a document (by URI: only a local file has a path and a folder). */
  bindingFor(uri: string): (doc: EnvDocument) => Omit<BindingInput, 'doc'> {
    const path = localPathOf(uri);
    return bindingInputFor(path, this.store, {
      schemaGlobs: this.globs,
      workspaceFolder: this.folderOf(path),
      detect: this.settings.detect,
      listDirectory: this.runtime.files.listDirectory,
    });
  }

  /** The reading envls.dialect names for the document; undefined for `auto` (the project model decides). */
  dialectFor(uri: string): Dialect | undefined {
    const path = localPathOf(uri);
    return dialectOf(this.settings, path, this.folderOf(path));
  }

  get availableSchemas(): ReadonlyMap<string, ResolvedSchema> {
    return this.store.available;
  }

  get validationSettings(): ValidationSettings {
    return this.validation;
  }

  private async pullSettings(): Promise<void> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration('envls');
      // A client with no `envls` section answers null (Neovim, Helix): the initializationOptions stand.
      this.apply(raw === null || raw === undefined ? this.initialSettings : readSettings(raw));
    } catch (error) {
      this.log(`envls: reading settings failed: ${(error as Error).stack}`);
    }
  }

  /** Recomposes, recompiles and re-checks only what the new settings change. */
  private apply(next: EnvlsSettings, first = false): void {
    const previous = this.settings;
    this.settings = next;
    const same = (key: keyof EnvlsSettings) => JSON.stringify(previous[key]) === JSON.stringify(next[key]);
    if (first || !same('schemaFiles')) this.reloadSchemas();
    if (first || !same('schemas')) this.compileGlobs();
    this.validation = validationSettings(next);
    this.project.setLoadOrder(next.loadOrder);
    this.code?.setSettings(next.code);
    if (!first && JSON.stringify(previous) !== JSON.stringify(next)) this.changed();
  }

  private changed(): void {
    this.generation++;
    this.onChange();
  }

  private compileGlobs(): void {
    this.globs = new SchemaGlobs(this.settings.schemas);
    for (const { id, glob, reason } of this.globs.refused) this.log(`envls: envls.schemas glob for ${id} ignored (${reason}): ${glob}`);
  }

  private reloadSchemas(): void {
    this.watchSchemaFiles();
    const files = this.settings.schemaFiles.length === 0 ? [] : this.runtime.files.findSchemaFiles(this.settings.schemaFiles, this.folders);
    const added = this.store.load(files);
    if (files.length > 0) this.info(`envls: loaded ${files.length} workspace schema file(s): ${added.join(', ') || 'no valid schema'}`);
    const uris: string[] = [];
    for (const [path, { text, problems }] of this.store.fileProblems) {
      const uri = pathToFileURL(path).toString();
      uris.push(uri);
      settle(this.log, 'publishing schema file diagnostics', this.connection.sendDiagnostics({ uri, diagnostics: invalidSchemaDiagnostics(text, problems) }));
    }
    // Clear diagnostics of schema files no longer configured.
    for (const uri of this.schemaFileUris) if (!uris.includes(uri)) settle(this.log, 'clearing schema file diagnostics', this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    this.schemaFileUris = uris;
  }

  /** Asks the client to watch exactly the configured schema files (not every JSON file of the workspace). */
  private watchSchemaFiles(): void {
    const globs = JSON.stringify(this.settings.schemaFiles);
    // Registrations may only be sent once the client said `initialized`.
    if (!this.canWatchFiles || !this.isInitialized || globs === this.watchedGlobs) return;
    this.watchedGlobs = globs;
    const previous = this.schemaWatch;
    this.schemaWatch = this.settings.schemaFiles.length === 0
      ? undefined
      : this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: this.settings.schemaFiles.flatMap((g) => this.schemaFileWatchers(g)) });
    if (this.schemaWatch) settle(this.log, 'watching schema files', this.schemaWatch);
    if (previous) settle(this.log, 'unwatching schema files', previous.then((registration) => registration.dispose()));
  }

  /**
   * envls.schemaFiles globs are relative to each workspace folder (findSchemaFiles), but a client matches a
   * plain string pattern against the whole path (VS Code: `*.envls.json` never matches
   * `/ws/team.envls.json`). Relative globs become relative patterns on each folder, or `**\/glob` (a
   * superset: at worst an extra reload) for clients without relative pattern support.
   */
  private schemaFileWatchers(glob: string): FileSystemWatcher[] {
    if (isAbsolute(glob)) return [{ globPattern: glob }];
    const pattern = glob.replace(/^\.\//, '');
    if (this.canWatchRelative && this.folders.length > 0) {
      return this.folders.map((folder) => ({ globPattern: { baseUri: pathToFileURL(folder).toString(), pattern } }));
    }
    return [{ globPattern: pattern.startsWith('**/') ? pattern : `**/${pattern}` }];
  }

  private folderOf(path: string | undefined): string | undefined {
    if (!path) return undefined;
    return this.folders.filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }
}
