/**
 * Temporary workspace folders for tests that run the real server or CLI on files on disk, removed
 * after the test file. `isolateHome` points HOME and XDG_CONFIG_HOME (inherited by a spawned
 * server) at an empty folder, so git's global excludes file cannot decide a test.
 */
import { after } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TempWorkspaces {
  /** A new workspace folder holding these files (paths relative to it, '/'-separated). */
  workspace(files: Record<string, string>): string;
  /** Writes one file under `root`, creating its folders. */
  write(root: string, path: string, text: string): void;
  /** The file: URI of `path` under `root`. */
  uriIn(root: string, path: string): string;
}

export function tempWorkspaces(prefix: string, options: { isolateHome?: boolean } = {}): TempWorkspaces {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  if (options.isolateHome) {
    const home = mkdtempSync(join(tmpdir(), `${prefix}-home-`));
    roots.push(home);
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, '.config');
  }
  const write = (root: string, path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return {
    workspace(files) {
      const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
      roots.push(root);
      for (const [path, text] of Object.entries(files)) write(root, path, text);
      return root;
    },
    write,
    uriIn: (root, path) => pathToFileURL(join(root, path)).toString(),
  };
}
