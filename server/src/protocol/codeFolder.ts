/**
 * The code index of one workspace folder, as the protocol layer uses it: built on first need,
 * kept current by file events and open documents' text (which wins over the disk's until the
 * document is closed). Parsers (tree-sitter, WebAssembly) are loaded once, on first need.
 */
import { join } from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { loadCodeParsers, type DocumentParsers, type LoadedCodeParsers } from '../node/codeParsers';
import { extractReads } from '../service/code/extract';
import { CODE_LANGUAGES } from '../service/code/languages';
import { readSiteAt } from '../service/code/readSite';
import type { CodeLanguage, EnvRead, ReadSite } from '../service/code/types';
import type { CodeRead } from '../service/code/usage';
import type { Logger } from './guard';
import { CodeWorkspace } from '../node/codeScan';
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

/** `document`: the open document's own parsers (its tree kept between versions), when there are some. */
export async function readsOfText(language: CodeLanguage, text: string, document?: DocumentParsers): Promise<EnvRead[]> {
  const loaded = await codeParsers();
  return extractReads(language, text, document ?? loaded);
}

/** `document`: the open document's own parsers (its tree kept between requests), when there are some. */
export async function siteOfText(language: CodeLanguage, text: string, offset: number, document?: DocumentParsers): Promise<ReadSite | undefined> {
  const loaded = await codeParsers();
  return readSiteAt(language, text, offset, document ?? loaded);
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
  setOpenText(rel: string, language: CodeLanguage, text: string): Promise<boolean>;
  /** The document closed: the disk's text again; true when the names changed. */
  closed(rel: string): Promise<boolean>;
  /** A watched-file event of a code file; true when the names read changed. */
  fileEvent(rel: string, type: FileChangeType): Promise<boolean>;
}

/** The folder's index (node/codeScan), its first scan started now; open documents' text wins over the disk's. */
export function openFolderCodeIndex(root: string, languages: readonly CodeLanguage[], log: Logger): FolderCodeIndex {
  const workspace = new CodeWorkspace(root, { languages, log });
  const { index } = workspace;
  const open = new Map<string, { language: CodeLanguage; text: string }>();
  let complete = false;
  const namesOf = (rel: string) => [...new Set((index.file(rel)?.reads ?? []).map((r) => `${r.kind}:${r.name}`))].sort().join('\0');
  const changing = async (rel: string, update: () => Promise<unknown>): Promise<boolean> => {
    const before = namesOf(rel);
    await update();
    return namesOf(rel) !== before;
  };
  const ready = (async () => {
    await workspace.scan();
    // The scan read the disk: the open documents' text wins.
    for (const [rel, { language, text }] of open) await workspace.setText(rel, language, text);
    complete = true;
  })();
  ready.catch((error: unknown) => log(`envls: the code index of ${root} failed: ${(error as Error).stack}`));
  const absolute = (rel: string) => join(workspace.root, ...rel.split('/'));
  return {
    ready,
    get complete() {
      return complete;
    },
    get version() {
      return index.generation;
    },
    paths: () => index.paths(),
    readsOf: (name) => index.readsOf(name).map(({ path, read }) => ({ path, read })),
    setOpenText(rel, language, text) {
      open.set(rel, { language, text });
      return changing(rel, () => workspace.setText(rel, language, text));
    },
    closed(rel) {
      open.delete(rel);
      return changing(rel, () => workspace.onFileEvent(absolute(rel), 'changed'));
    },
    fileEvent(rel, type) {
      if (open.has(rel) && type !== FileChangeType.Deleted) return Promise.resolve(false);
      const kind = type === FileChangeType.Created ? 'created' : type === FileChangeType.Deleted ? 'deleted' : 'changed';
      return changing(rel, () => workspace.onFileEvent(absolute(rel), kind));
    },
  };
}
