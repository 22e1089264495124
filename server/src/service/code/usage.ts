/**
 * What the code of one app reads, as the features see it: the reads of a name (for references,
 * rename, hover's "read in 3 places", definition's starting point) and whether the app's index is
 * complete (only then may envls say that no code reads a variable). Built from the code index's
 * per-file reads; `codeUsageOf` builds it from plain CodeFileReads (the CLI, tests).
 */
import type { CodeFileReads, EnvRead } from './types';

/** One read of a variable, with the file it is in. */
export interface CodeRead {
  /** Workspace-relative path of the code file. */
  path: string;
  read: EnvRead;
}

export interface CodeUsage {
  /** Every code file of the app was read: "no code reads it" may be said only then. */
  complete: boolean;
  /** How many code files the app has (0: an app without code, about which nothing is said). */
  fileCount: number;
  /** Every read (and compose/Dockerfile set) of `name` by the app's code, by path then position. */
  readsOf(name: string): readonly CodeRead[];
}

/** The reads (kind 'read') among a name's uses: what "read in N places" counts. */
export function readsOnly(reads: readonly CodeRead[]): CodeRead[] {
  return reads.filter((r) => r.read.kind === 'read');
}

/** A CodeUsage over the given files (all of one app). */
export function codeUsageOf(files: readonly CodeFileReads[], complete = true): CodeUsage {
  const byName = new Map<string, CodeRead[]>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const reads = [...file.reads].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const read of reads) {
      let list = byName.get(read.name);
      if (!list) byName.set(read.name, (list = []));
      list.push({ path: file.path, read });
    }
  }
  return { complete, fileCount: files.length, readsOf: (name) => byName.get(name) ?? [] };
}
