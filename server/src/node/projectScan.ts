/**
 * Feeds the project model from the file system: one bounded scan of a workspace folder, then
 * file-watch events, one path at a time, without rescanning.
 *
 * The scan looks for package manifests, compose files and env files; it never follows a
 * symbolic link to a folder (no loops, no walking out of the workspace), skips dependency,
 * build and virtual-environment folders and the folders git ignores (env files git ignores are
 * kept: `.env.local` usually is one), and stops after `maxEntries` directory entries. Manifests
 * and compose files are read during the scan; env files only when a query needs their text.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ProjectModel, projectFileKind, type ProjectFileInput, type ProjectOptions } from '../service/project/model';
import { GitIgnoreOracle, type GitEnvironment } from './projectGit';

export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'vendor', 'venv', '.venv', '.e2e', '__pycache__', '.next', '.nuxt', '.svelte-kit']);

export interface ScanOptions {
  /** Directory entries looked at before the scan stops (bounded work on huge trees). */
  maxEntries?: number;
  /** Files larger than this are treated as unreadable. */
  maxFileBytes?: number;
  /** Skip folders git ignores (default true; needs a repository). */
  respectGitignore?: boolean;
  git?: GitEnvironment;
}

export interface ScanResult {
  files: ProjectFileInput[];
  /** True when maxEntries stopped the scan. */
  truncated: boolean;
  entries: number;
}

const DEFAULTS = { maxEntries: 200_000, maxFileBytes: 1 << 20 };

export function readTextFile(path: string, maxBytes = DEFAULTS.maxFileBytes): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The model's input for one file: manifests and compose files read now, env files when needed. */
export function projectInput(absolute: string, rel: string, maxFileBytes = DEFAULTS.maxFileBytes): ProjectFileInput | undefined {
  const kind = projectFileKind(rel);
  if (!kind) return undefined;
  return { path: rel, text: kind === 'env' ? () => readTextFile(absolute, maxFileBytes) : readTextFile(absolute, maxFileBytes) };
}

export function scanWorkspace(root: string, options: ScanOptions = {}, git?: GitIgnoreOracle): ScanResult {
  const maxEntries = options.maxEntries ?? DEFAULTS.maxEntries;
  const maxFileBytes = options.maxFileBytes ?? DEFAULTS.maxFileBytes;
  const result: ScanResult = { files: [], truncated: false, entries: 0 };
  const pending: string[] = [resolve(root)];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++result.entries > maxEntries) {
        result.truncated = true;
        return result;
      }
      const absolute = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A link to a file is read like the file; a link to a folder is never followed.
        try {
          isFile = statSync(absolute).isFile();
        } catch {
          isFile = false;
        }
        isDirectory = false;
      }
      if (isDirectory) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (options.respectGitignore !== false && git?.isGitIgnored(absolute, true)) continue;
        pending.push(absolute);
      } else if (isFile) {
        const input = projectInput(absolute, toPosix(relative(root, absolute)), maxFileBytes);
        if (input) result.files.push(input);
      }
    }
  }
  return result;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export type FileEventKind = 'created' | 'changed' | 'deleted';

/**
 * A workspace folder's project model, built by one scan and kept current by file events.
 */
export class ProjectWorkspace {
  readonly root: string;
  readonly model: ProjectModel;
  readonly git: GitIgnoreOracle | undefined;
  readonly truncated: boolean;
  private readonly options: ScanOptions;

  private constructor(root: string, model: ProjectModel, git: GitIgnoreOracle | undefined, truncated: boolean, options: ScanOptions) {
    this.root = root;
    this.model = model;
    this.git = git;
    this.truncated = truncated;
    this.options = options;
  }

  static scan(root: string, options: ScanOptions = {}, projectOptions: ProjectOptions = {}): ProjectWorkspace {
    const absoluteRoot = resolve(root);
    const git = GitIgnoreOracle.forPath(absoluteRoot, options.git);
    const scan = scanWorkspace(absoluteRoot, options, git);
    return new ProjectWorkspace(absoluteRoot, new ProjectModel(scan.files, projectOptions), git, scan.truncated, options);
  }

  /** The model's path of an absolute path; undefined outside the folder. */
  relativePath(absolute: string): string | undefined {
    const rel = relative(this.root, resolve(absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return toPosix(rel);
  }

  /**
   * Applies one file-watch event; true when the model changed. A `.gitignore` change makes the git
   * oracle forget what it read; paths in folders the scan skips are ignored like the scan ignores them.
   */
  onFileEvent(absolute: string, kind: FileEventKind): boolean {
    const rel = this.relativePath(absolute);
    if (rel === undefined) return false;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (name === '.gitignore' || rel.startsWith('.git/')) this.git?.invalidate();
    if (!projectFileKind(rel) || this.inSkippedFolder(rel)) return false;
    if (kind === 'deleted') return this.model.deleteFile(rel);
    const input = projectInput(join(this.root, rel), rel, this.options.maxFileBytes);
    return input !== undefined && this.model.setFile(input);
  }

  private inSkippedFolder(rel: string): boolean {
    const parts = rel.split('/');
    parts.pop();
    if (parts.some((part) => SKIPPED_FOLDERS.has(part))) return true;
    if (parts.length === 0 || this.options.respectGitignore === false || !this.git) return false;
    return this.git.isGitIgnored(join(this.root, ...parts), true) === true;
  }
}
