/**
 * envls.schemas (schema id -> globs relative to the workspace folder), compiled once
 * per settings change, never per keystroke. Each glob's cost is bounded before it is
 * compiled: a length cap, a cap on wildcards (a glob like `*a*a*a…b` becomes a regular
 * expression whose matching is polynomial in the path length, with the number of
 * wildcards as the exponent), and no extglobs (`+(a|aa)` compiles to a backtracking
 * group). A refused glob is reported once and ignored. Match results are kept per path:
 * a document's path does not change while it is typed in.
 */
import { basename, relative } from 'node:path';
import { picomatch } from '../service/glob';

export const MAX_GLOB_LENGTH = 1000;
export const MAX_WILDCARDS = 12;
export const MAX_WILDCARDS_PER_SEGMENT = 3;
const MAX_CACHED_PATHS = 2000;

export interface RefusedGlob {
  id: string;
  glob: string;
  reason: string;
}

export interface SchemaGlobMatch {
  ids: string[];
  reason?: string;
}

interface Compiled {
  id: string;
  globs: string[];
  matchers: ((path: string) => boolean)[];
}

export class SchemaGlobs {
  readonly refused: RefusedGlob[] = [];
  private readonly compiled: Compiled[] = [];
  private readonly matches = new Map<string, SchemaGlobMatch>();

  constructor(globs: Readonly<Record<string, string | readonly string[]>>) {
    for (const [id, value] of Object.entries(globs)) {
      const list = typeof value === 'string' ? [value] : [...value];
      const matchers: Compiled['matchers'] = [];
      for (const glob of list) {
        const problem = globProblem(glob);
        if (problem) {
          this.refused.push({ id, glob: glob.length > 80 ? `${glob.slice(0, 80)}…` : glob, reason: problem });
          continue;
        }
        try {
          matchers.push(picomatch(glob, { dot: true, basename: !glob.includes('/'), noextglob: true }));
        } catch (error) {
          this.refused.push({ id, glob, reason: (error as Error).message });
        }
      }
      if (matchers.length > 0) this.compiled.push({ id, globs: list, matchers });
    }
  }

  get isEmpty(): boolean {
    return this.compiled.length === 0;
  }

  /** The schema ids whose globs match this file (relative to its workspace folder, or by name). */
  match(filePath: string, workspaceFolder: string | undefined): SchemaGlobMatch {
    const key = `${workspaceFolder ?? ''}\u0000${filePath}`;
    const known = this.matches.get(key);
    if (known) return known;
    const rel = workspaceFolder ? relative(workspaceFolder, filePath) : basename(filePath);
    const result: SchemaGlobMatch = { ids: [] };
    for (const { id, globs, matchers } of this.compiled) {
      if (matchers.some((isMatch) => isMatch(rel))) {
        result.ids.push(id);
        result.reason = `envls.schemas setting (${id}: ${globs.join(', ')})`;
      }
    }
    if (this.matches.size >= MAX_CACHED_PATHS) this.matches.clear();
    this.matches.set(key, result);
    return result;
  }
}

/** Why a glob is too costly to compile or match, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  let total = 0;
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      total++;
      continue;
    }
    const wildcards = (segment.match(/\*+|\?|\[|\{/g) ?? []).length;
    if (wildcards > MAX_WILDCARDS_PER_SEGMENT) return `more than ${MAX_WILDCARDS_PER_SEGMENT} wildcards in one path segment`;
    total += wildcards;
  }
  if (total > MAX_WILDCARDS) return `more than ${MAX_WILDCARDS} wildcards`;
  return undefined;
}
