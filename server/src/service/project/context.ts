/**
 * What the analysis of one env file needs to know about its project: its role, the files loaded
 * with it in each mode (parsed), its app's example, whether docker compose reads it, and what git
 * says about it. Built by a pure function from the ProjectModel; the rules, hover and completion
 * read it, and none of them looks at the model again.
 *
 * The file's own keys always come from the document being analysed (the editor's buffer), never
 * from the model's copy of the file, which may be older.
 */
import type { Comment, Entry, EnvDocument } from '../parser/model';
import { entriesByKey } from '../rules/entryIndex';
import type { Layering, ProjectModel } from './model';
import { baseName, dirOf } from './paths';
import type { FileRole } from './roles';
import type { CodeUsage } from '../code/usage';
import { holdsValues } from './roles';

/** What git says about the file; undefined outside a git repository. */
export interface GitFacts {
  ignored: boolean;
  tracked: boolean;
  /** The nearest `.gitignore` (workspace-relative) and its text; text undefined when the file does not exist yet. */
  gitignore?: { path: string; text?: string };
}

export interface ExampleFacts {
  /** Workspace-relative path of the example. */
  path: string;
  doc: EnvDocument;
}

export interface ProjectContext {
  /** Workspace-relative path of the file. */
  path: string;
  role: FileRole;
  /** The title of the app's convention ("Next.js"); undefined for a file of no app. */
  conventionTitle?: string;
  /** The modes that load the file, each with its files, the one that wins first (this file among them). */
  layerings: readonly Layering[];
  /** The other files of those modes, parsed (an unreadable file is left out). */
  layers: ReadonlyMap<string, EnvDocument>;
  /** The app's example nearest to the file (never the file itself). */
  example?: ExampleFacts;
  /** The app's `.env.schema` nearest to the file (never the file itself): the project's declaration of its variables. */
  schemaFile?: ExampleFacts;
  /** Whether docker compose reads the file (a service's env_file or the project `.env`). */
  readByCompose: boolean;
  git?: GitFacts;
  /** What the app's code reads (the code index), when code features are on; unusedVariable and hover use it. */
  code?: CodeUsage;
}

/** The context of `path` in `model`; `git` is what the caller learnt from git (undefined outside a repository). */
export function projectContextFor(model: ProjectModel, path: string, git?: GitFacts): ProjectContext | undefined {
  const role = model.roleOf(path);
  if (!role) return undefined;
  const layerings = model.layersOf(path);
  const layers = new Map<string, EnvDocument>();
  for (const { files } of layerings) {
    for (const file of files) {
      if (file === path || layers.has(file)) continue;
      const doc = model.document(file);
      if (doc) layers.set(file, doc);
    }
  }
  const examplePath = model.nearestExample(path);
  const exampleDoc = examplePath === undefined ? undefined : model.document(examplePath);
  const schemaPath = role.role === 'schema' ? undefined : model.nearestSchemaFile(path);
  const schemaDoc = schemaPath === undefined ? undefined : model.document(schemaPath);
  const reading = model.composeReads(path);
  return {
    path,
    role,
    conventionTitle: model.appOf(path)?.plan.title,
    layerings,
    layers,
    example: examplePath !== undefined && exampleDoc ? { path: examplePath, doc: exampleDoc } : undefined,
    ...(schemaPath !== undefined && schemaDoc ? { schemaFile: { path: schemaPath, doc: schemaDoc } } : {}),
    readByCompose: reading.envFileOf.length > 0 || reading.interpolationFor.length > 0,
    git,
  };
}

/** Whether the file holds values a program reads (not an example, template or schema). */
export function isValuesFile(project: ProjectContext): boolean {
  return holdsValues(project.role);
}

/** Every key some other file loaded together with this one sets, in any of its modes. */
export function keysOfOtherLayers(project: ProjectContext): Set<string> {
  const keys = new Set<string>();
  for (const doc of project.layers.values()) for (const key of entriesByKey(doc).keys()) keys.add(key);
  return keys;
}

/** One mode's answer for a key the file sets. */
export interface ModeShadowing {
  mode: string;
  /** The file whose value the program reads in this mode. */
  winner: string;
  /** Whether that is this file. */
  wins: boolean;
  /** Files of the mode that set the key too and lose to this one. */
  overrides: string[];
}

/** For a key this file sets: in each mode that loads it, who wins and whom it overrides. */
export function shadowingOf(project: ProjectContext, key: string): ModeShadowing[] {
  return project.layerings.map(({ mode, files }) => {
    const setting = files.filter((file) => file === project.path || (project.layers.get(file) && entriesByKey(project.layers.get(file)!).has(key)));
    const at = setting.indexOf(project.path);
    return { mode, winner: setting[0], wins: at === 0, overrides: setting.slice(at + 1) };
  });
}

/** The value the program reads for `key` in one mode, and the file it comes from. */
export interface ModeEffective {
  mode: string;
  /** undefined when no file of the mode sets it. */
  path?: string;
  entry?: Entry;
}

/** The effective value of `key` in each mode that loads the file (`doc` is the file's own, current text). */
export function effectiveOf(project: ProjectContext, doc: EnvDocument, key: string): ModeEffective[] {
  return project.layerings.map(({ mode, files }) => {
    for (const file of files) {
      const source = file === project.path ? doc : project.layers.get(file);
      const entry = source && entriesByKey(source).get(key);
      if (entry) return { mode, path: file, entry };
    }
    return { mode };
  });
}

/** The comment lines directly above an entry (no blank line between), top first. */
export function commentsAbove(doc: EnvDocument, entry: Entry): Comment[] {
  const byLine = new Map<number, Comment>();
  for (const comment of doc.comments) if (comment.line < entry.line) byLine.set(comment.line, comment);
  const out: Comment[] = [];
  for (let line = entry.line - 1; line >= 0; line--) {
    const comment = byLine.get(line);
    // A comment that ends another entry's line (`A=1 # note`) belongs to that entry.
    if (!comment || doc.text.slice(doc.lineStarts[line], comment.span.start).trim() !== '') break;
    out.unshift(comment);
  }
  return out;
}

/** The example's description of a key: the text of the comments directly above its entry. */
export function exampleDescription(example: ExampleFacts, key: string): string | undefined {
  const entry = entriesByKey(example.doc).get(key);
  if (!entry) return undefined;
  const text = commentsAbove(example.doc, entry).map((c) => c.text.trim()).join('\n').trim();
  return text === '' ? undefined : text;
}

/** The example marks a variable optional: "optional" in a comment on its line or right above it. */
export function isOptionalInExample(example: ExampleFacts, entry: Entry): boolean {
  const inline = entry.commentSpan ? example.doc.text.slice(entry.commentSpan.start, entry.commentSpan.end) : '';
  const above = commentsAbove(example.doc, entry).map((c) => c.text).join('\n');
  return /optional/i.test(inline) || /optional/i.test(above);
}

/** A file's name as messages show it: its base name, or its path when it is in another folder than `from`. */
export function shownPath(path: string, from: string): string {
  return dirOf(path) === dirOf(from) ? baseName(path) : path;
}
