/**
 * Every regular file below a folder, for the CLI's folder arguments and the server's
 * `envls.schemaFiles` globs.
 *
 * Symbolic links are never followed, neither to folders nor to files: a link can lead out
 * of the folder the user named (checking files they did not ask for) or back into it
 * (`a -> .` loops forever). A file the user names itself is still read through its link.
 * Dependency and build folders are skipped. The walk is iterative and yields one path at a
 * time, so depth cannot overflow the stack and 100,000s of files are never spread into a call.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', '.e2e']);

export interface FolderListing {
  dir: string;
  /** Every entry name of the folder, links included (marker-file detection reads them). */
  names: string[];
}

export function* walkFiles(root: string, onFolder?: (listing: FolderListing) => void): Generator<string> {
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    onFolder?.({ dir, names: entries.map((entry) => entry.name) });
    const subfolders: string[] = [];
    for (const entry of entries) {
      // Dirent types come from lstat: a link is neither a directory nor a file here.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) subfolders.push(join(dir, entry.name));
      } else if (entry.isFile()) yield join(dir, entry.name);
    }
    // Reversed so that folders are visited in the order readdir gave them.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]);
  }
}
