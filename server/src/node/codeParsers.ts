/**
 * Loads tree-sitter (web-tree-sitter, WebAssembly) and the grammars of the code languages, on first
 * need and never at server start: `loadCodeParsers(languages)` resolves to the service's `CodeParsers`.
 *
 * The runtime and grammars come from @vscode/tree-sitter-wasm, the build VS Code itself ships: one
 * package holds the runtime and grammars built with the same tree-sitter, so their ABI always matches.
 * In the bundles they are files beside the script (dist/tree-sitter.js, dist/*.wasm, copied by
 * scripts/build.mjs); from the sources (tests), the package's own folder.
 * Dockerfile and compose files need no grammar (read as text; see service/code/languages/).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Edit, Language, Parser, Point, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeParsers, SyntaxTree } from '../service/code/syntax';
import type { CodeLanguage } from '../service/code/types';

type TreeSitter = typeof import('@vscode/tree-sitter-wasm');

/** The grammar file (tree-sitter-<name>.wasm) of each language that has one. */
export const GRAMMAR_OF: Partial<Record<CodeLanguage, string>> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  python: 'python',
  go: 'go',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
  shellscript: 'bash',
};

export interface LoadedCodeParsers extends CodeParsers {
  /** Languages whose grammar could not be loaded, with why (no values: file names and messages). */
  readonly failures: ReadonlyMap<CodeLanguage, string>;
}

let runtime: Promise<TreeSitter> | undefined;
const grammars = new Map<string, Promise<Language>>();
const parsers = new Map<string, Parser>();
const failures = new Map<CodeLanguage, string>();

/** The folder of tree-sitter.wasm and the grammars: beside the bundle, else the package's. */
function wasmFolder(): string {
  if (existsSync(join(__dirname, 'tree-sitter.wasm'))) return __dirname;
  return dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
}

function loadRuntime(): Promise<TreeSitter> {
  runtime ??= (async () => {
    // Required here, not imported: the bundles resolve it to dist/tree-sitter.js, loaded on first use.
    const treeSitter = require('@vscode/tree-sitter-wasm') as TreeSitter;
    const folder = wasmFolder();
    await treeSitter.Parser.init({ locateFile: (file: string) => join(folder, file) });
    return treeSitter;
  })();
  return runtime;
}

/** Loads the grammars of `languages` (each once per process) and answers parsers for every grammar loaded so far. */
export async function loadCodeParsers(languages: Iterable<CodeLanguage>): Promise<LoadedCodeParsers> {
  const treeSitter = await loadRuntime();
  const folder = wasmFolder();
  await Promise.all(
    [...new Set(languages)].map(async (language) => {
      const grammar = GRAMMAR_OF[language];
      if (!grammar || parsers.has(grammar)) return;
      let loading = grammars.get(grammar);
      if (!loading) {
        loading = treeSitter.Language.load(join(folder, `tree-sitter-${grammar}.wasm`));
        grammars.set(grammar, loading);
      }
      try {
        const loaded = await loading;
        if (!parsers.has(grammar)) {
          const parser = new treeSitter.Parser();
          parser.setLanguage(loaded);
          parsers.set(grammar, parser);
        }
        failures.delete(language);
      } catch (error) {
        grammars.delete(grammar);
        failures.set(language, error instanceof Error ? error.message : String(error));
      }
    }),
  );
  return { parse, failures };
}

function parse(language: CodeLanguage, text: string): SyntaxTree | undefined {
  const grammar = GRAMMAR_OF[language];
  const parser = grammar ? parsers.get(grammar) : undefined;
  return parser?.parse(text) ?? undefined;
}

/**
 * Parsers for one open document that keep its last tree: the same text again reuses it, and a new
 * version is parsed incrementally from it (tree-sitter reuses what the edit did not touch), so a
 * completion request after a keystroke costs a fraction of a full parse. The tree handed out is a
 * copy only in name: its `delete` does nothing, the tree lives until the next text or `dispose`.
 * Needs `loadCodeParsers` to have loaded the document's grammar (else `parse` answers undefined).
 */
export interface DocumentParsers extends CodeParsers {
  /** Frees the kept tree (the document closed). */
  dispose(): void;
}

export function documentParsers(): DocumentParsers {
  let last: { language: CodeLanguage; text: string; tree: Tree } | undefined;
  const keep = (tree: Tree): SyntaxTree => ({ rootNode: tree.rootNode, delete: () => undefined });
  return {
    parse(language, text) {
      const grammar = GRAMMAR_OF[language];
      const parser = grammar ? parsers.get(grammar) : undefined;
      if (!parser) return undefined;
      if (last?.language === language && last.text === text) return keep(last.tree);
      let old: Tree | undefined;
      if (last?.language === language) {
        old = last.tree;
        old.edit(editBetween(last.text, text));
      } else last?.tree.delete();
      const tree = parser.parse(text, old) ?? undefined;
      old?.delete();
      last = tree ? { language, text, tree } : undefined;
      return tree ? keep(tree) : undefined;
    },
    dispose() {
      last?.tree.delete();
      last = undefined;
    },
  };
}

/** The one edit that turns `before` into `after`: the span between their common prefix and suffix. */
function editBetween(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: index - lineStart };
}
