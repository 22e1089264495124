/**
 * The CLI prints a file's path as the user typed it: `envls check /srv/app/.env` prints
 * `/srv/app/.env`, `envls check ./app` prints `./app/.env`, a glob `apps/*\/.env` prints
 * `apps/web/.env` (never made relative or absolute differently from the argument).
 */
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** `file` is absolute, as found from `args` (the command line's paths, folders and globs) in `cwd`. */
export function shownPath(file: string, cwd: string, args: readonly string[]): string {
  for (const arg of args.length > 0 ? args : ['.']) {
    const typedRoot = picomatch.scan(arg).isGlob ? picomatch.scan(arg).base || '.' : arg;
    const root = resolve(cwd, typedRoot);
    if (file === root) return arg;
    if (file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      const rest = relative(root, file);
      // `.` found a file below the working folder: print it as `sub/.env`, as relative paths always were.
      if (typedRoot === '.') return rest;
      return typedRoot.endsWith('/') || typedRoot.endsWith(sep) ? typedRoot + rest : `${typedRoot}${sep}${rest}`;
    }
  }
  return relative(cwd, file) || file;
}

/** "3 errors, 2 warnings in 4 files". */
export function checkSummary(errors: number, warnings: number, files: number): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}`;
}
