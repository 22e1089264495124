/**
 * The dependencies a file's app declares: its nearest manifests, found walking up from the
 * file's folder to the first folder holding one (package.json, pyproject.toml, Gemfile…),
 * never above the workspace folder or the repository root (a folder holding `.git`).
 * Each manifest is parsed once per change (cached by path, size and mtime).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { declaredDependencies, MANIFEST_NAMES } from '../service/project/manifests';
import type { DeclaredDependencies } from '../service/schema/detect';

/** Deep enough for any real tree; a bound on the walk whatever the path. */
const MAX_LEVELS = 32;
/** A manifest larger than this is not read (a generated or hostile file). */
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

const parsed = new Map<string, { stamp: string; dependencies: DeclaredDependencies | undefined }>();

export function appDependencies(folder: string, listDirectory: (path: string) => string[], stopAt?: string): DeclaredDependencies[] {
  let current = folder;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const { manifests, repositoryRoot } = folderFacts(listDirectory(current));
    if (manifests.length > 0) return manifests.flatMap((name) => read(join(current, name), name) ?? []);
    const parent = dirname(current);
    if (parent === current || current === stopAt || repositoryRoot) return [];
    current = parent;
  }
  return [];
}

/**
 * What one folder listing says, kept per listing: a caller that lists each folder once (envls check
 * over thousands of files, all walking up through the same parents, /tmp with thousands of entries)
 * looks at each listing once, not once per file. A fresh listing is a fresh array, so never stale.
 */
const facts = new WeakMap<readonly string[], { manifests: string[]; repositoryRoot: boolean }>();

function folderFacts(names: readonly string[]): { manifests: string[]; repositoryRoot: boolean } {
  let known = facts.get(names);
  if (!known) {
    known = { manifests: names.filter((name) => MANIFEST_NAMES.has(name)).sort(), repositoryRoot: names.includes('.git') };
    facts.set(names, known);
  }
  return known;
}

function read(path: string, name: string): DeclaredDependencies | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const cached = parsed.get(path);
    if (cached?.stamp === stamp) return cached.dependencies;
    const dependencies = declaredDependencies(name, readFileSync(path, 'utf8'));
    if (parsed.size > 256) parsed.clear();
    parsed.set(path, { stamp, dependencies });
    return dependencies;
  } catch {
    return undefined;
  }
}
