/** Finding .env files for the CLI: paths, folders (searched recursively) and globs. */
import { statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { picomatch } from '../service/glob';
import { walkFiles, type FolderListing } from './walk';

/** `.env`, `.env.local`, `.env.production`, `prod.env`, `.env-local`… */
export function isEnvFileName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.startsWith('.env-') || name.endsWith('.env');
}

export interface FoundFiles {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Arguments that named nothing readable. */
  missing: string[];
}

/**
 * Folders and globs are walked without following links (see walk.ts); a path named
 * directly is taken as given. `onFolder` sees every folder listing the walk made, so
 * that callers can reuse it instead of reading the folder again.
 */
export function findEnvFiles(args: readonly string[], cwd: string, onFolder?: (listing: FolderListing) => void): FoundFiles {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const root = resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob, { dot: true });
      let matched = 0;
      for (const file of walkFiles(root, onFolder)) {
        if (!isMatch(relative(root, file))) continue;
        files.add(file);
        matched++;
      }
      if (matched === 0) missing.push(arg);
      continue;
    }
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(arg);
      continue;
    }
    if (!stat.isDirectory()) files.add(path);
    else for (const file of walkFiles(path, onFolder)) if (isEnvFileName(basename(file))) files.add(file);
  }
  return { files: [...files].sort(), missing };
}
