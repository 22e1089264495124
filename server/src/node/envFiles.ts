/** Finding .env files for the CLI: paths, folders (searched recursively) and globs. */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { walkFiles as walk } from './walk';

/** `.env`, `.env.local`, `.env.production`, `prod.env`, `.env-local`… */
export function isEnvFileName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.startsWith('.env-') || name.endsWith('.env');
}

export interface FoundFiles {
  files: string[];
  /** Arguments that named nothing readable. */
  missing: string[];
}

export function findEnvFiles(args: readonly string[], cwd: string): FoundFiles {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    if (picomatch.scan(arg).isGlob) {
      const { base, glob } = picomatch.scan(arg);
      const root = resolve(cwd, base || '.');
      const isMatch = picomatch(glob, { dot: true });
      const matched = walk(root).filter((file) => isMatch(relative(root, file)));
      if (matched.length === 0) missing.push(arg);
      files.push(...matched);
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
    if (stat.isDirectory()) files.push(...walk(path).filter((file) => isEnvFileName(file.slice(file.lastIndexOf('/') + 1))));
    else files.push(path);
  }
  return { files: [...new Set(files)].sort(), missing };
}
