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
import type { Language, Parser } from '@vscode/tree-sitter-wasm';
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
