/**
 * What the features of a code file need to know about its app: the app's env files (parsed),
 * the effective values per mode, the example, the schemas bound to the app's env files and what
 * the app's code reads. Built by a pure function from the ProjectModel (as project/context.ts
 * does for an env file); the code features read it and never look at the model again.
 */
import type { EnvDocument } from '../parser/model';
import type { EffectiveValue, ProjectModel } from '../project/model';
import type { ExampleFacts } from '../project/context';
import type { FileRole } from '../project/roles';
import { schemaSetFor, type SchemaSet } from '../schema/schemaSet';
import type { ResolvedSchema } from '../schema/types';
import type { CodeUsage } from './usage';

export interface CodeEnvFile {
  /** Workspace-relative path. */
  path: string;
  role: FileRole;
  doc: EnvDocument;
}

export interface CodeModeValues {
  mode: string;
  /** Each key's winning value and its file, in this mode. */
  values: ReadonlyMap<string, EffectiveValue>;
}

export interface CodeContext {
  /** Workspace-relative path of the code file. */
  path: string;
  /** The app's folder; undefined when the file belongs to no app (no env file, no manifest). */
  app?: string;
  /** The title of the app's load convention ("Next.js"). */
  conventionTitle?: string;
  /** Every env file of the app (values, example, schema), by path; an unreadable one is left out. */
  envFiles: readonly CodeEnvFile[];
  /** The app's modes, in the plan's order, each with its effective values. */
  modes: readonly CodeModeValues[];
  /** The app's example nearest to the code file. */
  example?: ExampleFacts;
  /** The schemas bound to the app's env files, together. */
  schemaSet: SchemaSet;
  /** What the app's code reads (absent when no code index is given). */
  usage?: CodeUsage;
}

/** The context of the code file at `path`; `schemaSet` is what the caller bound for the app's env files. */
export function codeContextFor(model: ProjectModel, path: string, schemaSet: SchemaSet, usage?: CodeUsage): CodeContext {
  const app = model.appOf(path);
  if (!app) return { path, envFiles: [], modes: [], schemaSet, usage };
  const envFiles: CodeEnvFile[] = [];
  for (const file of app.envFiles) {
    const doc = model.document(file.path);
    if (doc) envFiles.push({ path: file.path, role: file.role, doc });
  }
  const modes = [...app.orders.keys()].map((mode) => ({ mode, values: model.effectiveValues(app.folder, mode) }));
  const examplePath = model.nearestExample(path);
  const exampleDoc = examplePath === undefined ? undefined : model.document(examplePath);
  return {
    path,
    app: app.folder,
    conventionTitle: app.plan.title,
    envFiles,
    modes,
    example: examplePath !== undefined && exampleDoc ? { path: examplePath, doc: exampleDoc } : undefined,
    schemaSet,
    usage,
  };
}

/** The schemas bound to the app's env files, together (`bound`: the caller's binding of one env file). */
export function schemaSetOfApp(model: ProjectModel, app: string, bound: (path: string, doc: EnvDocument) => readonly ResolvedSchema[]): SchemaSet {
  const schemas = new Map<string, ResolvedSchema>();
  for (const file of model.app(app)?.envFiles ?? []) {
    const doc = model.document(file.path);
    if (doc) for (const schema of bound(file.path, doc)) if (!schemas.has(schema.id)) schemas.set(schema.id, schema);
  }
  return schemaSetFor([...schemas.values()]);
}
