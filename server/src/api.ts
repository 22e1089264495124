/**
 * envls as a library: `import { check, checkText, parse, rules } from 'envls'`.
 * The CLI is built on exactly these functions. The types below are self-contained
 * (no LSP or internal types), so dist/api.d.ts needs no other package.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { version as packageVersion } from '../../package.json';
import { analyze, analyzeDocument } from './service/analyze';
import { expandEntries } from './service/expand';
import { fixAll } from './service/fixAll';
import { parseEnv } from './service/parser/parse';
import { parseComposeEnv } from './service/parser/compose';
import { ruleDocsUrl } from './service/rules/docs';
import { ALL_CODES } from './service/rules/registry';
import { variableCountOf } from './service/schema/builtinIndex';
import { compareIds } from './service/schema/compareIds';
import { invalidSchemaDiagnostics } from './service/schema/invalidSchema';
import type { Rule } from './service/rules/rule';
import type { RuleFailure, ValidationSettings } from './service/validate';
import { bindingInputFor } from './node/bindFile';
import { findEnvFiles } from './node/envFiles';
import { SchemaStore } from './node/schemaStore';
import { shownPaths } from './node/shownPath';
import { CheckProjects } from './node/checkProjects';
import { CheckCode } from './node/checkCode';
import { diffEnv, isSameEnv } from './service/project/diff';
import { keysOfOtherLayers } from './service/project/context';
import { planSync } from './service/project/sync';
import { CODE_LANGUAGES } from './service/code/languages';
import type { CodeLanguage } from './service/code/types';
import { CodeWorkspace } from './node/codeScan';
import { schemaSourcesOf } from './service/schemaSources';

export const version: string = packageVersion;

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** One problem. Lines and columns are 1-based; columns count UTF-16 code units (as editors do). */
export interface Problem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: ProblemSeverity;
  /** A diagnostic code (a public contract: never renamed), e.g. `duplicateKey`. */
  code: string;
  /** Never contains a sensitive value. */
  message: string;
}

export interface FileReport {
  /** The path as given relative to `cwd` (absolute when outside it). */
  file: string;
  /** The absolute path. */
  path: string;
  /** `env` for a checked .env file, `schema` for a schema file given with `schemaFiles`, `code` for a code file (`checkWithCode`). */
  kind: 'env' | 'schema' | 'code';
  /** Ids of the schemas bound to the file. */
  schemas: string[];
  binding: { source: 'comment' | 'setting' | 'project' | 'detected' | 'none'; certainty: 'explicit' | 'confident' | 'weak' | 'none'; reason: string };
  /** Where each schema came from and why it applies, then the app's example when it has one. */
  sources: SchemaSourceInfo[];
  problems: Problem[];
  /** Number of fixes written to the file (only with `fix: true`). */
  fixesApplied: number;
}

/** Why a schema applies to a file, and where it is defined. */
export interface SchemaSourceInfo {
  /** The schema's id; for the app's example, `project:<path>`. */
  id: string;
  title: string;
  /**
   * `comment` (# envls-schema), `setting` (envls.schemas or --schema), `manifest` (a dependency the app
   * declares), `names` (names only that software uses), `marker` (a marker file beside the file),
   * `project` (declared by the project, e.g. its .env.schema), `example` (the app's .env.example:
   * names, comments and values for completion and hover; no schema).
   */
  kind: 'comment' | 'setting' | 'manifest' | 'names' | 'marker' | 'project' | 'example';
  /** In a few words, e.g. `next-auth in package.json`. */
  why: string;
  /** `builtin:<id>`, a schema file's path, or `project:<path>`. */
  origin: string;
}

export interface CheckOptions {
  /** Where relative paths, globs and `schemaFiles` are resolved; default `process.cwd()`. */
  cwd?: string;
  /** Bind these schema ids to every file (else `# envls-schema` comments, else detection). */
  schemas?: readonly string[];
  /** Schema files in envls's format; a broken one is reported as `invalidSchema` problems on it. */
  schemaFiles?: readonly string[];
  /** dotenv-linter's style rules. */
  styleRules?: boolean;
  /** Report every variable the schemas do not know. */
  unknownVariables?: boolean;
  /** Detect products from the variables present (default true). */
  detect?: boolean;
  /** Severity per code, e.g. `{ unorderedKey: 'off' }`. */
  severities?: Readonly<Record<string, ProblemSeverity | 'off'>>;
  /** Apply the safe fixes and write the files that change (never another file than the one checked). */
  fix?: boolean;
  /**
   * Check each file in its project (default true): with the files loaded together with it, its app's
   * example and what git says about it (shadowedVariable, missingExampleVariable, undocumentedVariable,
   * insecureValue against the example, notGitignored). The project is the file's git repository, else `cwd`.
   * `false`: each file alone.
   */
  project?: boolean;
  /** Called after each file, e.g. for progress. */
  onFile?: (done: number, total: number) => void;
}

export interface CheckResult {
  /** Schema-file reports first (when they have problems), then each .env file, sorted by path. */
  reports: FileReport[];
  /** Arguments that named nothing (no such file, or a glob that matched nothing). */
  missing: string[];
  /** Files found but not readable, with the system's reason (e.g. `EACCES`). */
  unreadable: { file: string; reason: string }[];
  errorCount: number;
  warningCount: number;
}

export interface RuleInfo {
  code: string;
  group: 'core' | 'schema' | 'project' | 'style' | 'code' | 'internal';
  defaultSeverity: ProblemSeverity;
  description: string;
  /** The rule's documentation page. */
  docsUrl: string;
}

const SEVERITY_NAMES: Record<number, ProblemSeverity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** Every diagnostic code envls can report (rules and engine codes), with its default severity and documentation page. */
export function rules(): RuleInfo[] {
  return ALL_CODES.map((decl) => ({
    code: decl.code,
    group: decl.group,
    defaultSeverity: decl.defaultSeverity,
    description: decl.description,
    docsUrl: ruleDocsUrl(decl.code),
  }));
}

export interface SchemaInfo {
  id: string;
  title: string;
  /** How many variables the schema describes. */
  variables: number;
  /** A catalog schema: a common service or framework (postgres, stripe, nextjs…), not one product. */
  catalog?: true;
}

/** The builtin schemas (and those of `schemaFiles`), sorted by id. */
export function schemas(options: Pick<CheckOptions, 'cwd' | 'schemaFiles'> = {}): SchemaInfo[] {
  const store = new SchemaStore();
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.schemaFiles) store.load(options.schemaFiles.map((file) => resolve(cwd, file)));
  return [...store.available.values()]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((schema) => ({ id: schema.id, title: schema.title, variables: variableCountOf(schema), ...(schema.catalog ? { catalog: true as const } : {}) }));
}

/**
 * What `dotenv.parse` returns for `text` (with `expand`: after dotenv-expand, never running commands).
 * With `dialect: 'compose'`: what docker compose reads from it as an env_file or project `.env`, with
 * no shell variables set (a bare NAME stays unset; compose interpolates itself, so `expand` is moot).
 */
export function parse(text: string, options: { expand?: boolean; dialect?: 'dotenv' | 'compose' } = {}): Record<string, string> {
  if (options.dialect === 'compose') {
    const read: Record<string, string> = {};
    for (const entry of parseComposeEnv(text).entries) if (!entry.passThrough) read[entry.key] = entry.value;
    return read;
  }
  const doc = parseEnv(text);
  if (options.expand) return expandEntries(doc.entries, {});
  const parsed: Record<string, string> = {};
  for (const entry of doc.entries) parsed[entry.key] = entry.value;
  return parsed;
}

/** Why docker compose would refuse `text` as an env file (bad name, unclosed quote, bad `${`), with 1-based lines; empty when it reads it. */
export function composeRefusals(text: string): { line: number; message: string }[] {
  return parseComposeEnv(text).problems
    .filter((p) => p.message.startsWith('docker compose refuses'))
    .map((p) => ({ line: p.line + 1, message: p.message }));
}

/**
 * Testing only, not in the public types: rules run after the declared ones (one that throws, to
 * test rule isolation) and where rule failures go instead of stderr.
 */
interface TestingOptions {
  extraRules?: readonly Rule[];
  onRuleFailure?: (line: string) => void;
}

/**
 * A rule that threw is a bug in envls: its code and stack (never a value: the stack is redacted)
 * go to stderr, and the check goes on; the file also gets an internalError problem.
 */
function reportRuleFailures(failures: readonly RuleFailure[], options: TestingOptions, file?: string): void {
  for (const { code, stack } of failures) {
    const line = `envls: rule ${code} failed${file ? ` on ${file}` : ''}: ${stack}`;
    if (options.onRuleFailure) options.onRuleFailure(line);
    else process.stderr.write(`${line}\n`);
  }
}

/** Checks one text in memory (no file is read: detection sees no marker files). */
export function checkText(text: string, options: Omit<CheckOptions, 'cwd' | 'fix' | 'onFile' | 'schemaFiles' | 'project'> = {}): Problem[] {
  const store = new SchemaStore();
  const bind = bindingInputFor(undefined, store, { cliIds: options.schemas ?? [], detect: options.detect });
  const analysis = analyze(text, bind, settingsOf(options));
  reportRuleFailures(analysis.ruleFailures, options as TestingOptions);
  return analysis.diagnostics.map(toProblem);
}

/** Checks files, folders (searched for .env, .env.*, *.env without following links) and globs. */
export function check(paths: readonly string[], options: CheckOptions = {}): CheckResult {
  return checkWith(paths, options);
}

/**
 * `check` with the code of each file's app (`envls check --code`): unusedVariable on the env files,
 * and a report (kind `code`) for each code file of those apps that reads a variable nothing of its
 * app sets (unsetVariable). Asynchronous: it reads the code (tree-sitter parsers are loaded on first use).
 */
export async function checkWithCode(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const projects = new CheckProjects(cwd);
  const roots = findEnvFiles(paths, cwd).files.map((file) => projects.workspaceOf(file).root);
  return checkWith(paths, options, { code: await CheckCode.scan(roots), projects });
}

function checkWith(paths: readonly string[], options: CheckOptions, withCode?: { code: CheckCode; projects: CheckProjects }): CheckResult {
  const cwd = resolve(options.cwd ?? process.cwd());
  const shown = shownPaths(cwd, paths);
  const store = new SchemaStore();
  store.load((options.schemaFiles ?? []).map((file) => resolve(cwd, file)));
  // Marker-file detection lists each file's folder: the walk's own listings answer most of them.
  const folders = new Map<string, string[]>();
  const listFolder = (dir: string): string[] => {
    let names = folders.get(dir);
    if (!names) {
      try {
        names = readdirSync(dir);
      } catch {
        names = [];
      }
      folders.set(dir, names);
    }
    return names;
  };
  const { files, missing } = findEnvFiles(paths, cwd, ({ dir, names }) => folders.set(dir, names));
  const settings = settingsOf(options);
  const projects = withCode?.projects ?? (options.project === false ? undefined : new CheckProjects(cwd));
  /** `root\0app` of every app a checked file belongs to: their code files are checked too. */
  const checkedApps = new Set<string>();
  projects?.prefetchTracked(files);
  const result: CheckResult = { reports: [], missing, unreadable: [], errorCount: 0, warningCount: 0 };
  const add = (report: FileReport) => {
    for (const problem of report.problems) {
      if (problem.severity === 'error') result.errorCount++;
      else if (problem.severity === 'warning') result.warningCount++;
    }
    result.reports.push(report);
  };

  for (const [path, { text, problems }] of store.fileProblems) {
    if (problems.length === 0) continue;
    add({
      file: shown(path),
      path,
      kind: 'schema',
      schemas: [],
      binding: { source: 'none', certainty: 'none', reason: 'a schema file' },
      sources: [],
      problems: invalidSchemaDiagnostics(text, problems).map(toProblem),
      fixesApplied: 0,
    });
  }

  files.forEach((path, index) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      result.unreadable.push({ file: shown(path), reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      options.onFile?.(index + 1, files.length);
      return;
    }
    const bind = bindingInputFor(path, store, { cliIds: options.schemas ?? [], detect: options.detect, listDirectory: listFolder });
    let project = projects?.contextOf(path);
    if (project && withCode) {
      const workspace = withCode.projects.workspaceOf(path);
      const app = workspace.model.appOf(project.path)?.folder ?? '';
      checkedApps.add(`${workspace.root}\0${app}`);
      project = { ...project, code: withCode.code.usageOf(workspace, app) };
    }
    let analysis = analyze(text, bind, settings, project);
    let fixesApplied = 0;
    if (options.fix) {
      // The same safe fixes as source.fixAll.envls; a fix that edits another file (the example, a .gitignore) is never safe.
      const fixed = fixAll(text, (doc) => analyzeDocument(doc, bind, settings, project).diagnostics);
      if (fixed.text !== text) {
        writeFileSync(path, fixed.text);
        fixesApplied = fixed.applied;
        analysis = analyze(fixed.text, bind, settings, project);
      }
    }
    const { binding, diagnostics } = analysis;
    reportRuleFailures(analysis.ruleFailures, options as TestingOptions, shown(path));
    add({
      file: shown(path),
      path,
      kind: 'env',
      schemas: binding.schemas.map((schema) => schema.id),
      binding: { source: binding.source, certainty: binding.certainty, reason: binding.reason },
      sources: schemaSourcesOf(binding, project),
      problems: diagnostics.map(toProblem),
      fixesApplied,
    });
    options.onFile?.(index + 1, files.length);
  });
  if (withCode) {
    const workspaces = [...new Set(files.map((file) => withCode.projects.workspaceOf(file)))];
    const bindingFor = (path: string) => bindingInputFor(path, store, { cliIds: options.schemas ?? [], detect: options.detect, listDirectory: listFolder });
    for (const { path, diagnostics } of withCode.code.problems(workspaces, checkedApps, bindingFor, settings)) {
      add({ file: shown(path), path, kind: 'code', schemas: [], sources: [], binding: { source: 'none', certainty: 'none', reason: 'a code file' }, problems: diagnostics.map(toProblem), fixesApplied: 0 });
    }
  }
  return result;
}

/** What `diff` finds between two env files. Values are shown only as envls shows values: never a sensitive one. */
export interface DiffResult {
  /** Keys B sets and A lacks, in B's order. */
  missingFromA: string[];
  /** Keys A sets and B lacks, in A's order. */
  missingFromB: string[];
  /** With `values: true`: keys both set with different values (as dotenv reads them), masked when sensitive. */
  differentValues: { key: string; a: string; b: string }[];
  /** No key only in one side (and, with `values`, no differing value). */
  same: boolean;
}

/** Compares two env texts as dotenv reads them (dotenv-linter's `diff`; `values: true` also compares values). */
export function diff(a: string, b: string, options: { values?: boolean; schemas?: readonly string[]; detect?: boolean } = {}): DiffResult {
  const store = new SchemaStore();
  const side = (text: string) => {
    const analysis = analyze(text, bindingInputFor(undefined, store, { cliIds: options.schemas ?? [], detect: options.detect }), {});
    return { doc: analysis.doc, schemaSet: analysis.schemaSet };
  };
  const found = diffEnv(side(a), side(b), { values: options.values });
  return { ...found, same: isSameEnv(found) };
}

export interface SyncOptions {
  /** Where relative paths are resolved; default `process.cwd()`. */
  cwd?: string;
  /** The example to copy from; default the nearest example of the target's app (as missingExampleVariable finds it). */
  from?: string;
  /** The file to complete; default `.env`. It need not exist. */
  to?: string;
  /** Write the target (else only say what would change). */
  write?: boolean;
}

export interface SyncResult {
  /** Absolute paths. */
  from: string;
  to: string;
  /** The keys added (or to add), in the example's order. */
  added: string[];
  /** The target's text before and after. */
  before: string;
  after: string;
  /** 1-based line of the target where the added lines start. */
  startLine: number;
  written: boolean;
}

/**
 * Adds to `to` the variables of the example it lacks, as missingExampleVariable's "Add all missing"
 * fix does: the example's comments, its values unless sensitive (then empty), its order and
 * grouping; a variable the example marks optional, or that a file loaded with the target sets, is
 * left out. Never changes a line already there. Throws an Error with a `code` (`ENOEXAMPLE`, or the
 * system's, e.g. `ENOENT`) when the example cannot be found or read.
 */
export function sync(options: SyncOptions = {}): SyncResult {
  const cwd = resolve(options.cwd ?? process.cwd());
  const to = resolve(cwd, options.to ?? '.env');
  const projects = new CheckProjects(cwd);
  const workspace = projects.workspaceOf(to);
  const rel = workspace.relativePath(to);
  const nearest = rel === undefined ? undefined : workspace.model.nearestExample(rel);
  const from = options.from !== undefined ? resolve(cwd, options.from) : nearest === undefined ? undefined : resolve(workspace.root, nearest);
  if (from === undefined) throw Object.assign(new Error(`no example (.env.example, .env.sample, …) found for ${options.to ?? '.env'}; name one with --from`), { code: 'ENOEXAMPLE' });
  const exampleText = readFileSync(from, 'utf8');
  let before = '';
  try {
    before = readFileSync(to, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Sensitivity by the schemas the example's variables bind beside the target (the example names them all; the target may be empty).
  const example = analyze(exampleText, bindingInputFor(to, new SchemaStore(), { cliIds: [] }), {});
  const context = rel === undefined ? undefined : projects.contextOf(to);
  const plan = planSync(parseEnv(before), { path: from, doc: example.doc }, example.schemaSet, context ? keysOfOtherLayers(context) : new Set());
  const written = options.write === true && plan.added.length > 0;
  if (written) writeFileSync(to, plan.text);
  return { from, to, added: plan.added, before, after: plan.text, startLine: plan.startLine + 1, written };
}

function settingsOf(options: Pick<CheckOptions, 'styleRules' | 'unknownVariables' | 'severities'> & TestingOptions): ValidationSettings {
  return { styleRules: options.styleRules, unknownVariables: options.unknownVariables, severities: options.severities, extraRules: options.extraRules };
}

function toProblem(d: Diagnostic): Problem {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? 1],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : (d.message as { value: string }).value,
  };
}


/** One place where code reads (or sets) a variable, as `envls usage` lists it. */
export interface VariableUse {
  /** The file, relative to `cwd` ('/'-separated). */
  path: string;
  /** 1-based line and column (UTF-16) of the name. */
  line: number;
  column: number;
  /** The language envls read the file as (VS Code's id: typescript, python, dockercompose …). */
  language: string;
  /** 'read'; 'set' where the file gives the variable a value (compose `environment:`, Dockerfile ENV/ARG). */
  kind: 'read' | 'set';
  /** The code supplies its own value when the variable is unset (`?? 'd'`, `os.getenv('X', 'd')`, `${X:-d}` …). */
  hasFallback: boolean;
}

export interface UsageOptions {
  /** Where relative paths are resolved and shown from; default `process.cwd()`. */
  cwd?: string;
  /** The folder whose code is searched (an app's folder); default `cwd`. */
  folder?: string;
  /** Only these languages (VS Code ids); default all. */
  languages?: readonly string[];
  /** Skip what git ignores (default true). */
  respectGitignore?: boolean;
}

export interface UsageResult {
  name: string;
  /** The folder searched, absolute. */
  folder: string;
  /** By path, then position. */
  uses: VariableUse[];
  /** Code files looked at. */
  files: number;
  /** True when a cap (files, entries, reads per file) left code out. */
  truncated: boolean;
}

/**
 * Where the code under a folder reads a variable: JavaScript/TypeScript, Python, Go, Ruby, PHP,
 * Rust, shell scripts, Dockerfiles and compose files, read with real parsers (comments and strings
 * are not reads). Throws an Error with a `code` (e.g. `ENOENT`) when the folder cannot be read.
 */
export async function usage(name: string, options: UsageOptions = {}): Promise<UsageResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const folder = resolve(cwd, options.folder ?? '.');
  if (!statSync(folder).isDirectory()) throw Object.assign(new Error(`${options.folder} is not a folder`), { code: 'ENOTDIR' });
  const languages = options.languages?.filter((l): l is CodeLanguage => (CODE_LANGUAGES as readonly string[]).includes(l));
  const workspace = await CodeWorkspace.scan(folder, { languages, respectGitignore: options.respectGitignore });
  const uses = workspace.index.readsOf(name).map(({ path, language, read }): VariableUse => ({
    path: relative(cwd, join(folder, path)).split(sep).join('/') || path,
    line: read.range.start.line + 1,
    column: read.range.start.character + 1,
    language,
    kind: read.kind,
    hasFallback: read.hasFallback,
  }));
  return { name, folder, uses, files: workspace.stats.files, truncated: workspace.stats.truncated || workspace.index.truncated.size > 0 };
}
