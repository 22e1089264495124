/**
 * Feeds the code index from the file system: one scan of a workspace folder, then file events,
 * one path at a time (`CodeWorkspace`).
 *
 * The scan walks the folder for code files of the enabled languages (by name: `codeLanguageOf`),
 * never following a symbolic link to a folder, skipping dependency, build and virtual-environment
 * folders and whatever git ignores (folders and files: generated code is not the app's), files over
 * `maxFileBytes` and minified bundles. It stops at `maxFiles` code files or `maxEntries` directory
 * entries. Files are read synchronously (small, mostly cached) between event-loop turns; extraction (synchronous) runs in slices of
 * a few milliseconds with a turn of the event loop between them, so a server keeps answering while a
 * large repository is indexed. The grammars are loaded when the first file needs one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CodeIndex, type CodeIndexLimits } from '../service/code/codeIndex';
import { extractReads, mayRead } from '../service/code/extract';
import { codeLanguageOf } from '../service/code/languages';
import type { CodeLanguage, EnvRead } from '../service/code/types';
import { codeExtractPool } from './codeExtractPool';
import { loadCodeParsers, type LoadedCodeParsers } from './codeParsers';
import { GitIgnoreOracle, type GitEnvironment } from './projectGit';
import { SKIPPED_FOLDERS } from './projectScan';

/** Dependencies, build output, caches and virtual environments: never the app's own code. */
export const CODE_SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  ...SKIPPED_FOLDERS,
  'out', 'target', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', 'coverage', '.turbo', '.cache', 'bower_components', '.gradle', '.terraform',
]);

export interface CodeScanOptions {
  /** Languages to read (default: all). */
  languages?: readonly CodeLanguage[];
  maxFiles?: number;
  maxFileBytes?: number;
  maxEntries?: number;
  /** Skip what git ignores (default true; needs a repository). */
  respectGitignore?: boolean;
  git?: GitEnvironment;
  /** Longest run of synchronous work before the scan lets the event loop turn (ms). */
  sliceMs?: number;
  limits?: Partial<CodeIndexLimits>;
  /** Stops the scan (the index keeps what was read). */
  signal?: AbortSignal;
  /** Parse in worker threads (default true; false: on the main thread, in slices). */
  workers?: boolean;
  /** Where a reader's failure is logged (a path and a stack, never a file's text). */
  log?: (message: string) => void;
}

export interface CodeScanStats {
  /** Code files found (within the caps). */
  files: number;
  /** Files that could read something and were parsed. */
  parsed: number;
  reads: number;
  /** True when a cap stopped the scan. */
  truncated: boolean;
}

const DEFAULTS = { maxFiles: 20_000, maxFileBytes: 512 * 1024, maxEntries: 200_000, sliceMs: 10 };
const MINIFIED = /\.min\.[cm]?js$/;

interface FoundFile {
  absolute: string;
  rel: string;
  language: CodeLanguage;
}

export class CodeWorkspace {
  readonly root: string;
  readonly index: CodeIndex;
  readonly git: GitIgnoreOracle | undefined;
  private readonly options: CodeScanOptions;
  private readonly enabled: ReadonlySet<CodeLanguage> | undefined;
  stats: CodeScanStats = { files: 0, parsed: 0, reads: 0, truncated: false };

  constructor(root: string, options: CodeScanOptions = {}) {
    this.root = resolve(root);
    this.options = options;
    this.index = new CodeIndex(options.limits);
    this.enabled = options.languages ? new Set(options.languages) : undefined;
    this.git = options.respectGitignore === false ? undefined : GitIgnoreOracle.forPath(this.root, options.git);
  }

  /** Builds a folder's index (one scan). */
  static async scan(root: string, options: CodeScanOptions = {}): Promise<CodeWorkspace> {
    const workspace = new CodeWorkspace(root, options);
    await workspace.scan();
    return workspace;
  }

  /** The language of a workspace-relative path when it is enabled. */
  languageOf(rel: string): CodeLanguage | undefined {
    const language = codeLanguageOf(rel);
    return language && (!this.enabled || this.enabled.has(language)) && !MINIFIED.test(rel) ? language : undefined;
  }

  async scan(): Promise<CodeScanStats> {
    const slice = new Slicer(this.options.sliceMs ?? DEFAULTS.sliceMs);
    const maxFileBytes = this.options.maxFileBytes ?? DEFAULTS.maxFileBytes;
    const pool = this.options.workers === false ? undefined : codeExtractPool();
    const inFlight = new Set<Promise<void>>();
    // Files are read and handed to the workers as the walk finds them (folder by folder), so parsing
    // starts at once instead of after the whole walk.
    for await (const file of this.walk()) {
      if (this.options.signal?.aborted) break;
      // Read synchronously: from the page cache a small file costs a few microseconds this way, and
      // several times more through the thread pool's round trips (open, stat, read, close each one).
      // The slicer still lets the event loop turn every few milliseconds.
      await slice.maybeYield();
      const text = readSmallTextSync(file.absolute, maxFileBytes);
      if (text === undefined || !mayRead(file.language, text)) continue;
      this.stats.parsed++;
      if (pool) {
        const done = pool
          .extract(file.language, text)
          .catch(async () => this.extract(file.rel, file.language, text, await loadCodeParsers([file.language])))
          .then((reads) => {
            this.stats.reads += reads.length;
            this.index.setFile(file.rel, file.language, reads);
            inFlight.delete(done);
          });
        inFlight.add(done);
        if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
        continue;
      }
      const parsers = await loadCodeParsers([file.language]);
      const reads = this.extract(file.rel, file.language, text, parsers);
      this.stats.reads += reads.length;
      this.index.setFile(file.rel, file.language, reads);
    }
    await Promise.all(inFlight);
    return this.stats;
  }

  /** The model's path of an absolute path; undefined outside the folder. */
  relativePath(absolute: string): string | undefined {
    const rel = relative(this.root, resolve(absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  /**
   * Applies one file event (a file or a folder created, changed or deleted); true when the index
   * changed. A `.gitignore` change makes the git oracle forget what it read.
   */
  async onFileEvent(absolute: string, kind: 'created' | 'changed' | 'deleted'): Promise<boolean> {
    const rel = this.relativePath(absolute);
    if (rel === undefined) return false;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (name === '.gitignore' || rel.startsWith('.git/')) this.git?.invalidate();
    const before = this.index.generation;
    if (kind === 'deleted') {
      this.index.deleteFile(rel);
      this.index.deleteFolder(rel);
      return this.index.generation !== before;
    }
    const language = this.languageOf(rel);
    if (!language) return false;
    if (this.excluded(rel)) {
      this.index.deleteFile(rel);
      return this.index.generation !== before;
    }
    const text = await readSmallText(absolute, this.options.maxFileBytes ?? DEFAULTS.maxFileBytes);
    if (text === undefined) this.index.deleteFile(rel);
    else await this.setText(rel, language, text);
    return this.index.generation !== before;
  }

  /** Indexes a text for a path (an open document's unsaved text, or a file just read). */
  async setText(rel: string, language: CodeLanguage, text: string): Promise<void> {
    const parsers = mayRead(language, text) ? await loadCodeParsers([language]) : undefined;
    this.index.setFile(rel, language, this.extract(rel, language, text, parsers));
  }

  /** Extraction never takes the scan down: a file that makes a reader throw gives no reads, and is logged (stack only). */
  private extract(rel: string, language: CodeLanguage, text: string, parsers: LoadedCodeParsers | undefined): EnvRead[] {
    try {
      return extractReads(language, text, parsers);
    } catch (error) {
      this.options.log?.(`code index: reading ${rel} failed: ${error instanceof Error ? error.stack : 'unknown error'}`);
      return [];
    }
  }

  private excluded(rel: string): boolean {
    const parts = rel.split('/');
    const name = parts.pop()!;
    if (parts.some((part) => CODE_SKIPPED_FOLDERS.has(part))) return true;
    if (!this.git) return false;
    return this.git.isGitIgnored(join(this.root, ...parts, name)) === true;
  }

  /** The code files of the folder, in a stable order (sorted per folder, depth first), as they are found. */
  private async *walk(): AsyncGenerator<FoundFile> {
    const maxFiles = this.options.maxFiles ?? DEFAULTS.maxFiles;
    const maxEntries = this.options.maxEntries ?? DEFAULTS.maxEntries;
    const slice = new Slicer(this.options.sliceMs ?? DEFAULTS.sliceMs);
    let found = 0;
    let entriesSeen = 0;
    const pending: { absolute: string; rel: string }[] = [{ absolute: this.root, rel: '' }];
    while (pending.length > 0) {
      if (this.options.signal?.aborted) break;
      const dir = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = await readdir(dir.absolute, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const folders: { absolute: string; rel: string }[] = [];
      for (const entry of entries) {
        if (++entriesSeen > maxEntries) {
          this.stats.truncated = true;
          return;
        }
        const absolute = join(dir.absolute, entry.name);
        const rel = dir.rel === '' ? entry.name : `${dir.rel}/${entry.name}`;
        // Dirent types come from lstat: a link is neither a folder nor a file here, and is never followed.
        if (entry.isDirectory()) {
          if (CODE_SKIPPED_FOLDERS.has(entry.name)) continue;
          if (this.git?.isGitIgnored(absolute, true)) continue;
          folders.push({ absolute, rel });
        } else if (entry.isFile()) {
          const language = this.languageOf(rel);
          if (!language || this.git?.isGitIgnored(absolute)) continue;
          if (found >= maxFiles) {
            this.stats.truncated = true;
            return;
          }
          found++;
          this.stats.files++;
          yield { absolute, rel, language };
        }
      }
      for (let i = folders.length - 1; i >= 0; i--) pending.push(folders[i]);
      await slice.maybeYield();
    }
  }
}

async function readSmallText(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A regular file's text, or undefined (gone, not a regular file, over `maxBytes`); never blocks on a FIFO. */
function readSmallTextSync(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const buffer = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Lets the event loop turn once synchronous work has run for `ms`. */
class Slicer {
  private start = performance.now();
  constructor(private readonly ms: number) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.start < this.ms) return;
    await new Promise<void>((done) => setImmediate(done));
    this.start = performance.now();
  }
}
