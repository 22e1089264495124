/**
 * The project of each local workspace folder (node/projectScan: one bounded scan, then file
 * events) and what an analysis needs from it: the ProjectContext of a file, with git's facts.
 *
 * A folder is scanned on the first request that needs it, never while answering initialize.
 * Open documents' text overrides the disk's: the model sees unsaved edits. Each app has a
 * stamp that changes when something its files' analyses read changes (a layer's text, a file
 * added or removed, a .gitignore, the load order), so only that app's open documents are
 * checked again.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { ProjectWorkspace, readTextFile } from '../node/projectScan';
import { projectContextFor, type GitFacts, type ProjectContext } from '../service/project/context';
import type { LoadOrderSetting } from '../service/project/loadOrderSetting';
import { MANIFEST_NAMES } from '../service/project/manifests';
import { COMPOSE_FILE_NAMES } from '../service/project/conventions/compose';
import { projectFileKind } from '../service/project/model';
import { holdsValues } from '../service/project/roles';
import type { EnvDocument } from '../service/parser/model';
import type { ProjectModel } from '../service/project/model';
import type { CodeUsage } from '../service/code/usage';
import type { Logger } from './guard';
import { localPathOf } from './uris';

/** What the client watches for the project: env files, manifests, compose files and .gitignore files. */
export const PROJECT_WATCH_GLOBS = [
  '**/.env',
  '**/.env.*',
  '**/.env-*',
  '**/*.env',
  '**/.gitignore',
  ...[...MANIFEST_NAMES, ...COMPOSE_FILE_NAMES].map((name) => `**/${name}`),
];

interface Located {
  workspace: ProjectWorkspace;
  /** Workspace-relative POSIX path. */
  rel: string;
}

interface CachedGit {
  facts: GitFacts | undefined;
  /** git ls-files is asked once per path; until it answers, the file counts as untracked. */
  trackedAsked: boolean;
}

export class ProjectWorkspaces {
  private folders: string[] = [];
  private readonly workspaces = new Map<string, ProjectWorkspace>();
  private loadOrder: LoadOrderSetting | undefined;
  /** `folder\0app` → stamp; bumped when that app's analyses may differ. */
  private readonly stamps = new Map<string, number>();
  private stampCounter = 0;
  /** `folder\0path` → git facts (cleared by a .gitignore event). */
  private readonly gitCache = new Map<string, CachedGit>();
  /** What the app's code reads (protocol/code.ts), attached to each env file's context; undefined with code features off. */
  private codeUsage: ((root: string, app: string) => CodeUsage | undefined) | undefined;

  constructor(
    private readonly log: Logger,
    /** Called when open documents of some app must be checked again. */
    private readonly onChange: () => void,
  ) {}

  setFolders(folders: readonly string[]): void {
    this.folders = [...folders];
  }

  /** envls.loadOrder changed: every built model re-plans (the caller re-checks everything). */
  setLoadOrder(loadOrder: LoadOrderSetting | undefined): void {
    if (JSON.stringify(loadOrder) === JSON.stringify(this.loadOrder)) return;
    this.loadOrder = loadOrder;
    for (const workspace of this.workspaces.values()) workspace.model.setOptions({ loadOrder });
    this.bumpAll();
  }

  /** The stamp of the app of `uri`'s file ('' outside any project). */
  stampOf(uri: string): string {
    const located = this.locate(uri);
    if (!located) return '';
    return String(this.stamps.get(this.appKey(located)) ?? 0);
  }

  /** The file's place in its project; undefined outside a local workspace folder or for a name the model ignores. */
  contextOf(uri: string): ProjectContext | undefined {
    const located = this.locate(uri);
    if (!located) return undefined;
    const context = projectContextFor(located.workspace.model, located.rel, this.gitFacts(located));
    const app = located.workspace.model.appOf(located.rel)?.folder;
    const code = context && app !== undefined ? this.codeUsage?.(located.workspace.root, app) : undefined;
    return code && context ? { ...context, code } : context;
  }

  /** Code and .env together: where env files' contexts get what the app's code reads (undefined: code features off). */
  setCodeUsage(provider: ((root: string, app: string) => CodeUsage | undefined) | undefined): void {
    this.codeUsage = provider;
    this.bumpAll();
  }

  /** Any file of a workspace folder (a code file too): its folder's root, its workspace-relative path and the folder's model. */
  fileOf(uri: string): { root: string; rel: string; model: ProjectModel } | undefined {
    const located = this.locate(uri);
    return located && { root: located.workspace.root, rel: located.rel, model: located.workspace.model };
  }

  /** The model of the workspace folder scanned at `root`. */
  modelAt(root: string): ProjectModel | undefined {
    for (const workspace of this.workspaces.values()) if (workspace.root === root) return workspace.model;
    return undefined;
  }

  /** Every env file of the app of `uri` but that file, parsed (rename reaches all of them when the code reads the name). */
  appEnvFiles(uri: string): { uri: string; doc: EnvDocument }[] {
    const located = this.locate(uri);
    if (!located) return [];
    const { model } = located.workspace;
    const toUri = this.uriOfPath(uri);
    const out: { uri: string; doc: EnvDocument }[] = [];
    for (const file of model.appOf(located.rel)?.envFiles ?? []) {
      if (file.path === located.rel) continue;
      const doc = model.document(file.path);
      const fileUri = toUri(file.path);
      if (doc && fileUri) out.push({ uri: fileUri, doc });
    }
    return out;
  }

  /** What some app's code reads changed (protocol/code.ts): the folder's open env files are checked again. */
  codeChanged(root: string): void {
    const folder = [...this.workspaces.entries()].find(([, workspace]) => workspace.root === root)?.[0];
    if (folder === undefined) return;
    this.bumpFolder(folder);
    this.onChange();
  }

  /** The URI of a workspace-relative path of the folder holding `uri` (fixes that edit another file). */
  uriOfPath(uri: string): (path: string) => string | undefined {
    const located = this.locate(uri);
    return (path) => (located ? pathToFileURL(join(located.workspace.root, ...path.split('/'))).toString() : undefined);
  }

  /**
   * The files navigation reaches from `uri`: the other layers of its modes, its example and its `.env.schema`; from an
   * example, the values files it is the nearest example of. Each with the model's parsed document.
   */
  related(uri: string, project: ProjectContext | undefined): { uri: string; doc: EnvDocument }[] {
    const located = this.locate(uri);
    if (!located || !project) return [];
    const { model } = located.workspace;
    const paths = new Set(project.layers.keys());
    if (project.example) paths.add(project.example.path);
    if (project.schemaFile) paths.add(project.schemaFile.path);
    if (project.role.role === 'example') {
      for (const file of model.appOf(located.rel)?.envFiles ?? []) {
        if (holdsValues(file.role) && model.nearestExample(file.path) === located.rel) paths.add(file.path);
      }
    }
    paths.delete(located.rel);
    const toUri = this.uriOfPath(uri);
    const out: { uri: string; doc: EnvDocument }[] = [];
    for (const path of [...paths].sort()) {
      const doc = model.document(path);
      const fileUri = toUri(path);
      if (doc && fileUri) out.push({ uri: fileUri, doc });
    }
    return out;
  }

  /** An open document's text replaces the disk's in the model; true when an app's analyses changed. */
  openText(uri: string, text: string): boolean {
    const located = this.locate(uri);
    if (!located || projectFileKind(located.rel) !== 'env') return false;
    const { model } = located.workspace;
    if (model.document(located.rel)?.text === text) return false;
    const before = this.readByOthers(located);
    model.setFile({ path: located.rel, text });
    // A file no mode loads and no file takes as its example changes no other analysis (opening many loose files stays linear).
    if (!before && !this.readByOthers(located)) return false;
    this.bump(located);
    return true;
  }

  /** Whether other files' analyses read this one: a layer of some mode, an example, or a `.env.schema`. */
  private readByOthers({ workspace, rel }: Located): boolean {
    const role = workspace.model.roleOf(rel)?.role;
    return workspace.model.layersOf(rel).length > 0 || role === 'example' || role === 'schema';
  }

  /** A closed document: the model reads the disk again. */
  closed(uri: string): boolean {
    const located = this.locate(uri);
    if (!located || projectFileKind(located.rel) !== 'env') return false;
    const absolute = join(located.workspace.root, ...located.rel.split('/'));
    const { model } = located.workspace;
    const before = model.document(located.rel)?.text;
    const wasRead = this.readByOthers(located);
    const text = readTextFile(absolute);
    if (text === undefined) model.deleteFile(located.rel);
    else model.setFile({ path: located.rel, text });
    if (model.document(located.rel)?.text === before || (!wasRead && !this.readByOthers(located))) return false;
    this.bump(located);
    return true;
  }

  /**
   * File-watch events; `isOpen` tells which files the editor holds (their text stays the editor's).
   * Returns the events that are not project files (schema files).
   */
  fileEvents(events: readonly FileEvent[], isOpen: (uri: string) => boolean): FileEvent[] {
    const others: FileEvent[] = [];
    let changed = false;
    for (const event of events) {
      const path = localPathOf(event.uri);
      const name = path?.slice(path.lastIndexOf('/') + 1) ?? '';
      const isProjectFile = name === '.gitignore' || (path !== undefined && projectFileKind(name) !== undefined);
      if (!isProjectFile) {
        others.push(event);
        continue;
      }
      const folder = path && this.folderOf(path);
      const workspace = folder && this.workspaces.get(folder);
      // A folder not scanned yet reads the disk when first needed.
      if (!workspace) continue;
      if (name === '.gitignore') {
        workspace.onFileEvent(path, 'changed');
        for (const key of [...this.gitCache.keys()]) if (key.startsWith(`${folder}\0`)) this.gitCache.delete(key);
        this.bumpFolder(folder);
        changed = true;
        continue;
      }
      if (isOpen(event.uri) && event.type !== FileChangeType.Deleted) continue;
      const kind = event.type === FileChangeType.Created ? 'created' : event.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      const rel = workspace.relativePath(path);
      if (rel !== undefined) this.gitCache.delete(`${folder}\0${rel}`);
      const located = rel === undefined ? undefined : { workspace, rel };
      const wasRead = located !== undefined && this.readByOthers(located);
      if (!workspace.onFileEvent(path, kind) || !located) continue;
      if (kind === 'changed' && projectFileKind(rel!) === 'env') {
        // A changed env file: only its app, and only when other files read it.
        if (!wasRead && !this.readByOthers(located)) continue;
        this.bump(located);
      } else {
        // A file added or removed, a manifest or a compose file may change which app holds which file: the whole folder.
        this.bumpFolder(folder);
      }
      changed = true;
    }
    if (changed) this.onChange();
    return others;
  }

  private locate(uri: string): Located | undefined {
    const path = localPathOf(uri);
    const folder = path && this.folderOf(path);
    if (!path || !folder) return undefined;
    let workspace = this.workspaces.get(folder);
    if (!workspace) {
      workspace = ProjectWorkspace.scan(folder, {}, { loadOrder: this.loadOrder });
      if (workspace.truncated) this.log(`envls: the project scan of ${folder} stopped at its entry limit; later files are not in the project`);
      this.workspaces.set(folder, workspace);
    }
    const rel = workspace.relativePath(path);
    return rel === undefined ? undefined : { workspace, rel };
  }

  private folderOf(path: string): string | undefined {
    return this.folders.filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }

  private appKey({ workspace, rel }: Located): string {
    return `${workspace.root}\0${workspace.model.appOf(rel)?.folder ?? ''}`;
  }

  private bump(located: Located): void {
    this.stamps.set(this.appKey(located), ++this.stampCounter);
  }

  private bumpFolder(folder: string): void {
    const workspace = this.workspaces.get(folder);
    if (!workspace) return;
    for (const app of workspace.model.allApps()) this.stamps.set(`${workspace.root}\0${app.folder}`, ++this.stampCounter);
    this.stamps.set(`${workspace.root}\0`, ++this.stampCounter);
  }

  private bumpAll(): void {
    for (const folder of this.workspaces.keys()) this.bumpFolder(folder);
  }

  /** What git says about the file, cached per path; undefined outside a repository. */
  private gitFacts(located: Located): GitFacts | undefined {
    const { workspace, rel } = located;
    const git = workspace.git;
    if (!git) return undefined;
    const key = `${workspace.root}\0${rel}`;
    let cached = this.gitCache.get(key);
    if (!cached) {
      const absolute = join(workspace.root, ...rel.split('/'));
      const ignored = git.isGitIgnored(absolute);
      cached = { facts: ignored === undefined ? undefined : { ignored, tracked: false, gitignore: this.nearestGitignore(workspace, rel) }, trackedAsked: false };
      this.gitCache.set(key, cached);
    }
    const facts = cached.facts;
    if (facts && !facts.ignored && !cached.trackedAsked) {
      cached.trackedAsked = true;
      git.isTrackedByGit(join(workspace.root, ...rel.split('/'))).then(
        (tracked) => {
          if (tracked !== true || this.gitCache.get(key)?.facts !== facts) return;
          facts.tracked = true;
          this.bump(located);
          this.onChange();
        },
        (error: unknown) => this.log(`envls: asking git whether a file is tracked failed: ${(error as Error).stack}`),
      );
    }
    return facts;
  }

  /**
   * The .gitignore nearest to the file: in its folder, then each parent up to the repository root
   * (or the workspace folder, whichever is deeper); when none exists, the top one is created.
   */
  private nearestGitignore(workspace: ProjectWorkspace, rel: string): { path: string; text?: string } {
    const repoRoot = workspace.git!.repositoryRoot;
    const top = workspace.relativePath(repoRoot) ?? '';
    let dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    for (;;) {
      const path = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
      const text = readTextFile(join(workspace.root, ...path.split('/')));
      if (text !== undefined) return { path, text };
      if (dir === top || dir === '') break;
      dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    }
    return { path: top === '' ? '.gitignore' : `${top}/.gitignore` };
  }
}
