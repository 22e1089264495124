/** Resolves envls.schemaFiles globs (relative to each workspace folder, or absolute paths). */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { picomatch } from '../service/glob';
import { walkFiles } from './walk';

export function findSchemaFiles(globs: readonly string[], workspaceFolders: readonly string[]): string[] {
  const out = new Set<string>();
  for (const glob of globs) {
    if (!picomatch.scan(glob).isGlob) {
      for (const folder of isAbsolute(glob) ? [''] : workspaceFolders) {
        const path = resolve(folder, glob);
        if (existsSync(path)) out.add(path);
      }
      continue;
    }
    const isMatch = picomatch(glob, { dot: true });
    for (const folder of workspaceFolders) {
      for (const file of walkFiles(folder)) if (file.endsWith('.json') && isMatch(relative(folder, file))) out.add(file);
    }
  }
  return [...out].sort();
}
