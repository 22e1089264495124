/**
 * Whether git ignores or tracks a file, decided as git decides, for notGitignored.
 *
 * Ignoring: the `ignore` package (a maintained implementation of gitignore's pattern rules,
 * tested against git itself) over the sources git reads, in git's precedence, lowest first:
 * the global excludes file (core.excludesFile, else $XDG_CONFIG_HOME/git/ignore, else
 * ~/.config/git/ignore), `.git/info/exclude`, then each `.gitignore` from the repository root
 * down to the file's folder (a deeper file's patterns override a higher one's). A file inside an
 * ignored folder is ignored whatever later patterns say, as in git ("it is not possible to
 * re-include a file if a parent directory of that file is excluded"). Chosen over spawning
 * `git check-ignore` per file: no process per question, answers in microseconds once the
 * .gitignore files are read, and the same answer whether git is installed or not.
 *
 * Tracking: `git ls-files --error-unmatch` through execFile (no shell), asked once per file;
 * reading .git/index ourselves would mean parsing a binary format with several versions.
 *
 * Outside a git repository both answer undefined: envls says nothing there.
 */
import type * as ChildProcess from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface GitEnvironment {
  /** $HOME; the process's by default. */
  home?: string;
  /** $XDG_CONFIG_HOME; the process's by default. */
  xdgConfigHome?: string;
}

const MAX_IGNORE_FILE_BYTES = 1 << 20;

/** The folder holding `.git` (a folder, or a file as in worktrees and submodules) at or above `path`. */
export function findRepositoryRoot(path: string): string | undefined {
  let dir = resolve(path);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readSmall(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_IGNORE_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The repository's git directory shared by all worktrees (where info/exclude and config live). */
function commonGitDir(root: string): string {
  const dotGit = join(root, '.git');
  const pointer = readSmall(dotGit);
  if (pointer === undefined) return dotGit;
  const gitDir = resolve(root, /^gitdir:\s*(.*)$/m.exec(pointer)?.[1]?.trim() ?? '.git');
  const common = readSmall(join(gitDir, 'commondir'))?.trim();
  return common ? resolve(gitDir, common) : gitDir;
}

/** core.excludesFile from a git config text ([core] section, last assignment wins), `~/` expanded. */
export function excludesFileFromConfig(text: string, home: string): string | undefined {
  let inCore = false;
  let found: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]\s"]+)(?:\s+"[^"]*")?\]/.exec(line);
    if (section) {
      inCore = section[1].toLowerCase() === 'core';
      continue;
    }
    const setting = /^\s*excludesfile\s*=\s*(.*?)\s*$/i.exec(line);
    if (inCore && setting) {
      const value = setting[1].replace(/^"(.*)"$/, '$1');
      found = value.startsWith('~/') ? join(home, value.slice(2)) : value;
    }
  }
  return found;
}

export class GitIgnoreOracle {
  private readonly root: string;
  private readonly env: Required<GitEnvironment>;
  /** Folder (relative to root, '' for the root) → its .gitignore, null when it has none. */
  private readonly perFolder = new Map<string, Ignore | null>();
  private base: Ignore[] | undefined;
  private readonly dirIgnored = new Map<string, boolean>();

  private constructor(root: string, env: GitEnvironment) {
    this.root = root;
    const home = env.home ?? homedir();
    this.env = { home, xdgConfigHome: env.xdgConfigHome ?? process.env.XDG_CONFIG_HOME ?? join(home, '.config') };
  }

  /** The oracle of the repository holding `path`; undefined outside a git repository. */
  static forPath(path: string, env: GitEnvironment = {}): GitIgnoreOracle | undefined {
    const root = findRepositoryRoot(path);
    return root === undefined ? undefined : new GitIgnoreOracle(root, env);
  }

  get repositoryRoot(): string {
    return this.root;
  }

  /** Forget what was read (a .gitignore, info/exclude or git config changed). */
  invalidate(): void {
    this.perFolder.clear();
    this.dirIgnored.clear();
    this.base = undefined;
  }

  /** Whether git ignores the file (or folder, `isDirectory`); undefined outside this repository. */
  isGitIgnored(path: string, isDirectory = false): boolean | undefined {
    const rel = this.relativeOf(path);
    if (rel === undefined) return undefined;
    if (rel === '') return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (this.isFolderIgnored(parts.slice(0, i).join('/'))) return true;
    return this.decide(rel, isDirectory);
  }

  /** Whether git tracks the file; undefined outside this repository or when git cannot be run. */
  isTrackedByGit(path: string): Promise<boolean | undefined> {
    const rel = this.relativeOf(path);
    if (rel === undefined || rel === '') return Promise.resolve(undefined);
    return new Promise((resolvePromise) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { execFile } = require('node:child_process') as typeof ChildProcess;
      execFile('git', ['ls-files', '--error-unmatch', '--', rel], { cwd: this.root, timeout: 10_000, windowsHide: true }, (error) => {
        if (!error) resolvePromise(true);
        else if (typeof (error as { code?: unknown }).code === 'number') resolvePromise(false);
        else resolvePromise(undefined);
      });
    });
  }

  private relativeOf(path: string): string | undefined {
    const rel = relative(this.root, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  private isFolderIgnored(rel: string): boolean {
    let ignored = this.dirIgnored.get(rel);
    if (ignored === undefined) {
      const slash = rel.lastIndexOf('/');
      ignored = (slash !== -1 && this.isFolderIgnored(rel.slice(0, slash))) || this.decide(rel, true);
      this.dirIgnored.set(rel, ignored);
    }
    return ignored;
  }

  /** The last source with a matching pattern decides: git's precedence, lowest first. */
  private decide(rel: string, isDirectory: boolean): boolean {
    const suffix = isDirectory ? '/' : '';
    let ignored = false;
    for (const source of this.baseSources()) ignored = apply(source.test(rel + suffix), ignored);
    const parts = rel.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const source = this.gitignoreOf(folder);
      if (source) ignored = apply(source.test(parts.slice(depth).join('/') + suffix), ignored);
    }
    return ignored;
  }

  private baseSources(): Ignore[] {
    if (!this.base) {
      const gitDir = commonGitDir(this.root);
      let excludesFile: string | undefined;
      for (const config of [join(this.env.xdgConfigHome, 'git', 'config'), join(this.env.home, '.gitconfig'), join(gitDir, 'config')]) {
        const text = readSmall(config);
        const value = text === undefined ? undefined : excludesFileFromConfig(text, this.env.home);
        if (value !== undefined) excludesFile = resolve(this.root, value);
      }
      excludesFile ??= join(this.env.xdgConfigHome, 'git', 'ignore');
      this.base = [excludesFile, join(gitDir, 'info', 'exclude')]
        .map((file) => readSmall(file))
        .filter((text): text is string => text !== undefined)
        .map((text) => ignore().add(text));
    }
    return this.base;
  }

  private gitignoreOf(folder: string): Ignore | null {
    let source = this.perFolder.get(folder);
    if (source === undefined) {
      const text = readSmall(join(this.root, folder, '.gitignore'));
      source = text === undefined ? null : ignore().add(text);
      this.perFolder.set(folder, source);
    }
    return source;
  }
}

function apply(result: { ignored: boolean; unignored: boolean }, current: boolean): boolean {
  if (result.ignored) return true;
  if (result.unignored) return false;
  return current;
}
