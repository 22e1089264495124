/**
 * The code index of one workspace folder, as the protocol layer uses it: built on first need,
 * kept current by file events and open documents' text (which wins over the disk's until the
 * document is closed). Parsers (tree-sitter, WebAssembly) are loaded once, on first need.
 */
import { join } from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { loadCodeParsers, type LoadedCodeParsers } from '../node/codeParsers';
import { extractReads } from '../service/code/extract';
import { CODE_LANGUAGES, codeLanguageOf } from '../service/code/languages';
import { readSiteAt } from '../service/code/readSite';
import type { CodeLanguage, EnvRead, ReadSite } from '../service/code/types';
import type { CodeRead } from '../service/code/usage';
import type { Logger } from './guard';
import { scanCodeFolder, readCodeFile } from './codeScanAdapter';
import { codeUsageOf, type CodeUsage } from '../service/code/usage';
import type { CodeFileReads } from '../service/code/types';

/** The reads of every code file of the folder (files without reads left out), and a name index rebuilt on demand. */
class FolderReads {
  private readonly files = new Map<string, CodeFileReads>();
  private byName: CodeUsage | undefined;
  generation = 0;

  file(path: string): CodeFileReads | undefined {
    return this.files.get(path);
  }

  setFile(path: string, language: CodeLanguage, reads: readonly EnvRead[]): void {
    this.generation++;
    this.byName = undefined;
    if (reads.length === 0) this.files.delete(path);
    else this.files.set(path, { path, language, reads });
  }

  deleteFile(path: string): void {
    if (!this.files.delete(path)) return;
    this.generation++;
    this.byName = undefined;
  }

  paths(): Iterable<string> {
    return this.files.keys();
  }

  readsOf(name: string): readonly CodeRead[] {
    this.byName ??= codeUsageOf([...this.files.values()]);
    return this.byName.readsOf(name);
  }
}

/** What the client watches for the code index (compose files are watched as project files already). */
export const CODE_WATCH_GLOBS = [
  '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,go,rb,rake,php,rs,sh,bash,zsh}',
  '**/Dockerfile*',
  '**/Containerfile*',
  '**/*.dockerfile',
];

let parsers: Promise<LoadedCodeParsers> | undefined;

/** Every grammar, loaded once per process on first need. */
export function codeParsers(): Promise<LoadedCodeParsers> {
  parsers ??= loadCodeParsers(CODE_LANGUAGES);
  return parsers;
}

export async function readsOfText(language: CodeLanguage, text: string): Promise<EnvRead[]> {
  return extractReads(language, text, await codeParsers());
}

export async function siteOfText(language: CodeLanguage, text: string, offset: number): Promise<ReadSite | undefined> {
  return readSiteAt(language, text, offset, await codeParsers());
}

export interface FolderCodeIndex {
  /** Resolves when the first scan finished. */
  readonly ready: Promise<void>;
  /** The first scan finished: every code file was read. */
  readonly complete: boolean;
  /** Changes whenever some file's reads change. */
  readonly version: number;
  /** The code files that read something. */
  paths(): Iterable<string>;
  readsOf(name: string): readonly CodeRead[];
  /** An open document's text replaces the disk's; true when the names the file reads changed. */
  setOpenText(rel: string, language: CodeLanguage, text: string): boolean;
  /** The document closed: the disk's text again; true when the names changed. */
  closed(rel: string): boolean;
  /** A watched-file event of a code file; true when the names read changed. */
  fileEvent(rel: string, type: FileChangeType): boolean;
}

export function openFolderCodeIndex(root: string, languages: readonly CodeLanguage[], log: Logger): FolderCodeIndex {
  const index = new FolderReads();
  /** Open documents' text, which wins over the disk's (kept until the scan can use it). */
  const open = new Map<string, { language: CodeLanguage; text: string }>();
  const wanted = new Set(languages);
  let complete = false;
  const namesOf = (rel: string) => [...new Set((index.file(rel)?.reads ?? []).map((r) => `${r.kind}:${r.name}`))].sort().join('\0');
  const update = (rel: string, language: CodeLanguage | undefined, text: string | undefined, loaded: LoadedCodeParsers): boolean => {
    const before = namesOf(rel);
    if (!language || text === undefined || !wanted.has(language)) index.deleteFile(rel);
    else index.setFile(rel, language, extractReads(language, text, loaded));
    return namesOf(rel) !== before;
  };
  let loaded: LoadedCodeParsers | undefined;
  const ready = (async () => {
    loaded = await codeParsers();
    for (const [rel, { language, text }] of open) update(rel, language, text, loaded);
    for await (const { rel, language, text } of scanCodeFolder(root)) {
      if (!open.has(rel) && wanted.has(language)) index.setFile(rel, language, extractReads(language, text, loaded));
    }
    complete = true;
  })();
  ready.catch((error: unknown) => log(`envls: the code index of ${root} failed: ${(error as Error).stack}`));
  return {
    ready,
    get complete() {
      return complete;
    },
    get version() {
      return index.generation;
    },
    paths: () => index.paths(),
    readsOf: (name) => index.readsOf(name),
    setOpenText(rel, language, text) {
      open.set(rel, { language, text });
      return loaded ? update(rel, language, text, loaded) : false;
    },
    closed(rel) {
      open.delete(rel);
      return loaded ? update(rel, codeLanguageOf(rel), readCodeFile(join(root, ...rel.split('/'))), loaded) : false;
    },
    fileEvent(rel, type) {
      if (open.has(rel) && type !== FileChangeType.Deleted) return false;
      if (!loaded) return false;
      const text = type === FileChangeType.Deleted ? undefined : readCodeFile(join(root, ...rel.split('/')));
      return update(rel, codeLanguageOf(rel), text, loaded);
    },
  };
}
