/**
 * `envls check --code`: the code of each checked file's workspace, indexed once per workspace
 * (node/codeScan), gives the env files' contexts what their app's code reads (unusedVariable) and
 * each code file of those apps its unsetVariable problems.
 */
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveBinding } from '../service/binding';
import { codeContextFor, schemaSetOfApp } from '../service/code/context';
import { unsetDiagnostics } from '../service/code/unsetDiagnostics';
import type { CodeUsage } from '../service/code/usage';
import type { SchemaSet } from '../service/schema/schemaSet';
import type { ValidationSettings } from '../service/validate';
import type { BindingInput } from '../service/binding';
import type { EnvDocument } from '../service/parser/model';
import { CodeWorkspace } from './codeScan';
import { readTextFile, type ProjectWorkspace } from './projectScan';

export interface CodeFileProblems {
  /** Absolute path of the code file. */
  path: string;
  diagnostics: Diagnostic[];
}

export class CheckCode {
  private constructor(private readonly code: ReadonlyMap<string, CodeWorkspace>) {}

  /** Indexes the code of each workspace folder (once each). */
  static async scan(roots: Iterable<string>): Promise<CheckCode> {
    const code = new Map<string, CodeWorkspace>();
    for (const root of new Set(roots)) code.set(root, await CodeWorkspace.scan(root));
    return new CheckCode(code);
  }

  /** What the code of `app` in the workspace reads (undefined when the workspace was not indexed). */
  usageOf(workspace: ProjectWorkspace, app: string): CodeUsage | undefined {
    const code = this.code.get(workspace.root);
    if (!code) return undefined;
    const inApp = (path: string) => (workspace.model.appOf(path)?.folder ?? '') === app;
    let fileCount: number | undefined;
    return {
      complete: true,
      get fileCount() {
        fileCount ??= [...code.index.paths()].filter(inApp).length;
        return fileCount;
      },
      readsOf: (name) => code.index.readsOf(name, inApp).map(({ path, read }) => ({ path, read })),
    };
  }

  /**
   * unsetVariable in each code file of the given apps (`root\0app` keys). `bindingFor` gives an env
   * file's binding inputs (its schemas are the app's, for schema defaults).
   */
  problems(workspaces: readonly ProjectWorkspace[], apps: ReadonlySet<string>, bindingFor: (absolute: string) => (doc: EnvDocument) => Omit<BindingInput, 'doc'>, settings: ValidationSettings): CodeFileProblems[] {
    const out: CodeFileProblems[] = [];
    for (const workspace of workspaces) {
      const code = this.code.get(workspace.root);
      if (!code) continue;
      const schemaSets = new Map<string, SchemaSet>();
      for (const path of [...code.index.paths()].sort()) {
        const app = workspace.model.appOf(path)?.folder ?? '';
        if (!apps.has(`${workspace.root}\0${app}`)) continue;
        let schemaSet = schemaSets.get(app);
        if (!schemaSet) schemaSets.set(app, (schemaSet = appSchemaSet(workspace, app, bindingFor)));
        const absolute = join(workspace.root, ...path.split('/'));
        const text = readTextFile(absolute);
        const file = code.index.file(path);
        if (text === undefined || !file) continue;
        const context = codeContextFor(workspace.model, path, schemaSet, this.usageOf(workspace, app));
        const diagnostics = unsetDiagnostics(context, file.reads, text, settings);
        if (diagnostics.length > 0) out.push({ path: absolute, diagnostics });
      }
    }
    return out;
  }
}

/** The schemas bound to the app's env files, together. */
function appSchemaSet(workspace: ProjectWorkspace, app: string, bindingFor: (absolute: string) => (doc: EnvDocument) => Omit<BindingInput, 'doc'>): SchemaSet {
  return schemaSetOfApp(workspace.model, app, (path, doc) => resolveBinding({ ...bindingFor(join(workspace.root, ...path.split('/')))(doc), doc }).schemas);
}
