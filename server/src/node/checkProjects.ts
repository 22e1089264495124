/**
 * The project of each file `envls check` and `envls sync` look at: the workspace is the file's
 * git repository (its root, where .gitignore files and the example of a sibling app live), else
 * the current folder when the file is inside it, else the file's own folder. Each workspace is
 * scanned once (projectScan's bounded scan) and git is asked once per workspace which of the
 * files are tracked (`git ls-files`, one process, no shell), since the CLI works synchronously.
 */
import type * as ChildProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { projectContextFor, type GitFacts, type ProjectContext } from '../service/project/context';
import { findRepositoryRoot } from './projectGit';
import { ProjectWorkspace, readTextFile } from './projectScan';

export class CheckProjects {
  private readonly cwd: string;
  private readonly workspaces = new Map<string, ProjectWorkspace>();
  private readonly tracked = new Map<string, Set<string> | undefined>();
  private readonly repositories = new Map<string, string | null>();

  constructor(cwd: string) {
    this.cwd = resolve(cwd);
  }

  /** The workspace holding `absolute`, scanned on first use. */
  workspaceOf(absolute: string): ProjectWorkspace {
    const folder = dirname(absolute);
    // Thousands of files share a few folders: each folder's repository is looked up once.
    let repository = this.repositories.get(folder);
    if (repository === undefined) this.repositories.set(folder, (repository = findRepositoryRoot(folder) ?? null));
    const root = repository ?? (inside(absolute, this.cwd) ? this.cwd : folder);
    let workspace = this.workspaces.get(root);
    if (!workspace) this.workspaces.set(root, (workspace = ProjectWorkspace.scan(root)));
    return workspace;
  }

  /** The file's project context, or undefined when the model gives it no role. */
  contextOf(absolute: string): ProjectContext | undefined {
    const workspace = this.workspaceOf(absolute);
    const rel = workspace.relativePath(absolute);
    if (rel === undefined) return undefined;
    return projectContextFor(workspace.model, rel, this.gitFacts(workspace, absolute, rel));
  }

  /** Ask git once per workspace about every file that will be checked. */
  prefetchTracked(paths: readonly string[]): void {
    const byWorkspace = new Map<ProjectWorkspace, string[]>();
    for (const path of paths) {
      const workspace = this.workspaceOf(path);
      const rel = workspace.relativePath(path);
      if (!workspace.git || rel === undefined) continue;
      byWorkspace.set(workspace, [...(byWorkspace.get(workspace) ?? []), rel]);
    }
    for (const [workspace, rels] of byWorkspace) this.tracked.set(workspace.root, trackedAmong(workspace.root, rels));
  }

  private gitFacts(workspace: ProjectWorkspace, absolute: string, rel: string): GitFacts | undefined {
    const git = workspace.git;
    if (!git) return undefined;
    if (!this.tracked.has(workspace.root)) this.prefetchTracked([absolute]);
    return {
      ignored: git.isGitIgnored(absolute) === true,
      tracked: this.tracked.get(workspace.root)?.has(rel) === true,
      gitignore: nearestGitignore(workspace.root, rel),
    };
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Which of `rels` git tracks; undefined when git cannot be run (then nothing counts as tracked). */
function trackedAmong(root: string, rels: readonly string[]): Set<string> | undefined {
  try {
    // Required here: a check outside any git repository never loads child_process.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('node:child_process') as typeof ChildProcess;
    const out = execFileSync('git', ['ls-files', '-z', '--', ...rels], { cwd: root, encoding: 'utf8', timeout: 10_000, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 << 20 });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/** The `.gitignore` nearest the file (its folder, then each parent up to the root), else the root's, to be created. */
function nearestGitignore(root: string, rel: string): { path: string; text?: string } {
  const parts = rel.split('/');
  parts.pop();
  for (let depth = parts.length; depth >= 0; depth--) {
    const path = [...parts.slice(0, depth), '.gitignore'].join('/');
    if (existsSync(join(root, path))) return { path, text: readTextFile(join(root, path)) ?? '' };
  }
  return { path: '.gitignore' };
}
