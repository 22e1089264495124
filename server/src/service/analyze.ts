/**
 * One pass over a document: parse, bind schemas, validate. The server keeps the
 * result per document version and answers every request from it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveBinding, type Binding, type BindingInput } from './binding';
import type { Dialect, EnvDocument } from './parser/model';
import { chooseDialect, parseInDialect } from './dialect';
import { schemaSetFor, type SchemaSet } from './schema/schemaSet';
import { validateDocument, type RuleFailure, type ValidationSettings } from './validate';
import type { ProjectContext } from './project/context';
import { readEnvSpec, type EnvSpecReading } from './schema/envSpec';
import { envSpecDiagnostics } from './envSpecFile';

export interface Analysis {
  doc: EnvDocument;
  binding: Binding;
  schemaSet: SchemaSet;
  diagnostics: Diagnostic[];
  /** Rules that threw (each is also an internalError diagnostic): the caller logs them. */
  ruleFailures: RuleFailure[];
  /** For a `.env.schema` (its project role): how envls read it as env-spec (its problems are in `diagnostics`). */
  envSpec?: EnvSpecReading;
}

/** `bind` gets the parsed document: detection reads its keys. */
/** `project`: the file's place in its project (projectContextFor); absent, the file is checked alone. */
/**
 * `dialect`: whose reading to follow, when envls.dialect names one for the file; absent, docker
 * compose's when the project model knows compose reads the file, else dotenv's (chooseDialect's order).
 */
export function analyze(text: string, bind: (doc: EnvDocument) => Omit<BindingInput, 'doc'>, settings: ValidationSettings, project?: ProjectContext, dialect?: Dialect): Analysis {
  const chosen = dialect ?? chooseDialect({ readByCompose: project?.readByCompose }).dialect;
  return analyzeDocument(parseInDialect(text, chosen), bind, settings, project);
}

export function analyzeDocument(doc: EnvDocument, bind: (doc: EnvDocument) => Omit<BindingInput, 'doc'>, settings: ValidationSettings, project?: ProjectContext): Analysis {
  // A `.env.schema` is read from this document (the editor's text); another file binds its app's.
  const envSpec = project?.role.role === 'schema' ? readEnvSpec(doc.text, project.path) : undefined;
  const declaration = envSpec ?? (project?.schemaFile ? readEnvSpec(project.schemaFile.doc.text, project.schemaFile.path) : undefined);
  const binding = resolveBinding({ ...bind(doc), doc, ...(declaration ? { projectSchemas: [declaration.schema] } : {}) });
  const { diagnostics, ruleFailures } = validateDocument({
    doc,
    schemas: binding.schemas,
    certainty: binding.certainty,
    declared: binding.declared,
    explicitIds: binding.explicitIds,
    anchor: binding.directive?.span,
    unknownSchemaIds: binding.unknownIds,
    settings,
    project,
  });
  if (envSpec) diagnostics.push(...envSpecDiagnostics(doc, envSpec.problems));
  return { doc, binding, schemaSet: schemaSetFor(binding.schemas), diagnostics, ruleFailures, ...(envSpec ? { envSpec } : {}) };
}
