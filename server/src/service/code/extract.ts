/**
 * What a code file reads from the environment: `extractReads(language, text, parsers)`.
 *
 * Usage: the node layer loads the grammars once (`loadCodeParsers` in server/src/node/codeParsers.ts,
 * asynchronous, on first need) and passes the `CodeParsers` it gets; everything here is then
 * synchronous and pure. `extractReads` parses (tree-sitter) only files that may read something
 * (`mayRead`, a text test), walks the tree from each candidate word (so comments, strings and unrelated
 * calls are not reads), frees the tree and returns EnvRead[] in text order. Dockerfiles and compose
 * files need no parser. A language whose grammar is not loaded gives no reads.
 * `readSiteAt` (readSite.ts) answers where a name may be completed; `codeLanguageOf` (languages.ts)
 * maps a path to its language; `CodeIndex` (codeIndex.ts) keeps the reads of every file.
 */
import { ReadCollector } from './collect';
import { composeReads } from './languages/compose';
import { dockerfileReads } from './languages/dockerfile';
import { goReads } from './languages/go';
import { javascriptReads } from './languages/javascript';
import { phpReads } from './languages/php';
import { pythonReads } from './languages/python';
import { rubyReads } from './languages/ruby';
import { rustReads } from './languages/rust';
import { shellReads } from './languages/shell';
import type { CodeParsers, SyntaxNode } from './syntax';
import type { CodeLanguage, EnvRead } from './types';

type TreeReader = (root: SyntaxNode, out: ReadCollector) => void;

const TREE_READERS: Partial<Record<CodeLanguage, TreeReader>> = {
  javascript: javascriptReads,
  javascriptreact: javascriptReads,
  typescript: javascriptReads,
  typescriptreact: javascriptReads,
  python: pythonReads,
  go: goReads,
  ruby: rubyReads,
  php: phpReads,
  rust: rustReads,
  shellscript: shellReads,
};

/**
 * A cheap test run before parsing: a file none of whose text has the shape of a read reads nothing
 * (every read form below needs one of these). Parsing is most of the cost, so the sharper the better.
 */
const JS_MAY_READ = /\b(?:process|Bun|Deno|meta)\s*(?:\?\.|\.)\s*env\b/;
const MAY_READ: Record<CodeLanguage, RegExp> = {
  javascript: JS_MAY_READ,
  javascriptreact: JS_MAY_READ,
  typescript: JS_MAY_READ,
  typescriptreact: JS_MAY_READ,
  python: /\b(?:environ|getenv)\b|\benv\s*(?:\.\s*\w+\s*)?\(/,
  go: /\bos\s*\.\s*(?:Getenv|LookupEnv)\b/,
  ruby: /\bENV\b/,
  php: /\b(?:env|getenv)\s*\(|\$_(?:ENV|SERVER)\b/,
  rust: /\benv\s*::\s*var|\b(?:option_)?env\s*!/,
  shellscript: /\$\{?[#!]?[A-Za-z_]/,
  dockerfile: /\$|\b(?:ENV|ARG)\b/i,
  dockercompose: /\$|environment/,
};

export function mayRead(language: CodeLanguage, text: string): boolean {
  return MAY_READ[language].test(text);
}

export function extractReads(language: CodeLanguage, text: string, parsers: CodeParsers | undefined): EnvRead[] {
  if (!mayRead(language, text)) return [];
  const out = new ReadCollector(text);
  if (language === 'dockerfile') dockerfileReads(out);
  else if (language === 'dockercompose') composeReads(out);
  else {
    const tree = parsers?.parse(language, text);
    if (!tree) return [];
    try {
      TREE_READERS[language]!(tree.rootNode, out);
    } finally {
      tree.delete();
    }
  }
  return out.reads();
}
