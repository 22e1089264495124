/**
 * The reads of every code file of a workspace folder, kept current by `setFile`/`deleteFile`.
 * Pure: the caller reads and extracts (node/codeScan.ts), the index only holds the results.
 *
 * Memory is bounded: only reads are kept (names and ranges, no trees, no texts), at most
 * `maxReadsPerFile` per file and `maxFiles` files; what the caps leave out is counted in
 * `truncated`, so a caller can say the answer is partial.
 * Apps are folders (the project model's app folders): `inFolder` limits an answer to the files
 * under a folder ('' is the whole workspace), or to the paths a predicate accepts.
 */
import type { CodeFileReads, CodeLanguage, EnvRead } from './types';

export interface CodeIndexLimits {
  maxFiles: number;
  maxReadsPerFile: number;
}

export const DEFAULT_CODE_INDEX_LIMITS: CodeIndexLimits = { maxFiles: 50_000, maxReadsPerFile: 1_000 };

/** A folder ('' or '.' for the whole workspace; '/'-separated, relative) or a test on paths. */
export type FolderFilter = string | ((path: string) => boolean);

export interface ReadLocation {
  path: string;
  language: CodeLanguage;
  read: EnvRead;
}

export class CodeIndex {
  private readonly files = new Map<string, CodeFileReads>();
  /** Per kind, name → the paths that read (or set) it. */
  private readonly pathsByName = { read: new Map<string, Set<string>>(), set: new Map<string, Set<string>>() };
  private readonly limits: CodeIndexLimits;
  /** Bumped on every change: a cheap key for what callers derive from the index. */
  generation = 0;
  /** Files left out (file cap) and reads left out (per-file cap), by path. */
  readonly truncated = new Map<string, 'file' | 'reads'>();

  constructor(limits: Partial<CodeIndexLimits> = {}) {
    this.limits = { ...DEFAULT_CODE_INDEX_LIMITS, ...limits };
  }

  get size(): number {
    return this.files.size;
  }

  /** Sets a file's reads (replacing what it had). A file without reads is kept out of the index. */
  setFile(path: string, language: CodeLanguage, reads: readonly EnvRead[]): void {
    this.removeNames(path);
    this.truncated.delete(path);
    this.generation++;
    if (reads.length === 0) {
      this.files.delete(path);
      return;
    }
    if (!this.files.has(path) && this.files.size >= this.limits.maxFiles) {
      this.truncated.set(path, 'file');
      return;
    }
    let kept = reads;
    if (reads.length > this.limits.maxReadsPerFile) {
      kept = reads.slice(0, this.limits.maxReadsPerFile);
      this.truncated.set(path, 'reads');
    }
    this.files.set(path, { path, language, reads: kept });
    for (const read of kept) {
      const byName = this.pathsByName[read.kind];
      let paths = byName.get(read.name);
      if (!paths) byName.set(read.name, (paths = new Set()));
      paths.add(path);
    }
  }

  deleteFile(path: string): void {
    this.removeNames(path);
    this.truncated.delete(path);
    if (this.files.delete(path)) this.generation++;
  }

  /** Every file under a folder (e.g. a deleted folder's). */
  deleteFolder(folder: string): void {
    for (const path of [...this.files.keys(), ...this.truncated.keys()]) if (inside(path, folder)) this.deleteFile(path);
  }

  file(path: string): CodeFileReads | undefined {
    return this.files.get(path);
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Where `name` is read or set (see each read's `kind`), by path then position. */
  readsOf(name: string, inFolder: FolderFilter = ''): ReadLocation[] {
    const paths = [...new Set([...(this.pathsByName.read.get(name) ?? []), ...(this.pathsByName.set.get(name) ?? [])])]
      .filter((path) => accepts(inFolder, path))
      .sort();
    const out: ReadLocation[] = [];
    for (const path of paths) {
      const file = this.files.get(path)!;
      for (const read of file.reads) if (read.name === name) out.push({ path, language: file.language, read });
    }
    return out;
  }

  /** The names read (kind 'read'; or set, kind 'set') under a folder, sorted. */
  namesRead(inFolder: FolderFilter = '', kind: EnvRead['kind'] = 'read'): string[] {
    const names: string[] = [];
    for (const [name, paths] of this.pathsByName[kind]) {
      for (const path of paths) {
        if (accepts(inFolder, path)) {
          names.push(name);
          break;
        }
      }
    }
    return names.sort();
  }

  private removeNames(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    for (const read of old.reads) {
      const byName = this.pathsByName[read.kind];
      const paths = byName.get(read.name);
      if (!paths) continue;
      paths.delete(path);
      if (paths.size === 0) byName.delete(read.name);
    }
  }
}

function accepts(filter: FolderFilter, path: string): boolean {
  return typeof filter === 'function' ? filter(path) : inside(path, filter);
}

function inside(path: string, folder: string): boolean {
  if (folder === '' || folder === '.') return true;
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix) || path === folder;
}
