/**
 * The CLI prints a file's path as the user typed it: `envls check /srv/app/.env` prints
 * `/srv/app/.env`, `envls check ./app` prints `./app/.env`, a glob `apps/*\/.env` prints
 * `apps/web/.env` (never made relative or absolute differently from the argument).
 */
import { relative, resolve, sep } from 'node:path';
import { picomatch } from '../service/glob';

/**
 * The shown path of each file found from `args` (the command line's paths, folders and globs)
 * in `cwd`; files are absolute. Each argument's root is worked out once per command line.
 */
export function shownPaths(cwd: string, args: readonly string[]): (file: string) => string {
  const roots = (args.length > 0 ? args : ['.']).map((arg) => {
    const scanned = picomatch.scan(arg);
    const typedRoot = scanned.isGlob ? scanned.base || '.' : arg;
    const root = resolve(cwd, typedRoot);
    return { arg, typedRoot, root, prefix: root.endsWith(sep) ? root : root + sep };
  });
  return (file) => {
    for (const { arg, typedRoot, root, prefix } of roots) {
      if (file === root) return arg;
      if (file.startsWith(prefix)) {
        // Both are resolved paths: the part after the root is what relative() gives, without its cost per file.
        const rest = file.slice(prefix.length);
        // `.` found a file below the working folder: print it as `sub/.env`, as relative paths always were.
        if (typedRoot === '.') return rest;
        return typedRoot.endsWith('/') || typedRoot.endsWith(sep) ? typedRoot + rest : `${typedRoot}${sep}${rest}`;
      }
    }
    return relative(cwd, file) || file;
  };
}
