/** Workspace-relative POSIX paths ('' is the workspace folder itself); the project model never sees absolute paths. */

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** `dir` itself, then each parent up to the workspace folder (''). */
export function* selfAndAncestors(dir: string): Generator<string> {
  let current = dir;
  for (;;) {
    yield current;
    if (current === '') return;
    current = dirOf(current);
  }
}

/**
 * Resolves `relative` (as written in a compose file or a setting, `./a.env`, `../b/.env`) against `dir`.
 * undefined when it is absolute or climbs above the workspace folder: such a file is not part of the model.
 */
export function resolvePath(dir: string, relative: string): string | undefined {
  if (relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return undefined;
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of relative.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
