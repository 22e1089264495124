/**
 * The project model: every env file of a workspace in its app, with its role and its layers.
 *
 * Pure: the caller (server, CLI) reads the files and feeds them in — manifests and compose files
 * with their text, env files with their text or a function that reads it when first needed —
 * and keeps the model current with setFile / deleteFile from file-watch events. Work is done
 * lazily and per app: an env file's content change only drops that file's parsed document and the
 * merged values of the modes that load it; adding or removing an env file, or changing a manifest
 * or compose file, recomputes its app's plan; adding or removing a manifest re-assigns files to
 * apps (rare: it changes which folders are apps).
 */
import { parseEnv } from '../parser/parse';
import type { Entry, EnvDocument } from '../parser/model';
import { entriesByKey } from '../rules/entryIndex';
import { COMPOSE_FILE_NAMES, readComposeFile, type ComposeFile } from './conventions/compose';
import type { LoadOrderSetting } from './loadOrderSetting';
import { MANIFEST_NAMES } from './manifests';
import { baseName, dirOf, selfAndAncestors } from './paths';
import { planFor, type LoadPlan } from './plan';
import { roleOfName, type FileRole } from './roles';

export interface ProjectFileInput {
  /** Workspace-relative POSIX path. */
  path: string;
  /** The text, or a function that reads it (env files are read only when a query needs them); undefined = unreadable. */
  text?: string | (() => string | undefined);
}

export type ProjectFileKind = 'manifest' | 'compose' | 'env';

/** What the model does with a file of this name; undefined for names it ignores. */
export function projectFileKind(path: string): ProjectFileKind | undefined {
  const name = baseName(path);
  if (MANIFEST_NAMES.has(name)) return 'manifest';
  if (COMPOSE_FILE_NAMES.has(name)) return 'compose';
  if (roleOfName(name)) return 'env';
  return undefined;
}

export interface EnvFileInfo {
  path: string;
  /** The folder of the app it belongs to ('' = the workspace folder). */
  app: string;
  role: FileRole;
}

export interface AppInfo {
  folder: string;
  manifests: string[];
  composeFiles: string[];
  envFiles: EnvFileInfo[];
  plan: LoadPlan;
  /** Per mode, the files that exist, the one that wins first. */
  orders: Map<string, string[]>;
}

/** One mode in which a file is loaded, with the files loaded together with it. */
export interface Layering {
  app: string;
  mode: string;
  /** Existing files, the one that wins first. */
  files: string[];
}

export interface EffectiveValue {
  value: string;
  path: string;
  entry: Entry;
}

export interface ModeValue {
  app: string;
  mode: string;
  /** undefined when no file of the mode sets the key. */
  effective?: EffectiveValue;
}

export interface Overriding {
  app: string;
  mode: string;
  /** Whether this file's value is the one the program reads in this mode. */
  wins: boolean;
  /** The file whose value the program reads. */
  winner: string;
  /** Files of the mode that set the key too and lose to this one. */
  overrides: string[];
  /** Files of the mode that set the key too and win over this one (the file itself for an earlier duplicate entry). */
  overriddenBy: string[];
  /** The entry asked about is not the file's last entry of its key, so it is read in no mode. */
  overriddenInFile?: true;
}

export interface ComposeReading {
  /** Services whose env_file lists the file. */
  envFileOf: { composeFile: string; service: string; raw: boolean }[];
  /** Compose files that read it as their project `.env` for `${}` interpolation. */
  interpolationFor: string[];
}

export interface ProjectOptions {
  loadOrder?: LoadOrderSetting;
}

type Text = string | (() => string | undefined) | undefined;

const EXAMPLE_PREFERENCE = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env'];

export class ProjectModel {
  private readonly texts = new Map<string, Text>();
  /** Folder → the manifests in it. */
  private readonly manifests = new Map<string, Set<string>>();
  private readonly composeByPath = new Map<string, ComposeFile>();
  private readonly envPaths = new Set<string>();
  private appFolders = new Set<string>();
  private envByApp = new Map<string, Set<string>>();
  private readonly apps = new Map<string, AppInfo>();
  private readonly dirtyApps = new Set<string>();
  /** Path → the apps whose plan names it (existing or not): adding or removing it changes their orders. */
  private readonly wantedBy = new Map<string, Set<string>>();
  private reassign = true;
  private layerings: Map<string, Layering[]> | undefined;
  private readonly docs = new Map<string, EnvDocument | null>();
  private readonly merged = new Map<string, Map<string, EffectiveValue>>();
  private options: ProjectOptions;

  constructor(files: Iterable<ProjectFileInput> = [], options: ProjectOptions = {}) {
    this.options = options;
    for (const file of files) this.setFile(file);
  }

  // ------------------------------------------------------------ updates

  /** Adds or changes one file; returns false when the model ignores its name. */
  setFile(file: ProjectFileInput): boolean {
    const kind = projectFileKind(file.path);
    if (!kind) return false;
    const existed = this.texts.has(file.path);
    this.texts.set(file.path, file.text);
    if (kind === 'manifest') {
      const folder = dirOf(file.path);
      let set = this.manifests.get(folder);
      if (!set) this.manifests.set(folder, (set = new Set()));
      set.add(file.path);
      if (!existed) this.reassign = true;
      else this.markApp(dirOf(file.path));
    } else if (kind === 'compose') {
      this.composeByPath.set(file.path, readComposeFile(file.path, this.textOf(file.path) ?? ''));
      this.markApp(this.appFolderOf(file.path));
    } else {
      this.envPaths.add(file.path);
      this.contentChanged(file.path);
      if (!existed) this.envAdded(file.path);
    }
    return true;
  }

  deleteFile(path: string): boolean {
    if (!this.texts.delete(path)) return false;
    const kind = projectFileKind(path);
    if (kind === 'manifest') {
      const set = this.manifests.get(dirOf(path));
      set?.delete(path);
      if (set?.size === 0) this.manifests.delete(dirOf(path));
      this.reassign = true;
    } else if (kind === 'compose') {
      this.composeByPath.delete(path);
      this.markApp(this.appFolderOf(path));
    } else {
      this.envPaths.delete(path);
      this.contentChanged(path);
      if (!this.reassign) {
        const app = this.appFolderOf(path);
        this.envByApp.get(app)?.delete(path);
        this.markApp(app);
        for (const folder of this.wantedBy.get(path) ?? []) this.markApp(folder);
      }
    }
    return true;
  }

  setOptions(options: ProjectOptions): void {
    this.options = options;
    this.reassign = true;
  }

  /** The parsed document of an env file, parsed once per content (undefined when unreadable or not an env file). */
  document(path: string): EnvDocument | undefined {
    let doc = this.docs.get(path);
    if (doc === undefined) {
      const text = this.envPaths.has(path) ? this.textOf(path) : undefined;
      doc = text === undefined ? null : parseEnv(text);
      this.docs.set(path, doc);
    }
    return doc ?? undefined;
  }

  private textOf(path: string): string | undefined {
    const text = this.texts.get(path);
    if (typeof text === 'function') {
      const read = text();
      this.texts.set(path, read);
      return read;
    }
    return text;
  }

  private contentChanged(path: string): void {
    this.docs.delete(path);
    // A pending re-assignment drops every merged value anyway; otherwise drop those of the modes that load the file
    // (any app's: a compose file may list a file of another folder).
    if (this.reassign) return;
    for (const layering of this.layeringIndex().get(path) ?? []) this.merged.delete(`${layering.app}\0${layering.mode}`);
  }

  private envAdded(path: string): void {
    if (this.reassign) return;
    const app = this.appFolderOf(path);
    let set = this.envByApp.get(app);
    if (!set) this.envByApp.set(app, (set = new Set()));
    set.add(path);
    this.markApp(app);
    for (const folder of this.wantedBy.get(path) ?? []) this.markApp(folder);
  }

  private markApp(folder: string): void {
    this.dirtyApps.add(folder);
    this.layerings = undefined;
  }

  // ------------------------------------------------------------ structure

  private appFolderOf(path: string): string {
    for (const dir of selfAndAncestors(dirOf(path))) if (this.appFolders.has(dir)) return dir;
    return '';
  }

  private ensure(): void {
    if (this.reassign) {
      this.reassign = false;
      this.appFolders = new Set(this.manifests.keys());
      this.envByApp = new Map();
      for (const path of this.envPaths) {
        const app = this.appFolderOf(path);
        let set = this.envByApp.get(app);
        if (!set) this.envByApp.set(app, (set = new Set()));
        set.add(path);
      }
      this.apps.clear();
      this.merged.clear();
      this.wantedBy.clear();
      this.layerings = undefined;
      this.dirtyApps.clear();
      for (const folder of new Set([...this.appFolders, ...this.envByApp.keys()])) this.dirtyApps.add(folder);
    }
    if (this.dirtyApps.size > 0) {
      for (const folder of this.dirtyApps) {
        const previous = this.apps.get(folder);
        for (const order of previous?.plan.orders ?? []) for (const path of order.files) this.wantedBy.get(path)?.delete(folder);
        const app = this.computeApp(folder);
        if (app) this.apps.set(folder, app);
        else this.apps.delete(folder);
        for (const order of app?.plan.orders ?? []) {
          for (const path of order.files) {
            let set = this.wantedBy.get(path);
            if (!set) this.wantedBy.set(path, (set = new Set()));
            set.add(folder);
          }
        }
        for (const key of [...this.merged.keys()]) if (key.startsWith(`${folder}\0`)) this.merged.delete(key);
      }
      this.dirtyApps.clear();
      this.layerings = undefined;
    }
  }

  private computeApp(folder: string): AppInfo | undefined {
    const envs = [...(this.envByApp.get(folder) ?? [])].sort();
    const manifestPaths = [...(this.manifests.get(folder) ?? [])].sort();
    if (envs.length === 0 && manifestPaths.length === 0) return undefined;
    const compose = [...this.composeByPath.values()].filter((c) => this.appFolderOf(c.path) === folder).sort((a, b) => (a.path < b.path ? -1 : 1));
    const manifests = new Map<string, string>();
    for (const path of manifestPaths) manifests.set(baseName(path), this.textOf(path) ?? '');
    const plan = planFor({ folder, manifests, compose, envNames: envs.filter((p) => dirOf(p) === folder).map(baseName) }, this.options.loadOrder);
    const orders = new Map<string, string[]>();
    for (const order of plan.orders) orders.set(order.mode, order.files.filter((p) => this.envPaths.has(p)));
    return {
      folder,
      manifests: manifestPaths,
      composeFiles: compose.map((c) => c.path),
      envFiles: envs.map((path) => ({ path, app: folder, role: roleOfName(baseName(path))! })),
      plan,
      orders,
    };
  }

  private layeringIndex(): Map<string, Layering[]> {
    this.ensure();
    if (!this.layerings) {
      const index = new Map<string, Layering[]>();
      for (const app of this.apps.values()) {
        for (const [mode, files] of app.orders) {
          const layering = { app: app.folder, mode, files };
          for (const path of files) {
            let list = index.get(path);
            if (!list) index.set(path, (list = []));
            list.push(layering);
          }
        }
      }
      this.layerings = index;
    }
    return this.layerings;
  }

  // ------------------------------------------------------------ queries

  /** Every app, workspace folder first, then by folder. */
  allApps(): AppInfo[] {
    this.ensure();
    return [...this.apps.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  }

  app(folder: string): AppInfo | undefined {
    this.ensure();
    return this.apps.get(folder);
  }

  /** The app of a file (its nearest folder with a manifest, else the workspace folder). */
  appOf(path: string): AppInfo | undefined {
    this.ensure();
    return this.apps.get(this.appFolderOf(path));
  }

  roleOf(path: string): FileRole | undefined {
    return roleOfName(baseName(path));
  }

  /** The modes that load the file, each with the files loaded together with it (empty when no mode loads it). */
  layersOf(path: string): Layering[] {
    return this.layeringIndex().get(path) ?? [];
  }

  /** The merged values of one app's mode: each key's winning value and its file. */
  effectiveValues(app: string, mode: string): Map<string, EffectiveValue> {
    this.ensure();
    const cacheKey = `${app}\0${mode}`;
    let values = this.merged.get(cacheKey);
    if (!values) {
      values = new Map();
      for (const path of this.apps.get(app)?.orders.get(mode) ?? []) {
        const doc = this.document(path);
        if (!doc) continue;
        for (const [key, entry] of entriesByKey(doc)) if (!values.has(key)) values.set(key, { value: entry.value, path, entry });
      }
      this.merged.set(cacheKey, values);
    }
    return values;
  }

  /**
   * The effective value of `key` in each mode that concerns `path`: the modes that load it, or,
   * for a file no mode loads (an example, a schema), every mode of its app.
   */
  effectiveValue(path: string, key: string): ModeValue[] {
    return this.contextsOf(path).map(({ app, mode }) => ({ app, mode, effective: this.effectiveValues(app, mode).get(key) }));
  }

  /**
   * What the entry of `key` in `path` overrides and is overridden by, in each mode that loads the
   * file. Within a file dotenv keeps the last entry of a key: pass `entry` to ask about an earlier
   * one, which then wins in no mode and is overridden by its own file (`overriddenInFile`).
   */
  overridesOf(path: string, key: string, entry?: Entry): Overriding[] {
    const out: Overriding[] = [];
    const doc = this.document(path);
    const last = doc && entriesByKey(doc).get(key);
    if (!last) return out;
    const overriddenInFile = entry !== undefined && entry !== last;
    for (const { app, mode, files } of this.layersOf(path)) {
      const setting = files.filter((file) => {
        const other = this.document(file);
        return other !== undefined && entriesByKey(other).has(key);
      });
      const at = setting.indexOf(path);
      out.push({
        app,
        mode,
        wins: at === 0 && !overriddenInFile,
        winner: setting[0],
        overrides: overriddenInFile ? [] : setting.slice(at + 1),
        overriddenBy: overriddenInFile ? setting.slice(0, at + 1) : setting.slice(0, at),
        ...(overriddenInFile ? { overriddenInFile } : {}),
      });
    }
    return out;
  }

  /**
   * The app's example nearest to `path`: in the file's folder, then each parent up to the app
   * folder; in a folder, the example of the file's own mode (`.env.production.example` for
   * `.env.production`), then `.env.example`, `.env.sample`, `.env.template`, `.env.dist`,
   * `example.env`, then any other example name.
   */
  nearestExample(path: string): string | undefined {
    const app = this.appOf(path);
    if (!app) return undefined;
    const mode = this.roleOf(path)?.mode;
    const examples = app.envFiles.filter((f) => f.role.role === 'example' && f.path !== path);
    for (const dir of selfAndAncestors(dirOf(path))) {
      const here = examples.filter((f) => dirOf(f.path) === dir);
      if (here.length > 0) {
        const rank = (f: EnvFileInfo): number => {
          if (mode !== undefined && f.role.mode === mode) return -1;
          if (f.role.mode !== undefined) return 100;
          const at = EXAMPLE_PREFERENCE.indexOf(baseName(f.path));
          return at === -1 ? 50 : at;
        };
        return here.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : 1))[0].path;
      }
      if (dir === app.folder) break;
    }
    return undefined;
  }

  /**
   * The app's `.env.schema` (varlock's env-spec) nearest to `path`: in the file's folder, then each
   * parent up to the app folder; never the file itself.
   */
  nearestSchemaFile(path: string): string | undefined {
    const app = this.appOf(path);
    if (!app) return undefined;
    const schemas = app.envFiles.filter((f) => f.role.role === 'schema' && f.path !== path);
    for (const dir of selfAndAncestors(dirOf(path))) {
      const here = schemas.find((f) => dirOf(f.path) === dir);
      if (here) return here.path;
      if (dir === app.folder) break;
    }
    return undefined;
  }

  /** Whether docker compose reads the file: as a service's env_file, or as the project `.env` of a compose file. */
  composeReads(path: string): ComposeReading {
    const reading: ComposeReading = { envFileOf: [], interpolationFor: [] };
    for (const compose of this.composeByPath.values()) {
      if (compose.interpolationEnv === path) reading.interpolationFor.push(compose.path);
      for (const service of compose.services) {
        const envFile = service.envFiles.find((f) => f.path === path);
        if (envFile) reading.envFileOf.push({ composeFile: compose.path, service: service.name, raw: envFile.raw });
      }
    }
    reading.interpolationFor.sort();
    return reading;
  }

  private contextsOf(path: string): { app: string; mode: string }[] {
    const layers = this.layersOf(path);
    if (layers.length > 0) return layers;
    const app = this.appOf(path);
    return app ? [...app.orders.keys()].map((mode) => ({ app: app.folder, mode })) : [];
  }
}
